import Foundation
import Testing
import TestSupport

/// The clone is not in a state gitdesk can write to: not a repository, no
/// commits yet, not a desk, HEAD detached, or locked by another program.
/// gitdesk says so in one line and writes nothing.
@Suite("Repositories gitdesk cannot (yet) write to")
struct RepositoryStateTests {
    @Test("a plain directory is not a git repository, and nothing is created there")
    func notARepository() throws {
        let sandbox = try Sandbox("gitdesk-e2e")
        try FileManager.default.createDirectory(atPath: sandbox.path("plain"), withIntermediateDirectories: true)
        for args in [["list"], ["show", "CS-1"], ["new", "--type", "consult", "--channel", "web", "--title", "t", "--as", "li"],
                     ["comment", "CS-1", "text", "--as", "li"]] {
            let result = try sandbox.gitdesk(args, in: "plain")
            expectOneLineRefusal(result, mentioning: ["not a git repository"])
            // -C names the desk from anywhere.
            expectOneLineRefusal(try sandbox.gitdesk(args + ["-C", sandbox.path("plain")]), mentioning: ["not a git repository"])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.path("plain")).isEmpty)
    }

    @Test("a repository without commits (unborn branch) is not a desk")
    func unbornBranch() throws {
        let sandbox = try Sandbox("gitdesk-e2e")
        try #require(try sandbox.git(["init", "-q", "-b", "main", "fresh"]).status == 0)
        for args in [["list"], ["show", "CS-1"], ["new", "--type", "consult", "--channel", "web", "--title", "t", "--as", "li"]] {
            expectOneLineRefusal(try sandbox.gitdesk(args, in: "fresh"), mentioning: ["not a gitdesk desk", "gitdesk init"])
        }
        #expect(try sandbox.git(["rev-parse", "-q", "--verify", "HEAD"], in: "fresh").status != 0)
        #expect(try sandbox.git(["status", "--porcelain"], in: "fresh").stdout == "")
    }

    @Test("a repository with commits but no .gitdesk is not a desk")
    func repositoryWithoutDesk() throws {
        let sandbox = try Sandbox("gitdesk-e2e")
        try #require(try sandbox.git(["init", "-q", "-b", "main", "code"]).status == 0)
        try sandbox.write("code/README.md", "hello\n")
        try #require(try sandbox.git(["add", "."], in: "code").status == 0)
        try #require(try sandbox.git(["-c", "user.name=x", "-c", "user.email=x@example.com", "commit", "-qm", "code"], in: "code").status == 0)
        let head = try sandbox.git(["rev-parse", "HEAD"], in: "code").stdout
        expectOneLineRefusal(try sandbox.gitdesk(["list"], in: "code"), mentioning: ["not a gitdesk desk"])
        expectOneLineRefusal(try sandbox.gitdesk(["new", "--type", "consult", "--channel", "web", "--title", "t", "--as", "li"], in: "code"),
                             mentioning: ["not a gitdesk desk"])
        #expect(try sandbox.git(["rev-parse", "HEAD"], in: "code").stdout == head)
    }

    @Test("with HEAD detached, reading works and writing is refused")
    func detachedHead() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        try desk.gitOutput(["checkout", "-q", "--detach"])
        #expect(try desk.showJSON(id)["id"] as? String == id)
        #expect(try desk.jsonArray(["list", "--format", "json"]).count == 1)
        #expect(try desk.jsonArray(["history", id, "--json"]).count == 1)
        try desk.expectRefusal(["comment", id, "技术排查"], as: "zhang", mentioning: ["detached"])
        try desk.expectRefusal(["set", id, "priority=high"], as: "wang", mentioning: ["detached"])
        try desk.expectRefusal(["new", "--type", "consult", "--channel", "web", "--title", "t"], as: "li", mentioning: ["detached"])
        #expect(try desk.gitOutput(["rev-parse", "main"]) == (try desk.head))
    }

    @Test("a held branch lock (refs/heads/main.lock) makes gitdesk give up cleanly, and the retry works once")
    func lockedBranch() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成")
        let lock = desk.path(".git/refs/heads/main.lock")
        try #require(FileManager.default.createFile(atPath: lock, contents: Data()))
        try desk.expectRefusal(["comment", id, "接口已修复"], as: "zhang", mentioning: ["refs/heads/main", "nothing was written"])
        #expect(FileManager.default.fileExists(atPath: lock), "gitdesk removed a lock it does not own")
        try FileManager.default.removeItem(atPath: lock)

        try desk.succeed(["comment", id, "接口已修复"], as: "zhang")
        let log = try #require(try desk.showJSON(id)["log"] as? [[String: Any]])
        #expect(log.filter { $0["text"] as? String == "接口已修复" }.count == 1)
        #expect(try desk.porcelain == "")
    }

    @Test("a held index lock (.git/index.lock) is refused before anything is committed, and the retry works once")
    func lockedIndex() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成")
        let lock = desk.path(".git/index.lock")
        try #require(FileManager.default.createFile(atPath: lock, contents: Data()))
        // Held: a process has it open, as git does while it works (and it is old).
        let holder = try #require(FileHandle(forWritingAtPath: lock))
        defer { try? holder.close() }
        _ = try desk.sandbox.run("/usr/bin/touch", ["-d", "1 minute ago", lock])
        let head = try desk.head
        let result = try desk.gitdesk(["comment", id, "接口已修复"], as: "zhang")
        expectOneLineRefusal(result, mentioning: ["index.lock"])
        #expect(try desk.head == head, "the comment was committed although gitdesk reported a failure")
        #expect(FileManager.default.fileExists(atPath: lock), "gitdesk removed a lock it does not own")
        try holder.close()
        try FileManager.default.removeItem(atPath: lock)
        #expect(try desk.porcelain == "")

        try desk.succeed(["comment", id, "接口已修复"], as: "zhang")
        let log = try #require(try desk.showJSON(id)["log"] as? [[String: Any]])
        #expect(log.filter { $0["text"] as? String == "接口已修复" }.count == 1, "the retried comment is duplicated")
        #expect(try desk.porcelain == "")
    }

    @Test("an index lock nobody holds (its git was killed) is cleared by the next write")
    func abandonedIndexLock() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成")
        let lock = desk.path(".git/index.lock")
        try #require(FileManager.default.createFile(atPath: lock, contents: Data()))
        _ = try desk.sandbox.run("/usr/bin/touch", ["-d", "1 minute ago", lock])
        try desk.succeed(["comment", id, "接口已修复"], as: "zhang")
        #expect(!FileManager.default.fileExists(atPath: lock))
        #expect(try desk.porcelain == "")
    }

    @Test("without git on PATH libgit2 keeps the index in step, for new files and changed ones")
    func indexWithoutGit() throws {
        let desk = try TestDesk()
        // Only the directory of the gitdesk binary: no git executable.
        let binDir = (GitdeskBinary.path as NSString).deletingLastPathComponent
        let noGit = ["PATH": binDir]
        let made = try desk.gitdesk(["new", "--type", "consult", "--channel", "web", "--title", "发票怎么开"],
                                    as: "li", env: noGit.merging(["GITDESK_TRACE": "1"]) { $1 })
        #expect(made.status == 0, "\(made)")
        #expect(made.stderr.contains("index by libgit2"), "\(made.stderr)")
        let id = made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try desk.succeed(["comment", id, "已告知开票入口"], as: "li", env: noGit)
        try expectIndexMatchesHead(desk, id)
    }

    @Test("with git on PATH the index is updated by git update-index, started before the commit")
    func indexWithGit() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "发票怎么开")
        let traced = try desk.gitdesk(["comment", id, "已告知开票入口"], as: "li", env: ["GITDESK_TRACE": "1"])
        #expect(traced.status == 0, "\(traced)")
        #expect(traced.stderr.contains("index by git:"), "\(traced.stderr)")
        #expect(!traced.stderr.contains("index by libgit2"), "\(traced.stderr)")
        try expectIndexMatchesHead(desk, id)
        // A refused change leaves the index as it was, and git releases its lock.
        let refused = try desk.gitdesk(["set", id, "priority=whenever"], as: "li")
        #expect(refused.status == 1)
        #expect(!FileManager.default.fileExists(atPath: desk.path(".git/index.lock")))
        try expectIndexMatchesHead(desk, id)
    }

    private func expectIndexMatchesHead(_ desk: TestDesk, _ id: String,
                                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = try desk.ticketPath(id)
        #expect(try desk.porcelain == "", sourceLocation: sourceLocation)
        let staged = try desk.gitOutput(["ls-files", "--stage", "--", path])
        let committed = try desk.gitOutput(["rev-parse", "HEAD:\(path)"]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(staged.contains(committed), "index: \(staged), HEAD: \(committed)", sourceLocation: sourceLocation)
    }

    @Test("a corrupt branch ref or a corrupt object gives one clear line, and nothing is written")
    func corruptRepository() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成")
        let refPath = desk.path(".git/refs/heads/main")
        let goodRef = try String(contentsOfFile: refPath, encoding: .utf8)
        try Data("garbage\n".utf8).write(to: URL(fileURLWithPath: refPath))
        for args in [["show", id], ["comment", id, "接口已修复"]] {
            let result = try desk.gitdesk(args, as: "zhang")
            expectOneLineRefusal(result, mentioning: ["refs/heads/main"])
        }
        #expect(try String(contentsOfFile: refPath, encoding: .utf8) == "garbage\n", "gitdesk rewrote a ref it could not read")
        try Data(goodRef.utf8).write(to: URL(fileURLWithPath: refPath))

        // Break the loose object of HEAD's tree.
        let tree = try desk.gitOutput(["rev-parse", "HEAD^{tree}"])
        let object = desk.path(".git/objects/\(tree.prefix(2))/\(tree.dropFirst(2))")
        try #require(FileManager.default.fileExists(atPath: object), "HEAD's tree is not a loose object")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: object)
        try Data("not zlib".utf8).write(to: URL(fileURLWithPath: object))
        let head = try desk.head
        for args in [["show", id], ["comment", id, "接口已修复"]] {
            expectOneLineRefusal(try desk.gitdesk(args, as: "zhang"))
        }
        #expect(try desk.head == head)
    }
}
