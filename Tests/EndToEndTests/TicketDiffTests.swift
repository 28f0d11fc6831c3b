import Foundation
import Testing
import TestSupport

/// `gitdesk diff`: reading a range of ticket changes like a pull request.
@Suite(.serialized) struct TicketDiffTests {
    @Test("diff shows each field old → new with its label, the log entries added and who made them; --json as in DESIGN.md")
    func reviewARange() throws {
        let d = try HookTestDesk()
        let start = try d.sandbox.git(["rev-parse", "HEAD"], in: "desk").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try d.must(d.sandbox.gitdesk(["set", d.id, "priority=urgent", "--as", "wang"], in: "desk",
                                     env: ["GITDESK_NOW": "2024-05-01T15:00:00+08:00"]))
        try d.must(d.sandbox.gitdesk(["comment", d.id, "技术排查发现接口超时", "--as", "zhang"], in: "desk",
                                     env: ["GITDESK_NOW": "2024-05-01T15:05:00+08:00"]))
        let text = try d.must(d.sandbox.gitdesk(["diff", "\(start)..HEAD", "--lang", "en"], in: "desk")).stdout
        #expect(text.contains("\(d.id) (modified)"), "\(text)")
        #expect(text.contains("Priority: Medium → Urgent"), "\(text)")
        #expect(text.contains("+ 2024-05-01 15:05 zhang: 技术排查发现接口超时"), "\(text)")
        #expect(text.contains("by: 主管老王 <wang@desk.example>, 技术小张 <zhang@desk.example>"), "\(text)")
        let zh = try d.must(d.sandbox.gitdesk(["diff", "\(start)..HEAD", "--lang", "zh"], in: "desk")).stdout
        #expect(zh.contains("优先级: 中 → 紧急"), "\(zh)")

        let json = try d.must(d.sandbox.gitdesk(["diff", "\(start)..HEAD", "--json"], in: "desk")).stdout
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(array.count == 1)
        let entry = try #require(array.first)
        #expect(entry["id"] as? String == d.id)
        #expect(entry["author"] as? String == "技术小张")
        let changes = try #require(entry["changes"] as? [[String: Any]])
        #expect(changes.contains { $0["field"] as? String == "priority" && $0["old"] as? String == "medium" && $0["new"] as? String == "urgent" })
        let added = try #require(entry["log_added"] as? [[String: Any]])
        #expect(added.contains { $0["text"] as? String == "技术排查发现接口超时" && $0["operator"] as? String == "zhang" })

        // Default range: the upstream's tip (origin/main, where the ticket was pushed) to HEAD.
        let byDefault = try d.must(d.sandbox.gitdesk(["diff", "--json"], in: "desk")).stdout
        #expect(byDefault == json)
    }

    @Test("diff names the rules a range breaks and exits 1")
    func brokenRule() throws {
        let d = try HookTestDesk()
        try d.edit { $0.replacingOccurrences(of: "status: new", with: "status: closed") }
        try d.must(d.sandbox.git(["commit", "-q", "--no-verify", "-am", "hand edit"], in: "desk"))
        let r = try d.sandbox.gitdesk(["diff"], in: "desk")
        #expect(r.status == 1, "\(r)")
        #expect(r.stdout.contains("Status: New → Closed") || r.stdout.contains("处理状态: 新建 → 已关闭"), "\(r)")
        #expect(r.stdout.contains("transition"), "\(r)")
    }

    @Test("a bad range is refused with one line")
    func badRange() throws {
        let d = try HookTestDesk()
        let r = try d.sandbox.gitdesk(["diff", "nosuch..HEAD"], in: "desk")
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("gitdesk: 'nosuch..HEAD' names no commits here"), "\(r)")
        #expect(r.stderr.split(separator: "\n").count == 1)
    }
}
