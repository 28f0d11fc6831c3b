import Foundation
import Testing
import TestSupport

/// A write that finds another live writer holding the clone's write lock says
/// whom it waits for, and gives up after a bounded time (GITDESK_LOCK_TIMEOUT).
@Suite("Lock waits")
struct LockWaitTests {
    @Test("a write blocked past the limit names the holder (pid, command) and writes nothing")
    func givesUpNamingTheHolder() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        let holder = try desk.holdWriteLock(seconds: 30)
        defer { holder.terminate(); holder.waitUntilExit() }
        let head = try desk.head
        let result = try desk.gitdesk(["comment", id, "客户再次来电", "--as", "li"],
                                      env: ["GITDESK_LOCK_TIMEOUT": "2", "GITDESK_NOW": "2024-05-01T15:00:00+08:00"])
        #expect(result.status == 1, "\(result)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 2, "a notice while waiting, then the error: \(result)")
        #expect(lines.first?.hasPrefix("gitdesk: waiting for another writer (pid ") == true, "\(result)")
        #expect(lines.last?.contains("still holds") == true && lines.last?.contains("GITDESK_LOCK_TIMEOUT") == true, "\(result)")
        for line in lines {
            #expect(line.contains("gitdesk comment") && line.contains("write.lock"), "\(result)")
        }
        #expect(try desk.head == head)
        #expect(try desk.porcelain.isEmpty)
    }

    @Test("a write that waits for a writer who finishes goes ahead after the notice")
    func waitsThenWrites() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        let holder = try desk.holdWriteLock(seconds: 2)
        defer { holder.terminate(); holder.waitUntilExit() }
        let result = try desk.gitdesk(["comment", id, "客户再次来电", "--as", "li"],
                                      env: ["GITDESK_LOCK_TIMEOUT": "120", "GITDESK_NOW": "2024-05-01T15:00:00+08:00"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.hasPrefix("gitdesk: waiting for another writer (pid "), "\(result)")
        #expect(try desk.read(try desk.ticketPath(id)).contains("客户再次来电"))
        // The lock file now names the last writer, for the next one to report.
        #expect(try String(contentsOfFile: desk.path(".git/gitdesk/write.lock"), encoding: .utf8).hasSuffix("\tgitdesk comment\n"))
    }
}
