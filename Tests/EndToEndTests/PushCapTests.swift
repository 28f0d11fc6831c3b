import Foundation
import Testing
import TestSupport

/// A push brings at most `max_commits_per_push` new commits (config.yaml of
/// the protected branch): a longer history is refused with what to do.
@Suite(.serialized) struct PushCapTests {
    @Test func aPushOverTheCapIsRefusedAndGoesInParts() throws {
        let d = try HookTestDesk()
        let config = try d.sandbox.read("desk/.gitdesk/config.yaml")
        try d.sandbox.write("desk/.gitdesk/config.yaml", config + "max_commits_per_push: 3\n")
        try d.commitByHand("cap pushes", author: "管理员 <admin@desk.example>")
        try d.must(d.push(["HEAD:main"], pusher: "admin"))
        for n in 1...4 {
            try d.edit { $0 + "- 2024-05-01T15:0\(n):00+08:00 li: 跟进 \(n)\n" }
            try d.commitByHand("note \(n)")
        }
        let before = try d.serverHead()
        let push = try d.push(["HEAD:main"], pusher: "li")
        #expect(push.status != 0, "the server accepted it: \(push)")
        #expect(push.stderr.contains("at most 3 (max_commits_per_push"), "\(push)")
        #expect(try d.serverHead() == before)
        try d.must(d.push(["HEAD~1:main"], pusher: "li"))
        try d.must(d.push(["HEAD:main"], pusher: "li"))
        #expect(try d.serverHead() == d.rev("HEAD"))
    }
}
