import Foundation
import Testing
import TestSupport

/// git's ownership check (CVE-2022-24765): a desk owned by another user is
/// refused, as git refuses it, unless `safe.directory` in the user's git
/// config names it or is `*`. gitdesk leaves libgit2's check on.
@Suite("safe.directory")
struct SafeDirectoryTests {
    /// A desk with one ticket, handed to user `nobody` (65534); needs root, as CI runs.
    static func foreignDesk() throws -> (desk: TestDesk, id: String) {
        try #require(getuid() == 0, "this test gives a desk to another user with chown, which needs root")
        let desk = try TestDesk()
        let id = try desk.record(title: "APP闪退", now: "2024-05-01T10:00:00+08:00")
        let chown = try desk.sandbox.run("/bin/chown", ["-R", "65534:65534", desk.path()])
        try #require(chown.status == 0, "chown failed: \(chown)")
        return (desk, id)
    }

    func allow(_ desk: TestDesk, _ value: String) throws {
        let set = try desk.sandbox.git(["config", "--global", "--add", "safe.directory", value])
        try #require(set.status == 0, "\(set)")
    }

    @Test("a desk owned by another user is refused in one line naming safe.directory, as git refuses it")
    func foreignDeskRefused() throws {
        let (desk, id) = try Self.foreignDesk()
        let git = try desk.git(["status", "--porcelain"])
        #expect(git.status != 0 && git.stderr.contains("dubious ownership"), "git itself should refuse: \(git)")
        for args in [["list"], ["show", id], ["search", "闪退"]] {
            let result = try desk.gitdesk(args)
            expectOneLineRefusal(result, mentioning: ["safe.directory"])
        }
        let head = try desk.git(["-c", "safe.directory=*", "rev-parse", "HEAD"]).stdout
        #expect(!head.isEmpty)
        let write = try desk.gitdesk(["comment", id, "回电"], as: "li", now: "2024-05-02T10:00:00+08:00")
        expectOneLineRefusal(write, mentioning: ["safe.directory"])
        #expect(try desk.git(["-c", "safe.directory=*", "rev-parse", "HEAD"]).stdout == head, "a refused desk was written to")
    }

    @Test("safe.directory = * and safe.directory = the desk's path let both git and gitdesk in", arguments: ["*", "path"])
    func allowedBySafeDirectory(value: String) throws {
        let (desk, id) = try Self.foreignDesk()
        try allow(desk, value == "*" ? "*" : desk.path())
        #expect(try desk.git(["status", "--porcelain"]).status == 0)
        let list = try desk.gitdesk(["list", "--format", "json"])
        #expect(list.status == 0 && list.stdout.contains(id), "\(list)")
        try desk.succeed(["comment", id, "回电"], as: "li", now: "2024-05-02T10:00:00+08:00")
    }
}
