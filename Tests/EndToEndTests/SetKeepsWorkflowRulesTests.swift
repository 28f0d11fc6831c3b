import Foundation
import Testing
import TestSupport

/// `set` changes plain fields only: what a workflow step owns goes through
/// that step's command, so its rules always apply; a new priority moves the
/// deadline with it.
@Suite("set keeps the workflow's rules")
struct SetKeepsWorkflowRulesTests {
    let now = "2024-05-06T10:00:00+08:00"

    @Test("fields a workflow step owns are refused with the command to use, and nothing is written",
          arguments: [("satisfaction=5", "gitdesk confirm"), ("status=closed", "gitdesk move"),
                      ("assignee=liu", "gitdesk assign"), ("department=product", "--department"),
                      ("due=2024-06-01T10:00:00+08:00", "gitdesk extend"), ("archived=2024-05-07T10:00:00+08:00", "gitdesk archive"),
                      ("responded=2024-05-06T10:00:00+08:00", "gitdesk itself")])
    func ownedFieldsRefused(_ assignment: String, _ command: String) throws {
        let desk = try TestDesk()
        let id = try desk.new(at: now)
        try desk.ok(["move", id, "in_progress"], as: "zhang", at: now)
        let field = String(assignment.split(separator: "=")[0])
        try desk.expectRefused(["set", id, assignment], as: "wang", at: now, "\(field) is not changed with set: use")
        let refused = try desk.run(["set", id, assignment], as: "wang", at: now)
        #expect(refused.stderr.contains(command), "\(refused)")
    }

    @Test("a new priority recomputes the deadline from when the clock started, and logs it")
    func priorityMovesTheDeadline() throws {
        let desk = try TestDesk()
        let id = try desk.new(priority: "urgent", at: now)
        let before = try desk.show(id)
        let urgentDue = try #require(before["due"] as? String)
        try desk.ok(["set", id, "priority=low"], as: "wang", at: "2024-05-06T11:00:00+08:00")
        let after = try desk.show(id)
        let lowDue = try #require(after["due"] as? String)
        #expect(after["priority"] as? String == "low")
        #expect(lowDue > urgentDue, "a low priority must have a later deadline: \(urgentDue) → \(lowDue)")
        let log = try #require(after["log"] as? [[String: Any]])
        let last = try #require(log.last?["text"] as? String)
        #expect(last.contains("修改 (set) priority=low") && last.contains("预计完成时间重新计算"), "\(last)")
        #expect(last.contains(urgentDue) && last.contains(lowDue), "\(last)")
        // And back: the urgent deadline is the one computed at creation (the clock started then).
        try desk.ok(["set", id, "priority=urgent"], as: "wang", at: "2024-05-06T11:30:00+08:00")
        #expect(try desk.show(id)["due"] as? String == urgentDue)
        // The server's validator agrees that this is a legitimate deadline change.
        let validate = try desk.sandbox.gitdesk(["validate", "HEAD~2..HEAD"], in: desk.dir)
        #expect(validate.status == 0, "\(validate)")
    }

    @Test("only a supervisor changes a recorded ticket's priority (it moves the deadline), with set or by hand")
    func priorityNeedsASupervisor() throws {
        let desk = try TestDesk()
        let id = try desk.new(priority: "urgent", at: now)
        try desk.expectRefused(["set", id, "priority=low"], as: "zhang", at: now, "zhang may not change a recorded ticket's priority: it needs the role supervisor")
        let path = try #require(try desk.sandbox.git(["ls-files", "tickets"], in: desk.dir).stdout.split(separator: "\n").first { $0.hasSuffix("\(id).md") })
        let text = try desk.sandbox.read("\(desk.dir)/\(path)")
        try desk.sandbox.write("\(desk.dir)/\(path)", text.replacingOccurrences(of: "priority: urgent", with: "priority: low"))
        let hand = try desk.sandbox.git(["-c", "user.name=技术小张", "-c", "user.email=zhang@desk.example", "commit", "-qam", "lower it"], in: desk.dir)
        #expect(hand.status != 0 && hand.stderr.contains(": permission: "), "\(hand)")
    }

    @Test("a contact set is logged by name, never by its raw value")
    func contactNotLoggedRaw() throws {
        let desk = try TestDesk()
        let id = try desk.new(at: now)
        let set = try desk.run(["set", id, "contact=010-62345678"], as: "li", at: now)
        try #require(set.status == 0, "\(set)")
        #expect(!set.stdout.contains("62345678") && !set.stderr.contains("62345678"), "\(set)")
        let log = try desk.sandbox.git(["log", "-1", "--format=%B"], in: desk.dir).stdout
        #expect(!log.contains("62345678"), "\(log)")
        let objects = try desk.sandbox.git(["cat-file", "--batch-all-objects", "--batch"], in: desk.dir).stdout
        #expect(!objects.contains("62345678"), "the raw contact reached a git object")
    }

    @Test("setting a field to the value it has is nothing to change")
    func sameValue() throws {
        let desk = try TestDesk()
        let id = try desk.new(priority: "urgent", at: now)
        try desk.expectRefused(["set", id, "priority=urgent"], as: "wang", at: now, "nothing to change")
    }
}
