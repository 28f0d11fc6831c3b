import Foundation
import Testing
import TestSupport

/// A disk hiccup truncated a loose object file. libgit2 1.5 would spin in
/// inflate() forever on it; gitdesk must end every read of the damaged object
/// with a one-line error naming it, as `git cat-file` does. Each command runs
/// under a watchdog (`timeout 60`, generous so a loaded machine never
/// trips it) so a hang fails the test instead of blocking the suite.
@Suite("Damaged objects")
struct DamagedObjectTests {
    /// Exit status of `timeout` when it had to kill the command.
    static let killedByWatchdog: Int32 = 124

    /// Truncates the loose file of object `hex` under `objects` to half its size.
    func truncateLooseObject(_ hex: String, objects: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = "\(objects)/\(hex.prefix(2))/\(hex.dropFirst(2))"
        let data = try #require(FileManager.default.contents(atPath: file), "no loose object \(file)",
                                sourceLocation: sourceLocation)
        chmod(file, 0o644)
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: file))
    }

    /// Runs `gitdesk ARGS` in the desk under the watchdog.
    func watched(_ desk: TestDesk, _ args: [String], as handle: String? = nil) throws -> Sandbox.Result {
        try desk.sandbox.run("/usr/bin/timeout", ["60", GitdeskBinary.path] + args + (handle.map { ["--as", $0] } ?? []),
                             in: desk.dir, env: ["GITDESK_NOW": "2024-05-02T10:00:00+08:00"])
    }

    @Test("a truncated ticket blob: show, comment, list, validate and the pre-commit hook end with an error naming it")
    func truncatedBlob() throws {
        let desk = try TestDesk()
        let damaged = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        let good = try desk.record(title: "询问会员积分兑换", type: "consult", now: "2024-05-01T15:20:00+08:00")
        let path = try desk.ticketPath(damaged)
        let blob = try desk.gitOutput(["rev-parse", "HEAD:\(path)"])
        try truncateLooseObject(blob, objects: desk.path(".git/objects"))
        #expect(try desk.git(["cat-file", "-p", blob]).status != 0)

        for (args, handle) in [(["show", damaged], nil), (["show", damaged, "--json"], nil),
                               (["comment", damaged, "客户再次来电"], "li")] as [([String], String?)] {
            let result = try watched(desk, args, as: handle)
            #expect(result.status != Self.killedByWatchdog, "gitdesk \(args) hung on a damaged object")
            expectOneLineRefusal(result, mentioning: [blob, "damaged"])
        }
        let validate = try watched(desk, ["validate", "--all"])
        #expect(validate.status == 1, "\(validate)")
        #expect(validate.stderr.contains(blob) || validate.stdout.contains(blob), "\(validate)")

        // list warns about the one ticket it cannot read and lists the rest.
        let list = try watched(desk, ["list", "--format", "csv"])
        #expect(list.status == 0, "\(list)")
        #expect(list.stdout.contains(good) && !list.stdout.contains(damaged), "\(list)")
        #expect(list.stderr.contains(blob), "\(list)")

        // The rest of the desk still takes writes.
        try desk.succeed(["comment", good, "已回复会员规则"], as: "li")

        // A hand edit of the damaged ticket: the pre-commit hook reads the old blob.
        try desk.write(path, try desk.read(path) + "\n## notes\n\n手工备注\n")
        #expect(try desk.git(["add", path]).status == 0)
        let commit = try desk.sandbox.run("/usr/bin/timeout", ["60", "/usr/bin/git", "-c", "user.name=Hand Editor", "-c", "user.email=hand@desk.example", "commit", "-q", "-m", "hand edit"],
                                          in: desk.dir)
        #expect(commit.status != Self.killedByWatchdog, "the pre-commit hook hung")
        #expect(commit.status != 0 && commit.stderr.contains(blob), "\(commit)")
    }

    @Test("a truncated tree: every command that needs it names the tree")
    func truncatedTree() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "发票抬头错误", now: "2024-05-01T14:30:00+08:00")
        let tree = try desk.gitOutput(["rev-parse", "HEAD:tickets/2024/05"])
        try truncateLooseObject(tree, objects: desk.path(".git/objects"))
        for args in [["show", id], ["list"], ["validate", "--all"]] {
            let result = try watched(desk, args)
            #expect(result.status == 1, "\(args): \(result)")
            #expect(result.stderr.contains(tree), "\(args): \(result)")
        }
        let write = try watched(desk, ["comment", id, "再次来电"], as: "li")
        expectOneLineRefusal(write, mentioning: [tree])
    }

    @Test("a damaged pack: commands end with an error naming an object")
    func damagedPack() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "退款未到账", now: "2024-05-01T14:30:00+08:00")
        #expect(try desk.git(["gc", "-q"]).status == 0)
        let packs = try FileManager.default.contentsOfDirectory(atPath: desk.path(".git/objects/pack")).filter { $0.hasSuffix(".pack") }
        let pack = desk.path(".git/objects/pack/\(try #require(packs.first))")
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: pack)))
        for i in stride(from: 32, to: bytes.count - 20, by: 7) { bytes[i] ^= 0x55 }  // past the header, before the trailer
        chmod(pack, 0o644)
        try Data(bytes).write(to: URL(fileURLWithPath: pack))
        for args in [["show", id], ["list"]] {
            let result = try watched(desk, args)
            #expect(result.status == 1, "\(args): \(result)")
            #expect(result.stderr.range(of: "object [0-9a-f]{40}", options: .regularExpression) != nil, "\(args): \(result)")
        }
    }

    @Test("a damaged object on the server: pre-receive refuses the push with the object's name")
    func damagedOnServer() throws {
        let d = try HookTestDesk()
        let blob = try d.sandbox.git(["rev-parse", "main:\(d.path)"], in: "server.git").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try truncateLooseObject(blob, objects: d.sandbox.path("server.git/objects"))
        try d.must(d.sandbox.gitdesk(["comment", d.id, "客户再次来电", "--as", "li"], in: "desk"))
        let before = try d.serverHead()
        let push = try d.sandbox.run("/usr/bin/timeout", ["60", "/usr/bin/git", "push", "origin", "main"], in: "desk")
        #expect(push.status != Self.killedByWatchdog, "the pre-receive hook hung")
        #expect(push.status != 0, "\(push)")
        #expect(push.stderr.contains(blob), "\(push)")
        #expect(try d.serverHead() == before)
    }
}
