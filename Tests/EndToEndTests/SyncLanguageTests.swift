import Foundation
import Testing
import TestSupport

/// sync, status and clone speak the chosen language (the zh/en catalogue),
/// their refusals included; English stays as it was.
@Suite(.serialized) struct SyncLanguageTests {
    @Test func syncStatusAndCloneSpeakChinese() throws {
        let team = try SyncTeam()
        let cloned = try team.sandbox.gitdesk(["clone", team.url(.path), "a", "--lang", "zh"])
        #expect(cloned.status == 0 && cloned.stdout.hasPrefix("已将 ") && cloned.stdout.contains("已安装钩子和合并驱动"), "\(cloned)")
        _ = try team.clone("b")
        let id = try team.record("a", title: "支付成功但订单未生成")
        let pushed = try team.succeed("a", ["sync", "--lang", "zh"])
        #expect(pushed.contains("已向 origin/main 推送 1 个提交"), "\(pushed)")
        let status = try team.succeed("b", ["status", "--fetch", "--lang", "zh"])
        #expect(status.contains("当前分支 main，跟踪 origin/main") && status.contains("origin/main 的 1 个改动未合并"), "\(status)")
        let fetched = try team.succeed("b", ["sync", "--lang", "zh"])
        #expect(fetched.contains("从 origin/main 拉取了 1 个提交：快进"), "\(fetched)")
        #expect(try team.succeed("b", ["sync", "--lang", "zh"]).contains("已与 origin/main 同步"))
        #expect(try team.succeed("b", ["sync"]).contains("Already in sync with origin/main"))

        let path = try team.git("b", ["ls-files", "tickets"]).split(separator: "\n").first { $0.hasSuffix("/\(id).md") }!
        try team.sandbox.write("b/\(path)", try team.sandbox.read("b/\(path)") + "- 2024-05-01T15:00:00+08:00 li: 手改\n")
        let refused = try team.gitdesk("b", ["sync", "--lang", "zh"])
        #expect(refusalProblems(refused, mentioning: ["有未提交的改动", String(path)]).isEmpty, "\(refused)")
    }
}
