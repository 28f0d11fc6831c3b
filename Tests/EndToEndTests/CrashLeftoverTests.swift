import Foundation
import Testing
import TestSupport

/// A gitdesk write killed half-way (kill -9, a power cut) leaves a journal,
/// temporary files and perhaps the branch's lock file. The next write clears
/// what a dead gitdesk left and names what someone else holds.
@Suite("Leftovers of a killed write")
struct CrashLeftoverTests {
    /// The PID of a process that has already exited.
    func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    /// Writes the journal a writer killed while moving the branch leaves.
    func plantJournal(_ desk: TestDesk, path: String, pid: Int32) throws {
        try desk.write(".git/gitdesk/pending", "\(path)\npid \(pid) -\nref refs/heads/main\n")
    }

    @Test("a hand edit made after a killed write is kept by the repair, never overwritten")
    func repairKeepsHandEdits() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "退款未到账", now: "2024-05-01T14:30:00+08:00")
        let other = try desk.record(title: "发票怎么开", now: "2024-05-01T14:40:00+08:00")
        let path = try desk.ticketPath(id)
        try plantJournal(desk, path: path, pid: try deadPID())
        let edited = try desk.read(path) + "- 2024-05-01T15:00:00+08:00 li: 手写的记录\n"
        try desk.write(path, edited)
        let result = try desk.gitdesk(["comment", other, "已开票"], as: "li", now: "2024-05-01T15:10:00+08:00")
        #expect(result.status == 0, "\(result)")
        #expect(try desk.read(path) == edited, "the repair overwrote a hand edit")
        #expect(result.stderr.contains("edited by hand after an interrupted write"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: desk.path(".git/gitdesk/pending")))
    }

    /// Review finding: the repair was silent, so the person never learned a
    /// write had been cut off.
    @Test("the next write says that an interrupted write was repaired, and which file")
    func repairIsAnnounced() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "退款未到账", now: "2024-05-01T14:30:00+08:00")
        let path = try desk.ticketPath(id)
        try plantJournal(desk, path: path, pid: try deadPID())
        let result = try desk.gitdesk(["comment", id, "已回电"], as: "li", now: "2024-05-01T15:10:00+08:00")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("interrupted") && result.stderr.contains(path), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: desk.path(".git/gitdesk/pending")))
        // Said once: the next write has nothing to repair.
        let next = try desk.gitdesk(["comment", id, "再次回电"], as: "li", now: "2024-05-01T15:20:00+08:00")
        #expect(next.status == 0 && !next.stderr.contains("interrupted"), "\(next)")
    }

    @Test("the branch lock, journal and temporary files of a dead gitdesk are cleared by the next write")
    func deadWritersLeftovers() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "退款未到账", now: "2024-05-01T14:30:00+08:00")
        let path = try desk.ticketPath(id)
        let dead = try deadPID()
        try plantJournal(desk, path: path, pid: dead)
        try desk.write(".git/refs/heads/main.lock", "")
        try desk.write("\(path).gitdesk-\(dead).tmp", "---\nid: half\n")
        try desk.write(".git/gitdesk/pending.gitdesk-\(dead).tmp", "half")
        #expect(try desk.porcelain.contains(".gitdesk-\(dead).tmp"))
        #expect(try desk.git(["update-ref", "refs/heads/main", "HEAD"]).status != 0, "plain git is locked out too")

        try desk.succeed(["comment", id, "客户来电催促"], as: "li", now: "2024-05-01T15:00:00+08:00")
        #expect(!FileManager.default.fileExists(atPath: desk.path(".git/refs/heads/main.lock")))
        #expect(!FileManager.default.fileExists(atPath: desk.path("\(path).gitdesk-\(dead).tmp")))
        #expect(!FileManager.default.fileExists(atPath: desk.path(".git/gitdesk/pending.gitdesk-\(dead).tmp")))
        #expect(!FileManager.default.fileExists(atPath: desk.path(".git/gitdesk/pending")))
        #expect(try desk.porcelain == "")
        #expect(try desk.read(path).contains("客户来电催促"))
        #expect(try desk.git(["fsck", "--no-dangling"]).status == 0)
    }

    @Test("a branch lock gitdesk did not leave is named in a one-line refusal and left alone")
    func foreignLock() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "发票开错", now: "2024-05-01T14:30:00+08:00")
        try desk.write(".git/refs/heads/main.lock", "")
        try desk.expectRefusal(["comment", id, "再次来电"], as: "li",
                               mentioning: ["refs/heads/main", ".git/refs/heads/main.lock", "remove that file"])
        #expect(FileManager.default.fileExists(atPath: desk.path(".git/refs/heads/main.lock")))
    }

    @Test("a lock a running process holds open stays, even with a dead writer's journal; so do its temporary files")
    func lockStillInUse() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "物流停滞", now: "2024-05-01T14:30:00+08:00")
        let path = try desk.ticketPath(id)
        try plantJournal(desk, path: path, pid: try deadPID())
        // A live process (a git stand-in) creates the lock after the journal and keeps it open.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        holder.arguments = ["-c", "exec 3>>.git/refs/heads/main.lock; echo > \(path).gitdesk-$$.tmp; echo ready; exec sleep 60"]
        holder.currentDirectoryURL = URL(fileURLWithPath: desk.path())
        let ready = Pipe()
        holder.standardOutput = ready
        try holder.run()
        defer { kill(holder.processIdentifier, SIGKILL); holder.waitUntilExit() }
        _ = ready.fileHandleForReading.availableData  // "ready": the lock and the temporary file exist
        let live = holder.processIdentifier

        let result = try desk.gitdesk(["comment", id, "再次来电"], as: "li")
        expectOneLineRefusal(result, mentioning: [".git/refs/heads/main.lock"])
        #expect(FileManager.default.fileExists(atPath: desk.path(".git/refs/heads/main.lock")))
        #expect(FileManager.default.fileExists(atPath: desk.path("\(path).gitdesk-\(live).tmp")))
    }
}
