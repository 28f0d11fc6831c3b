import Foundation
import Testing
import TestSupport

/// The server's own checks of who pushes: a stranger moves no ref at all,
/// and only an admin rewrites the desk's branch, whatever receive.* says.
@Suite(.serialized) struct ServerPusherTests {
    @Test func aPusherNotOnTheRosterMovesNoRef() throws {
        let d = try HookTestDesk()
        for spec in ["HEAD:refs/heads/stranger", "HEAD:refs/tags/v-stranger"] {
            let push = try d.push([spec], pusher: "mallory")
            #expect(push.status != 0, "\(spec): the server accepted it: \(push)")
            #expect(push.stderr.contains("'mallory' is not on the roster"), "\(push)")
        }
        #expect(try d.rev("refs/heads/stranger", in: "server.git").isEmpty)
        #expect(try d.rev("refs/tags/v-stranger", in: "server.git").isEmpty)
    }

    @Test func onlyAnAdminForcePushesTheDesksBranch() throws {
        let d = try HookTestDesk()
        try d.must(d.sandbox.git(["config", "receive.denyNonFastForwards", "false"], in: "server.git"))
        for n in 1...3 {
            try d.edit { $0 + "- 2024-05-01T15:0\(n):00+08:00 li: 跟进 \(n)\n" }
            try d.commitByHand("note \(n)")
        }
        try d.must(d.push(["HEAD:main"], pusher: "li"))
        let top = try d.serverHead()
        try d.must(d.sandbox.git(["reset", "-q", "--hard", "HEAD~3"], in: "desk"))
        let forced = try d.push(["+HEAD:main"], pusher: "li")
        #expect(forced.status != 0, "the server accepted it: \(forced)")
        #expect(forced.stderr.contains("non-fast-forward update"), "\(forced)")
        #expect(try d.serverHead() == top)
        try d.must(d.push(["+HEAD:main"], pusher: "admin"))
        #expect(try d.serverHead() == d.rev("HEAD"))
    }
}
