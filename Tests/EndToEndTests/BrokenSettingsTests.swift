import Foundation
import Testing
import TestSupport

/// Even an admin cannot commit settings that no longer load: one broken
/// team.yaml on the shared branch would stop every clone and make the server
/// refuse every later push, the fix included.
@Suite("broken settings are refused", .serialized)
struct BrokenSettingsTests {
    @Test(arguments: ["team.yaml", ".gitdesk/schema/fields.yaml"])
    func anAdminsBrokenSettingsFileIsRefusedOnTheClientAndTheServer(_ file: String) throws {
        let d = try HookTestDesk()
        let before = try d.serverHead()
        let path = d.sandbox.path("desk/\(file)")
        try Data(("<<<<<<< HEAD\nx: [\n").utf8).append(to: path)
        let admin = ["-c", "user.name=管理员", "-c", "user.email=admin@desk.example"]
        let commit = try d.sandbox.git(admin + ["commit", "-qam", "broken"], in: "desk")
        #expect(commit.status != 0 && commit.stderr.contains(": settings: "), "\(commit)")
        try d.must(d.sandbox.git(admin + ["commit", "-q", "--no-verify", "-am", "broken"], in: "desk"))
        let push = try d.push(["main"], pusher: "admin")
        #expect(push.status != 0 && push.stderr.contains(": settings: "), "\(push)")
        #expect(try d.serverHead() == before)
        // And the desk still works afterwards.
        try d.must(d.sandbox.git(["reset", "-q", "--hard", "origin/main"], in: "desk"))
        try d.must(d.sandbox.gitdesk(["comment", "--as", "li", d.id, "已回电"], in: "desk"))
        try d.must(d.push(["main"], pusher: "li"))
    }
}

private extension Data {
    func append(to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: self)
    }
}
