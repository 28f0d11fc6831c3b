import Foundation
import Testing
import TestSupport

/// Issue 10 (the new user's leftovers, robust10a): a damaged repository is
/// named with a repair that works when followed as written, never with
/// "run gitdesk init" and never with libgit2's raw `(git: other(-1), odb)`.
@Suite("Damage repair advice")
struct DamageRepairAdviceTests {
    /// The loose file of object `hex` in the desk.
    func looseFile(_ desk: TestDesk, _ hex: String) -> String {
        desk.path(".git/objects/\(hex.prefix(2))/\(hex.dropFirst(2))")
    }

    /// The first command in backticks that holds `word`.
    func adviceCommand(_ text: String, containing word: String) -> String? {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .first { $0.offset % 2 == 1 && $0.element.contains(word) }.map { String($0.element) }
    }

    @Test("a power cut left the tip commit empty: the message gives the working repair and names the lost change")
    func emptyTipCommit() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        let previous = try desk.head
        try desk.succeed(["comment", id, "客户再次来电"], as: "li", now: "2024-05-01T15:00:00+08:00")
        let tip = try desk.head
        let path = try desk.ticketPath(id)
        let file = looseFile(desk, tip)
        chmod(file, 0o644)
        try Data().write(to: URL(fileURLWithPath: file))

        var repair = ""
        for args in [["show", id], ["list"], ["status"]] {
            let result = try desk.gitdesk(args)
            expectOneLineRefusal(result, mentioning: [
                tip, "rm \(file)", "git update-ref refs/heads/main \(previous)", "git checkout HEAD -- \(path)",
                "gitdesk comment: \(id)", "lost",
            ])
            #expect(!result.stderr.contains("init") && !result.stderr.contains("(git:"), "\(args): \(result)")
            repair = adviceCommand(result.stderr, containing: "update-ref") ?? ""
        }
        // The repair, followed as written, brings the desk back.
        let repaired = try desk.sandbox.run("/bin/sh", ["-c", repair], in: desk.dir)
        #expect(repaired.status == 0, "\(repair): \(repaired)")
        #expect(try desk.head == previous)
        let fsck = try desk.git(["fsck", "--no-dangling"])
        #expect(fsck.status == 0, "\(fsck)")
        #expect(try desk.porcelain == "")
        try desk.succeed(["comment", id, "客户再次来电"], as: "li", now: "2024-05-01T15:10:00+08:00")
    }

    @Test("a damaged loose object: remove the file first, then the command that copies it from another clone")
    func damagedObjectAdvice() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        let path = try desk.ticketPath(id)
        let blob = try desk.gitOutput(["rev-parse", "HEAD:\(path)"])
        let other = desk.sandbox.path("other")
        #expect(try desk.sandbox.git(["clone", "-q", "--no-local", desk.path(), other]).status == 0)
        let file = looseFile(desk, blob)
        let data = try #require(FileManager.default.contents(atPath: file))
        chmod(file, 0o644)
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: file))

        let show = try desk.gitdesk(["show", id])
        expectOneLineRefusal(show, mentioning: [blob, "remove the damaged file first", "rm \(file)", "git hash-object -w --stdin"])
        let validate = try desk.gitdesk(["validate", "--all"])
        #expect(validate.status == 1, "\(validate)")
        #expect(!(validate.stdout + validate.stderr).contains("(git:"), "\(validate)")
        #expect((validate.stdout + validate.stderr).contains(blob), "\(validate)")

        // Followed as written (OTHER = the other clone), the repair works.
        let copy = try #require(adviceCommand(show.stderr, containing: "hash-object"), "\(show)")
            .replacingOccurrences(of: "OTHER", with: "'\(other)'")
        try FileManager.default.removeItem(atPath: file)
        let copied = try desk.sandbox.run("/bin/sh", ["-c", copy], in: desk.dir)
        #expect(copied.status == 0 && copied.stdout.contains(blob), "\(copied)")
        #expect(try desk.succeed(["show", id]).contains("支付成功但订单未生成"))
    }

    @Test("a missing object: the message gives a command that fetches it from another clone")
    func missingObjectAdvice() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        let blob = try desk.gitOutput(["rev-parse", "HEAD:\(try desk.ticketPath(id))"])
        let other = desk.sandbox.path("other")
        #expect(try desk.sandbox.git(["clone", "-q", "--no-local", desk.path(), other]).status == 0)
        try FileManager.default.removeItem(atPath: looseFile(desk, blob))
        let show = try desk.gitdesk(["show", id])
        expectOneLineRefusal(show, mentioning: [blob, "git hash-object -w --stdin"])
        let validate = try desk.gitdesk(["validate", "--all"])
        #expect(!(validate.stdout + validate.stderr).contains("(git:"), "\(validate)")
        let copy = try #require(adviceCommand(show.stderr, containing: "hash-object"), "\(show)")
            .replacingOccurrences(of: "OTHER", with: "'\(other)'")
        #expect(try desk.sandbox.run("/bin/sh", ["-c", copy], in: desk.dir).status == 0)
        #expect(try desk.succeed(["show", id]).contains("支付成功但订单未生成"))
    }

    /// `git symbolic-ref HEAD refs/heads/main` cannot be the repair: without
    /// HEAD git does not see a repository at all ("not a git repository"), so
    /// the message gives the line to write into the file.
    @Test("a missing .git/HEAD is named with the line that restores it, never with init")
    func missingHead() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        try FileManager.default.removeItem(atPath: desk.path(".git/HEAD"))
        var advice = ""
        for args in [["list"], ["show", id]] {
            let result = try desk.gitdesk(args)
            expectOneLineRefusal(result, mentioning: ["HEAD is missing", "refs/heads/main", desk.path(".git/HEAD")])
            #expect(!result.stderr.contains("init"), "\(result)")
            advice = adviceCommand(result.stderr, containing: "HEAD") ?? ""
        }
        #expect(try desk.sandbox.run("/bin/sh", ["-c", advice], in: desk.dir).status == 0, "\(advice)")
        #expect(try desk.gitOutput(["symbolic-ref", "HEAD"]) == "refs/heads/main")
        #expect(try desk.succeed(["list"]).contains(id))
    }

    @Test("a damaged .git/config is named with its line, never with init")
    func damagedConfig() throws {
        let desk = try TestDesk()
        _ = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        let config = try desk.read(".git/config")
        let line = config.split(separator: "\n", omittingEmptySubsequences: false).count
        try desk.write(".git/config", config + "[core\n")
        let result = try desk.gitdesk(["list"])
        expectOneLineRefusal(result, mentioning: [desk.path(".git/config"), "line \(line)"])
        #expect(!result.stderr.contains("init"), "\(result)")
    }
}
