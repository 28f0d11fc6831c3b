import Foundation
import Testing
import TestSupport

/// The fields a workflow step owns (satisfaction, confirmation, breached,
/// assignee, department, responded, archived, extension_*) change only with
/// the log entry that step writes: a hand edit of a closed ticket's rating
/// is refused by the server.
@Suite(.serialized) struct StepFieldTests {
    /// The first ticket flagged overdue by sweep, assigned, resolved, rated 1★ and closed, all pushed.
    static func closedTicket() throws -> HookTestDesk {
        let d = try HookTestDesk()
        for (now, args) in [("2024-05-04T10:00:00+08:00", ["sweep", "--as", "wang"]),
                            ("2024-05-04T10:10:00+08:00", ["assign", d.id, "zhang", "--as", "wang"]),
                            ("2024-05-04T10:20:00+08:00", ["move", d.id, "in_progress", "--as", "zhang"]),
                            ("2024-05-04T10:30:00+08:00", ["resolve", d.id, "--solution", "已补单", "--root-cause", "回调失败", "--as", "zhang"]),
                            ("2024-05-04T10:40:00+08:00", ["confirm", d.id, "--rating", "1", "--as", "li"]),
                            ("2024-05-04T10:50:00+08:00", ["close", d.id, "--as", "li"])] {
            try d.must(d.sandbox.gitdesk(args, in: "desk", env: ["GITDESK_NOW": now]))
        }
        try d.must(d.push(["HEAD:main"], pusher: "admin"))
        return d
    }

    @Test func handEditsOfStepFieldsAreRefused() throws {
        let d = try Self.closedTicket()
        let file = try d.sandbox.read("desk/\(d.path)")
        for line in ["satisfaction: 1", "breached: ", "confirmation: customer", "assignee: zhang", "department: tech_support", "responded: "] {
            #expect(file.contains(line), "\(line) in \(file)")
        }
        let edits: [(String, (String) -> String)] = [
            ("satisfaction", { $0.replacingOccurrences(of: "satisfaction: 1", with: "satisfaction: 5") }),
            ("breached", { $0.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("breached: ") }.joined(separator: "\n") }),
            ("confirmation", { $0.replacingOccurrences(of: "confirmation: customer", with: "confirmation: auto") }),
            ("assignee", { $0.replacingOccurrences(of: "assignee: zhang", with: "assignee: li")
                .replacingOccurrences(of: "department: tech_support", with: "department: customer_service") }),
            ("responded", { $0.replacingOccurrences(of: "responded: 2024-05-04T10:20:00+08:00", with: "responded: 2024-05-01T14:35:00+08:00") }),
            ("archived", { $0.replacingOccurrences(of: "satisfaction: 1\n", with: "satisfaction: 1\narchived: 2024-05-04T11:00:00+08:00\n") }),
        ]
        for (field, edit) in edits {
            try d.edit("desk", edit)
            #expect(try d.sandbox.read("desk/\(d.path)") != file, "\(field): the edit changed nothing")
            try d.commitByHand("tidy \(field)")
            let push = try d.push(["HEAD:main"], pusher: "li")
            #expect(push.status != 0, "\(field): the server accepted it: \(push)")
            #expect(push.stderr.contains(": step-field: "), "\(field): \(push)")
            try d.must(d.sandbox.git(["reset", "-q", "--hard", "origin/main"], in: "desk"))
        }
    }
}
