import Foundation
import Testing
import TestSupport

/// Times that cannot be: a new ticket's deadline is the SLA policy's, nothing
/// is dated before the ticket was created, and no commit is committed in
/// the server's future.
@Suite(.serialized) struct ImpossibleTimesTests {
    static func refused(_ d: HookTestDesk, _ what: String, rule: String) throws {
        try d.commitByHand(what)
        let before = try d.serverHead()
        let push = try d.push(["HEAD:main"], pusher: "li")
        #expect(push.status != 0, "\(what): the server accepted it: \(push)")
        #expect(push.stderr.contains(": \(rule): "), "\(what): \(push)")
        #expect(try d.serverHead() == before)
        try d.must(d.sandbox.git(["reset", "-q", "--hard", "origin/main"], in: "desk"))
    }

    /// The first ticket's text under a new ID of the same day, as li would hand-write one.
    static func bornCopy(_ d: HookTestDesk, _ change: (String) -> String) throws {
        let id = String(d.id.dropLast()) + (d.id.hasSuffix("2") ? "3" : "2")
        let text = try d.sandbox.read("desk/\(d.path)").replacingOccurrences(of: d.id, with: id)
        try d.sandbox.write("desk/tickets/2024/05/\(id).md", change(text))
    }

    @Test func aBornTicketsDueAndExpectedByAreBelievable() throws {
        let d = try HookTestDesk()
        let file = try d.sandbox.read("desk/\(d.path)")
        let due = try #require(file.split(separator: "\n").first { $0.hasPrefix("due: ") })
        try Self.bornCopy(d) { $0.replacingOccurrences(of: String(due), with: "due: 9999-12-31T00:00:00+08:00") }
        try Self.refused(d, "far deadline", rule: "record-time")
        try Self.bornCopy(d) { $0.replacingOccurrences(of: String(due), with: "\(due)\nexpected_by: 0001-01-01T00:00:00+08:00") }
        try Self.refused(d, "expected long ago", rule: "record-time")
        // The same copy with the policy's deadline passes.
        try Self.bornCopy(d) { $0 }
        try d.commitByHand("a second ticket")
        try d.must(d.push(["HEAD:main"], pusher: "li"))
    }

    @Test func nothingIsRecordedBeforeTheTicketWasCreated() throws {
        let d = try HookTestDesk()
        try d.edit { $0.replacingOccurrences(of: "\n---\n", with: "\nresponded: 2024-04-29T15:30:00+08:00\n---\n") }
        #expect(try d.sandbox.read("desk/\(d.path)").contains("responded: 2024-04-29"))
        try Self.refused(d, "responded early", rule: "record-time")
    }

    @Test func aCommitFromTheServersFutureIsRefused() throws {
        let s = try TimeServer()
        let now = ClockTimes.iso(0)
        try s.sandbox.write("desk/\(s.path)", try s.sandbox.read("desk/\(s.path)") + "- \(now) li: 已电话联系客户\n")
        try s.must(s.sandbox.git(["commit", "-q", "--no-verify", "-am", "call"], in: "desk",
                                 env: ["GIT_COMMITTER_DATE": "2030-01-01T00:00:00+08:00"]))
        let before = try s.serverHead()
        let push = try s.push(as: "li")
        #expect(push.status != 0, "the server accepted it: \(push)")
        #expect(push.stderr.contains(": backdate: ") && push.stderr.contains("committer 日期"), "\(push)")
        #expect(try s.serverHead() == before)
    }
}
