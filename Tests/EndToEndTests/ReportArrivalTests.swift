import Foundation
import Testing
import TestSupport

/// Issue 9 left this open: a clone that records a first response with an
/// earlier time than it was made (its clock set back) and syncs later. The
/// server stamps the commit's arrival; the period report counts the first
/// response from that arrival once the clone holds the stamps.
@Suite("report: a back-dated first response counts from its arrival at the server")
struct ReportArrivalTests {
    @Test("first_response_hours: the recorded 10 minutes before the stamps are fetched, about 3 hours after")
    func backdatedFirstResponse() throws {
        let desk = try TestDesk(timezone: "Asia/Shanghai")
        let s = desk.sandbox
        func must(_ r: Sandbox.Result, _ line: Int = #line) throws -> Sandbox.Result {
            try #require(r.status == 0, "line \(line): \(r)")
            return r
        }
        _ = try must(s.git(["clone", "-q", "--bare", "desk", "server.git"]))
        _ = try must(s.gitdesk(["hooks", "install", "--server", "-C", "server.git"]))
        _ = try must(desk.git(["remote", "add", "origin", "../server.git"]))
        _ = try must(desk.git(["fetch", "-q", "origin"]))
        _ = try must(desk.git(["branch", "-q", "-u", "origin/main"]))

        // A ticket recorded three hours ago; a handler in a clone "answers" it ten
        // minutes after it came in (the clock set back) and pushes only now.
        let id = try desk.record(title: "无法开机", priority: "urgent", now: ClockTimes.iso(-3 * ClockTimes.hour))
        try desk.succeed(["move", id, "in_progress"], as: "zhang", now: ClockTimes.iso(-3 * ClockTimes.hour + 600))
        #expect(try desk.showJSON(id)["responded"] as? String != nil)
        _ = try must(desk.git(["push", "-q", "origin", "main"]))

        let today = String(ClockTimes.iso(0).prefix(10)), yesterday = String(ClockTimes.iso(-ClockTimes.day).prefix(10))
        func firstResponse() throws -> [String: Any] {
            let out = try desk.succeed(["report", "--from", yesterday, "--to", today, "--format", "json"])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
            return try #require(json["first_response_hours"] as? [String: Any], "\(out)")
        }
        // Without the server's stamps the clone only has the recorded time.
        let recorded = try firstResponse()
        #expect(recorded["count"] as? Int == 1 && recorded["mean"] as? Double == 0.17, "\(recorded)")

        _ = try must(desk.git(["fetch", "-q", "origin", "+refs/notes/gitdesk-arrivals:refs/notes/gitdesk-arrivals"]))
        let arrived = try firstResponse()
        let hours = try #require(arrived["mean"] as? Double, "\(arrived)")
        #expect(arrived["count"] as? Int == 1 && hours >= 2.99 && hours < 3.5,
                "the first response counts from its arrival, about 3 h after the ticket came in: \(arrived)")
    }
}
