import Foundation
import Testing
import TestSupport

/// Issue 10 (attacker review, HIGH, second part): a gitdesk write killed
/// after it moved the branch and before the working tree and the index
/// caught up was repaired only by the next gitdesk *write*. Until then
/// `git status` showed the imported tickets as deleted, and an admin's
/// `git commit -a` recorded the deletion. Now the client hooks refuse such a
/// commit naming `gitdesk repair`, read-only commands say so on one line, and
/// `gitdesk repair` brings the files back without committing anything.
@Suite("Interrupted writes: hooks refuse, repair repairs")
struct InterruptedWriteTests {
    static let rows = 30

    /// An import of `rows` tickets, then what a kill right after its branch
    /// move leaves: the tickets committed, gone from the index and the working
    /// tree, and the import's journal naming them with a dead writer.
    func killedImport(_ desk: TestDesk) throws -> [String] {
        _ = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        let file = desk.sandbox.path("imp.csv")
        let table = "问题编号,提交时间,问题类型,渠道,标题,优先级,处理状态\n"
            + (0..<Self.rows).map { "L0N\($0),2024-05-01 10:00,咨询,电话,询问会员积分兑换\($0),中,新建\n" }.joined()
        try Data(table.utf8).write(to: URL(fileURLWithPath: file))
        try desk.succeed(["import", file], as: "admin", now: "2024-05-02T09:00:00+08:00")
        let paths = try desk.gitOutput(["ls-tree", "-r", "--name-only", "HEAD", "tickets"]).split(separator: "\n")
            .map(String.init).filter { $0.contains("/L0N") }
        try #require(paths.count == Self.rows)
        try #require(try desk.git(["rm", "-q", "--cached"] + paths).status == 0)
        for path in paths { try FileManager.default.removeItem(atPath: desk.path(path)) }
        try desk.write(".git/gitdesk/pending", paths[0] + "\npid 999999999 -\nref refs/heads/main\n"
            + paths.dropFirst().map { "also \($0)\n" }.joined())
        return paths
    }

    /// `git commit -a` as an admin, through the installed client hooks.
    func adminCommitAll(_ desk: TestDesk) throws -> Sandbox.Result {
        try desk.sandbox.git(["-c", "user.name=Admin", "-c", "user.email=admin@desk.example", "commit", "-qam", "x"],
                             in: desk.dir, env: ["GITDESK_BIN": GitdeskBinary.path])
    }

    @Test("an admin's git commit -a after a killed import is refused, the tickets stay, and repair restores a clean status")
    func commitRefusedThenRepaired() throws {
        let desk = try TestDesk()
        try desk.succeed(["hooks", "install"])
        let paths = try killedImport(desk)
        let head = try desk.head
        #expect(try desk.porcelain.contains("D  \(paths[0])"))

        let commit = try adminCommitAll(desk)
        #expect(commit.status != 0, "\(commit)")
        let refusal = commit.stderr.split(separator: "\n").filter { $0.contains("gitdesk") }
        #expect(refusal.count == 1 && refusal[0].contains("pre-commit") && refusal[0].contains("gitdesk repair")
                && refusal[0].contains("\(Self.rows) files"), "\(commit)")
        #expect(try desk.head == head, "the commit went through")
        let inHead = try desk.gitOutput(["ls-tree", "-r", "--name-only", "HEAD", "tickets"]).split(separator: "\n")
        #expect(paths.allSatisfy { inHead.contains(Substring($0)) })

        // Read-only commands say it on one line, and still work.
        for args in [["status"], ["list"], ["validate"], ["show", "L0N1"]] {
            let run = try desk.gitdesk(args)
            #expect(run.status == 0, "\(args): \(run)")
            let said = run.stderr.split(separator: "\n").filter { $0.contains("interrupted") }
            #expect(said.count == 1 && said[0].contains("gitdesk repair") && said[0].contains("\(Self.rows) files"), "\(args): \(run)")
        }

        // repair: the files back, nothing committed, git status clean.
        let repair = try desk.gitdesk(["repair"])
        #expect(repair.status == 0, "\(repair)")
        #expect(repair.stdout.contains("\(Self.rows) files (\(paths[0]), …) are back"), "\(repair)")
        #expect(try desk.porcelain == "")
        #expect(try desk.head == head)
        #expect(!FileManager.default.fileExists(atPath: desk.path(".git/gitdesk/pending")))
        let again = try desk.gitdesk(["repair"])
        #expect(again.status == 0 && again.stdout.contains("nothing to repair"), "\(again)")
        let quiet = try desk.gitdesk(["status"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet)")
        // Nothing left for a commit to delete.
        let after = try adminCommitAll(desk)
        #expect(after.status != 0 && !after.stderr.contains("refused"), "\(after)")
        #expect(try desk.head == head)
    }

    @Test("pre-merge-commit refuses too, and a repair in Chinese counts the files the Chinese way")
    func mergeRefusedAndChineseNotice() throws {
        let desk = try TestDesk(language: "zh")
        try desk.succeed(["hooks", "install"])
        _ = try killedImport(desk)
        // The hook as git runs it before recording a merge commit.
        let merge = try desk.sandbox.gitdesk(["hook", "pre-merge-commit"], in: desk.dir, env: ["GIT_DIR": desk.path(".git")])
        #expect(merge.status != 0 && merge.stderr.contains("pre-merge-commit") && merge.stderr.contains("gitdesk repair"), "\(merge)")
        #expect(merge.stderr.contains("\(Self.rows) 个文件"), "\(merge)")
        let repair = try desk.gitdesk(["repair"])
        #expect(repair.status == 0 && repair.stdout.contains("\(Self.rows) 个文件（") && repair.stdout.contains("已恢复"), "\(repair)")
        #expect(!repair.stdout.contains("files"), "\(repair)")
    }

    @Test("one file's interrupted write is repaired by repair, said in the singular")
    func oneFile() throws {
        let desk = try TestDesk()
        try desk.succeed(["hooks", "install"])
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        let path = try desk.ticketPath(id)
        try desk.succeed(["comment", id, "已回电"], as: "li", now: "2024-05-01T15:00:00+08:00")
        // Killed after the branch moved: the working file and the index hold the version before.
        let before = try desk.gitOutput(["show", "HEAD~1:\(path)"]) + "\n"
        try desk.write(path, before)
        #expect(try desk.git(["add", path]).status == 0)
        try desk.write(".git/gitdesk/pending", path + "\npid 999999999 -\nref refs/heads/main\n")
        let commit = try adminCommitAll(desk)
        #expect(commit.status != 0 && commit.stderr.contains("gitdesk repair"), "\(commit)")
        let repair = try desk.gitdesk(["repair"])
        #expect(repair.status == 0 && repair.stdout.contains("\(path) is back"), "\(repair)")
        #expect(try desk.porcelain == "")
    }

    @Test("a journal whose writer still holds the desk's lock is a write at work: no notice, no refusal")
    func liveWriterIsNotInterrupted() throws {
        let desk = try TestDesk()
        _ = try killedImport(desk)
        // Another process holds the write lock (as a live gitdesk write does).
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [desk.path(".git/gitdesk/write.lock"), "sleep", "4"]
        try holder.run()
        defer { holder.waitUntilExit() }
        var held = false
        for _ in 0..<200 where !held {
            held = try desk.sandbox.run("/usr/bin/flock", ["-n", desk.path(".git/gitdesk/write.lock"), "true"], in: desk.dir).status != 0
            if !held { usleep(10_000) }
        }
        try #require(held, "flock did not take the lock")
        let status = try desk.gitdesk(["status"])
        #expect(status.status == 0 && !status.stderr.contains("interrupted"), "\(status)")
    }
}
