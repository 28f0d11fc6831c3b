import Foundation
import Testing
import TestSupport

/// Issue 10 (attacker review, HIGH): with the branch only in
/// `.git/packed-refs`, an emptied or truncated packed-refs made gitdesk say
/// "not a desk, run gitdesk init", and following that advice made a new root
/// commit that hid the whole history. Now the desk is named as one whose
/// branch cannot be read, with the exact `git update-ref` from the reflog,
/// and `init` refuses to start a new history over it unless forced.
@Suite("A lost branch ref")
struct LostBranchTests {
    @Test("an emptied, truncated or garbled packed-refs is named with the repair, never with init",
          arguments: ["", "# pack-refs with: peeled fully-peeled sorted \n", "garbage\n"])
    func damagedPackedRefs(content: String) throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        let tip = try desk.head
        #expect(try desk.git(["pack-refs", "--all"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: desk.path(".git/refs/heads/main")))
        try desk.write(".git/packed-refs", content)

        let list = try desk.gitdesk(["list"])
        expectOneLineRefusal(list, mentioning: ["packed-refs", "refs/heads/main", "git update-ref refs/heads/main \(tip)"])
        #expect(!list.stderr.contains("run 'gitdesk init'") && list.stderr.contains("Do not run gitdesk init"), "\(list)")

        // init over it is refused, and makes no commit.
        let initAgain = try desk.sandbox.gitdesk(["init", "desk"])
        expectOneLineRefusal(initAgain, mentioning: ["refs/heads/main", "--force", tip])
        #expect(try desk.git(["rev-parse", "-q", "--verify", "refs/heads/main"]).stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: desk.path(".git/gitdesk/init-incomplete")))

        // The repair the message gives brings the desk back whole.
        if content == "garbage\n" { try FileManager.default.removeItem(atPath: desk.path(".git/packed-refs")) }
        #expect(try desk.git(["update-ref", "refs/heads/main", tip]).status == 0)
        #expect(try desk.succeed(["list"]).contains(id))
        #expect(try desk.porcelain == "")
    }

    /// Attacker re-review: `git gc`, the reflogs gone, packed-refs removed (the
    /// repair docs give for one that does not parse): nothing names the branch
    /// any more, yet the desk's files and its packed commits are there.
    @Test("with no reflog and no packed-refs, the desk's files and packed commits still stop init")
    func noReflogLeft() throws {
        let desk = try TestDesk()
        _ = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        #expect(try desk.git(["gc", "-q"]).status == 0)
        try FileManager.default.removeItem(atPath: desk.path(".git/logs"))
        try? FileManager.default.removeItem(atPath: desk.path(".git/packed-refs"))
        try? FileManager.default.removeItem(atPath: desk.path(".git/refs/heads/main"))
        let before = try desk.git(["count-objects", "-v"]).stdout

        let list = try desk.gitdesk(["list"])
        #expect(list.status != 0 && !list.stderr.contains("run 'gitdesk init"), "\(list)")
        #expect(list.stderr.contains("git fsck"), "\(list)")
        let initAgain = try desk.sandbox.gitdesk(["init", "desk"])
        expectOneLineRefusal(initAgain, mentioning: ["refs/heads/main", "--force"])
        #expect(try desk.git(["rev-parse", "-q", "--verify", "refs/heads/main"]).stdout.isEmpty)
        #expect(try desk.git(["count-objects", "-v"]).stdout == before, "init wrote nothing")
    }

    @Test("init --force starts a new history over a lost branch; a fresh repository needs no force")
    func forcedInit() throws {
        let desk = try TestDesk()
        #expect(try desk.git(["pack-refs", "--all"]).status == 0)
        try desk.write(".git/packed-refs", "")
        try desk.sandbox.git(["init", "-q", "fresh"])
        #expect(try desk.sandbox.gitdesk(["init", "fresh"]).status == 0)
        let forced = try desk.sandbox.gitdesk(["init", "desk", "--force"])
        #expect(forced.status == 0, "\(forced)")
        #expect(try desk.commitCount == 1)
    }
}
