import Foundation
import Testing
import TestSupport

/// History shows every commit in the desk's time zone, whatever zone the
/// commit was made in (a plain git commit on a machine set to UTC).
@Suite("history in the desk's time zone")
struct HistoryZoneTests {
    @Test func aPlainGitCommitInUTCIsShownInTheDesksZone() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        let path = try desk.ticketPath(id)
        try desk.sandbox.write("desk/\(path)", try desk.read(path) + "- 2024-05-01T15:00:00+08:00 li: 已电话联系客户\n")
        let commit = try desk.sandbox.git(["-c", "user.name=客服小李", "-c", "user.email=li@desk.example", "commit", "-qam", "call"],
                                          in: desk.dir, env: ["GIT_AUTHOR_DATE": "2024-05-01T07:00:00+00:00", "GIT_COMMITTER_DATE": "2024-05-01T07:00:00+00:00"])
        try #require(commit.status == 0, "\(commit)")
        let rows = try desk.jsonArray(["history", id, "--json"])
        #expect(rows.first?["time"] as? String == "2024-05-01T15:00:00+08:00", "\(rows)")
        let text = try desk.succeed(["history", id, "--lang", "en"])
        #expect(text.contains("2024-05-01 15:00") && !text.contains("2024-05-01 07:00"), "\(text)")
        #expect(text.hasPrefix("Commit"), "\(text)")
    }
}
