import Foundation
import Testing
import TestSupport

/// An entry a commit adds to a ticket's logs is by the commit's author: no
/// one writes a supervisor's approval in the supervisor's name.
@Suite(.serialized) struct LogAuthorTests {
    @Test func aLogEntryInSomeoneElsesNameIsRefused() throws {
        let d = try HookTestDesk()
        try d.edit { $0 + "- 2024-05-01T15:00:00+08:00 wang: 主管批准：同意免除超时考核\n" }
        try d.commitByHand("approval")
        let before = try d.serverHead()
        let push = try d.push(["HEAD:main"], pusher: "li")
        #expect(push.status != 0, "the server accepted it: \(push)")
        #expect(push.stderr.contains(": log-author: "), "\(push)")
        #expect(push.stderr.contains("wang"), "\(push)")
        #expect(try d.serverHead() == before)
        let check = try d.sandbox.gitdesk(["validate", "origin/main..HEAD"], in: "desk")
        #expect(check.status == 1)
        #expect(check.stdout.contains(": log-author: "), "\(check)")
    }

    @Test func aContactInSomeoneElsesNameIsRefused() throws {
        let d = try HookTestDesk()
        let file = try d.sandbox.read("desk/\(d.path)")
        #expect(file.contains("\n## log\n") && !file.contains("## contacts"), "\(file)")
        let contact = "\n## contacts\n\n- 2024-05-01T15:00:00+08:00 wang: phone\n  summary: 已回访，客户满意\n  state: done\n"
        try d.edit { $0.replacingOccurrences(of: "\n## log\n", with: contact + "\n## log\n") }
        try d.commitByHand("contact")
        let push = try d.push(["HEAD:main"], pusher: "li")
        #expect(push.status != 0, "the server accepted it: \(push)")
        #expect(push.stderr.contains(": log-author: "), "\(push)")
    }

    @Test func ownEntriesStillPass() throws {
        let d = try HookTestDesk()
        try d.edit { $0 + "- 2024-05-01T15:00:00+08:00 li: 已电话联系客户\n" }
        try d.commitByHand("call")
        try d.must(d.push(["HEAD:main"], pusher: "li"))
    }
}
