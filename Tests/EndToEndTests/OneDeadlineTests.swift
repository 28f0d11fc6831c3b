import Foundation
import Testing
import TestSupport

/// One deadline per SLA target, the same everywhere: `show`'s 预计完成时间,
/// its SLA line and `list` agree once a pause has moved the deadline out, and
/// an extension is judged against the deadline shown.
@Suite("one deadline, shown everywhere")
struct OneDeadlineTests {
    @Test("after a pause, show, its SLA line and list all show the moved deadline")
    func pauseMovesTheShownDeadline() throws {
        let desk = try TestDesk(language: "zh")
        let id = try desk.new(priority: "medium", at: "2024-05-06T10:00:00+08:00")
        let stored = try #require(try desk.show(id)["due"] as? String)
        try desk.ok(["move", id, "needs_info", "--reason", "缺少订单号"], as: "zhang", at: "2024-05-06T10:30:00+08:00")
        try desk.ok(["move", id, "in_progress"], as: "zhang", at: "2024-05-06T12:30:00+08:00")
        let at = "2024-05-06T13:00:00+08:00"

        let json = try desk.show(id, at: at)
        let sla = try #require(json["sla"] as? [String: Any])
        let resolve = try #require(sla["resolve"] as? [String: Any])
        let effective = try #require(resolve["due"] as? String)
        #expect(effective > stored, "the pause should move the deadline: \(stored) → \(effective)")
        let shown = String(effective.prefix(16)).replacingOccurrences(of: "T", with: " ")

        let text = try desk.run(["show", id], at: at)
        try #require(text.status == 0, "\(text)")
        let dueLine = try #require(text.stdout.split(separator: "\n").first { $0.contains("预计完成时间") })
        #expect(dueLine.contains(shown), "show's due line \(dueLine) is not the SLA deadline \(shown)")
        let slaLine = try #require(text.stdout.split(separator: "\n").first { $0.contains("解决时限") })
        #expect(slaLine.contains(shown), "\(slaLine)")
        let storedShown = String(stored.prefix(16)).replacingOccurrences(of: "T", with: " ")
        #expect(!dueLine.contains(storedShown) && !slaLine.contains(storedShown), "a second deadline is shown: \(text.stdout)")

        let list = try desk.run(["list"], at: at)
        #expect(list.stdout.contains(shown), "\(list)")

        // An extension to a time between the stored and the shown deadline is not an extension.
        #expect(stored == "2024-05-08T10:00:00+08:00" && effective == "2024-05-08T12:00:00+08:00")
        let between = "2024-05-08 11:00"
        try desk.expectRefused(["extend", id, "--until", between, "--reason", "等待供应商"], as: "zhang", at: at, "必须晚于当前截止时间（2024-05-08 12:00）")
    }
}
