import Foundation
import Testing
import TestSupport

/// The SLA clock on the command line: `list --overdue`, `list --due-before`,
/// and the SLA state in `show` (text and JSON).
@Suite("SLA in list and show")
struct SLAListingTests {
    func ids(_ desk: TestDesk, _ args: [String], at time: String) throws -> [String] {
        let r = try desk.ok(["list", "--format", "json"] + args, at: time)
        return try #require(try desk.json(r) as? [[String: Any]]).compactMap { $0["id"] as? String }.sorted()
    }

    @Test("list --overdue and --due-before read the SLA clock, pauses included")
    func overdueAndDueBefore() throws {
        let desk = try TestDesk(language: "zh")
        let urgent = try desk.new(priority: "urgent", at: "2024-05-06T09:00:00+08:00")   // due 13:00
        let high = try desk.new(priority: "high", at: "2024-05-06T09:00:00+08:00")       // due 05-07 09:00
        let waiting = try desk.new(priority: "urgent", at: "2024-05-06T09:00:00+08:00")  // due 13:00, but paused
        try desk.ok(["move", waiting, "needs_info", "--reason", "缺少订单号"], as: "li", at: "2024-05-06T10:00:00+08:00")

        #expect(try ids(desk, ["--overdue"], at: "2024-05-06T12:59:00+08:00") == [])
        // 14:00: the urgent ticket is an hour over; the one waiting on the customer is paused since 10:00.
        #expect(try ids(desk, ["--overdue"], at: "2024-05-06T14:00:00+08:00") == [urgent])
        #expect(try ids(desk, ["--overdue"], at: "2024-05-07T10:00:00+08:00") == [urgent, high].sorted())
        #expect(try ids(desk, ["--due-before", "2024-05-06 18:00"], at: "2024-05-06T11:00:00+08:00") == [urgent, waiting].sorted())
        #expect(try ids(desk, ["--due-before", "2024-05-06 18:00"], at: "2024-05-06T17:00:00+08:00") == [urgent])
        #expect(try ids(desk, ["--due-before", "2024-05-07T09:00:01+08:00"], at: "2024-05-06T11:00:00+08:00").contains(high))
        let bad = try desk.run(["list", "--due-before", "soon"], at: "2024-05-06T11:00:00+08:00")
        #expect(bad.status == 1 && bad.stderr.contains("--due-before 的值「soon」不是日期时间"))
    }

    @Test("show prints the SLA state; show --json adds an sla object")
    func showSLA() throws {
        let desk = try TestDesk(language: "zh")
        let id = try desk.new(priority: "urgent", at: "2024-05-06T09:00:00+08:00")
        try desk.ok(["move", id, "in_progress"], as: "zhang", at: "2024-05-06T09:30:00+08:00")
        let text = try desk.ok(["show", id], at: "2024-05-06T10:00:00+08:00").stdout
        #expect(text.contains("服务时效"))
        #expect(text.contains("解决时限  正常，截止 2024-05-06 13:00，剩余 3小时"))
        let over = try desk.ok(["show", id, "--lang", "en"], at: "2024-05-06T14:20:00+08:00").stdout
        #expect(over.contains("Resolution      Breached, due 2024-05-06 13:00, over by 1h 20m"))

        let t = try desk.show(id, at: "2024-05-06T14:20:00+08:00")
        for key in ["id", "title", "status", "type", "priority", "assignee", "due", "satisfaction", "contacts", "log"] {
            #expect(t.keys.contains(key), "missing \(key)")
        }
        let sla = try #require(t["sla"] as? [String: Any])
        let resolve = try #require(sla["resolve"] as? [String: Any])
        #expect(resolve["state"] as? String == "breached")
        #expect(resolve["due"] as? String == "2024-05-06T13:00:00+08:00")
        #expect(resolve["overrun_seconds"] as? Int == 80 * 60)
        #expect(sla["overdue"] as? Bool == true)
        #expect((sla["respond"] as? [String: Any])?["state"] as? String == "met")
    }
}
