import Foundation
import Testing
import TestSupport

/// 延期: a handler asks at least 4 h before the deadline, with a reason; a
/// supervisor approves (due moves) or rejects (due stays).
@Suite("Extensions")
struct ExtensionCommandTests {
    // Recorded at 09:00: a high ticket is due a day later, an urgent one at 13:00.
    let created = "2024-05-06T09:00:00+08:00"

    func workedTicket(_ desk: TestDesk, priority: String = "high") throws -> String {
        let id = try desk.new(priority: priority, at: created)
        try desk.ok(["move", id, "in_progress"], as: "chen", at: created)
        return id
    }

    @Test("asked in time, approved by a supervisor: due moves to the time asked for")
    func approve() throws {
        let desk = try TestDesk()
        let id = try workedTicket(desk)
        #expect(try desk.show(id)["due"] as? String == "2024-05-07T09:00:00+08:00")
        let asked = try desk.ok(["extend", id, "--until", "2024-05-08 18:00", "--reason", "等待备件到货"], as: "chen", at: "2024-05-06T15:00:00+08:00")
        #expect(asked.stdout.contains("2024-05-08 18:00"))
        // due stays until approval.
        var t = try desk.show(id)
        #expect(t["due"] as? String == "2024-05-07T09:00:00+08:00")
        #expect(t["extension_until"] as? String == "2024-05-08T18:00:00+08:00")
        try desk.expectRefused(["extend", id, "--until", "2024-05-09 18:00", "--reason", "再延"], as: "chen",
                               at: "2024-05-06T15:10:00+08:00", "already waiting for a supervisor")
        try desk.ok(["approve", id], as: "wang", at: "2024-05-06T16:00:00+08:00")
        t = try desk.show(id)
        #expect(t["due"] as? String == "2024-05-08T18:00:00+08:00")
        #expect(t["extension_until"] == nil || t["extension_until"] is NSNull)
        try desk.expectRefused(["approve", id], as: "wang", at: "2024-05-06T16:05:00+08:00", "no extension is waiting for approval")
    }

    /// Review finding: `validate` judged every ticket at HEAD as if just created,
    /// so an approved extension (or a reopen that restarts the clock) made a
    /// desk built only with gitdesk commands fail `validate` and `validate --all`.
    @Test("a ticket whose deadline moved by approved extension passes validate and validate --all")
    func extendedTicketValidates() throws {
        let desk = try TestDesk()
        let id = try workedTicket(desk, priority: "urgent")
        try desk.ok(["extend", id, "--until", "2024-05-08 18:00", "--reason", "等待备件"], as: "chen", at: "2024-05-06T10:00:00+08:00")
        try desk.ok(["approve", id], as: "wang", at: "2024-05-06T10:30:00+08:00")
        for args in [["validate"], ["validate", "--all"]] {
            let r = try desk.run(args, as: "wang", at: "2024-05-06T11:00:00+08:00")
            #expect(r.status == 0, "\(args): \(r)")
        }
    }

    @Test("rejected: due stays, the reason is logged")
    func reject() throws {
        let desk = try TestDesk()
        let id = try workedTicket(desk)
        try desk.ok(["extend", id, "--until", "2024-05-08 18:00", "--reason", "等待备件"], as: "chen", at: "2024-05-06T15:00:00+08:00")
        try desk.ok(["approve", id, "--reject", "--reason", "备件库存充足"], as: "wang", at: "2024-05-06T16:00:00+08:00")
        let t = try desk.show(id)
        #expect(t["due"] as? String == "2024-05-07T09:00:00+08:00")
        let log = try #require(t["log"] as? [[String: Any]])
        #expect((log.last?["text"] as? String)?.contains("原因：备件库存充足") == true)
        let op = try desk.sandbox.git(["log", "-1", "--format=%(trailers:key=Operation,valueonly,separator=)"], in: desk.dir)
        #expect(op.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "reject")
    }

    @Test("too late (for an urgent 4 h target: less than 1 h before the deadline) and without a reason are refused")
    func tooLateOrNoReason() throws {
        let desk = try TestDesk()
        let id = try workedTicket(desk, priority: "urgent")  // due 13:00
        // --reason is required, as its usage says: a usage error before anything is read.
        let noReason = try desk.run(["extend", id, "--until", "2024-05-07 18:00"], as: "chen", at: created)
        #expect(noReason.status == 64 && noReason.stderr.contains("--reason"), "\(noReason)")
        try desk.expectRefused(["extend", id, "--until", "2024-05-07 18:00", "--reason", " "], as: "chen", at: created, "extend needs a reason")
        try desk.expectRefused(["extend", id, "--until", "2024-05-07 18:00", "--reason", "等待备件"], as: "chen",
                               at: "2024-05-06T12:01:00+08:00",
                               "too late to ask for an extension: the ticket is due 2024-05-06 13:00; ask by 2024-05-06 12:00 (1h before)")
        try desk.expectRefused(["extend", id, "--until", "下周", "--reason", "等待备件"], as: "chen", at: created, "--until '下周' is not a date-time")
        // An urgent ticket can be extended at all: the notice is a share of its 4 h target.
        try desk.ok(["extend", id, "--until", "2024-05-07 18:00", "--reason", "等待备件"], as: "chen", at: "2024-05-06T11:30:00+08:00")
    }

    @Test("an agent may not ask, and only a supervisor may approve")
    func roles() throws {
        let desk = try TestDesk()
        let id = try workedTicket(desk)
        try desk.expectRefused(["extend", id, "--until", "2024-05-08 18:00", "--reason", "等待备件"], as: "li",
                               at: "2024-05-06T15:00:00+08:00", "li may not extend: it needs the role handler or supervisor")
        try desk.ok(["extend", id, "--until", "2024-05-08 18:00", "--reason", "等待备件"], as: "chen", at: "2024-05-06T15:00:00+08:00")
        try desk.expectRefused(["approve", id], as: "li", at: "2024-05-06T16:00:00+08:00", "li may not approve: it needs the role supervisor")
        try desk.expectRefused(["approve", id], as: "zhang", at: "2024-05-06T16:00:00+08:00", "zhang may not approve")
        try desk.expectRefused(["approve", id, "--reject"], as: "zhao", at: "2024-05-06T16:00:00+08:00", "zhao may not approve")
    }
}
