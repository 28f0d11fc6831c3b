import Foundation
import Testing
import TestSupport

/// `.git/index.lock` found by a write: a young one a killed process group
/// left is recovered (at once when the dead gitdesk write that made it is
/// known, else once it has rested two seconds), and the write waits up to
/// the lock timeout; a lock some process still holds is named, with its age
/// and holder, in the desk's language.
@Suite("Index lock")
struct IndexLockTests {
    /// A PID that no process has any more.
    func deadPID() throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        return p.processIdentifier
    }

    @Test("a fresh index.lock that no process holds does not fail the next write")
    func youngAbandonedLock() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        // What `kill -9` of a write's process group leaves: git's lock, just made, held by nobody.
        try desk.write(".git/index.lock", "")
        let result = try desk.gitdesk(["comment", id, "客户再次来电"], as: "li", now: "2024-05-01T15:00:00+08:00")
        #expect(result.status == 0, "\(result)")
        #expect(!FileManager.default.fileExists(atPath: desk.path(".git/index.lock")))
        #expect(try desk.porcelain == "")
    }

    @Test("an index.lock made after a gitdesk write that is now dead is removed at once, even with a zero timeout")
    func lockOfADeadWrite() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        try desk.write(".git/gitdesk/index-writer", "\(try deadPID()) 1\n")
        usleep(20_000)
        try desk.write(".git/index.lock", "")
        let result = try desk.gitdesk(["comment", id, "客户再次来电"], as: "li", now: "2024-05-01T15:00:00+08:00",
                                      env: ["GITDESK_LOCK_TIMEOUT": "0"])
        #expect(result.status == 0, "\(result)")
        #expect(!FileManager.default.fileExists(atPath: desk.path(".git/index.lock")))
        #expect(!FileManager.default.fileExists(atPath: desk.path(".git/gitdesk/index-writer")))
        #expect(try desk.porcelain == "")
    }

    @Test("an index.lock a live process holds is named with its age and holder, in the desk's language", arguments: ["en", "zh"])
    func heldLockIsNamed(_ language: String) throws {
        let desk = try TestDesk(language: language)
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        let lock = desk.path(".git/index.lock")
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        holder.arguments = ["-c", "exec 9>>'\(lock)'; echo held; exec sleep 60"]
        let out = Pipe()
        holder.standardOutput = out
        try holder.run()
        defer { holder.terminate(); holder.waitUntilExit(); unlink(lock) }
        try #require(String(decoding: out.fileHandleForReading.availableData, as: UTF8.self).contains("held"))
        let head = try desk.head
        let result = try desk.gitdesk(["comment", id, "客户再次来电"], as: "li", now: "2024-05-01T15:00:00+08:00",
                                      env: ["GITDESK_LOCK_TIMEOUT": "1"])
        let words = language == "zh" ? ["索引被锁定", "秒", "由 pid \(holder.processIdentifier) (sleep) 持有"]
                                     : ["the index is locked", " s, held by pid \(holder.processIdentifier) (sleep)"]
        #expect(refusalProblems(result, mentioning: [lock] + words).isEmpty, "\(result)")
        #expect(FileManager.default.fileExists(atPath: lock), "a held lock is never removed")
        #expect(try desk.head == head)
    }
}
