import Foundation
import GRDB
import Testing
import TestSupport

/// The history index (tables `history_meta` and `history_commit` of
/// `.git/gitdesk/cache.sqlite`) is a cache: damaged in any way, `gitdesk
/// history` notices, rebuilds it and answers what `git log` says.
@Suite("Damaged history index")
struct DamagedHistoryIndexTests {
    enum Damage: String, CaseIterable {
        case truncatedMidLine, lastLineDropped, flippedBytes, staleTip, fromAnotherRepository, garbageTip, oldFormat, damagedFile
    }

    /// A desk whose ticket has three commits, its history asked once (the index built).
    func desk() throws -> (TestDesk, id: String, path: String) {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        _ = try desk.record(title: "询问会员积分兑换", type: "consult", now: "2024-05-01T14:40:00+08:00")
        try desk.succeed(["comment", id, "客户再次来电"], as: "li", now: "2024-05-01T15:00:00+08:00")
        try desk.succeed(["history", id], now: "2024-05-01T15:01:00+08:00")
        try desk.succeed(["set", id, "priority=high"], as: "wang", now: "2024-05-01T16:00:00+08:00")
        return (desk, id, try desk.ticketPath(id))
    }

    /// `gitdesk history --json` commits, newest first.
    func historyCommits(_ desk: TestDesk, _ id: String) throws -> [String] {
        try desk.jsonArray(["history", id, "--json"]).compactMap { $0["commit"] as? String }
    }

    @Test("every kind of damage is noticed and the answer equals git log", arguments: Damage.allCases)
    func rebuiltNotTrusted(_ kind: Damage) throws {
        let (desk, id, path) = try desk()
        let truth = try desk.gitOutput(["log", "--format=%H", "--", path]).split(separator: "\n").map(String.init)
        #expect(truth.count == 3)
        #expect(try historyCommits(desk, id) == truth)
        let file = desk.path(".git/gitdesk/cache.sqlite")
        #expect(!FileManager.default.fileExists(atPath: desk.path(".git/gitdesk/history")), "the one-file-per-ticket index is gone")
        let queue = try DatabaseQueue(path: file)
        let lines = try queue.read { try String.fetchAll($0, sql: "SELECT commit_id FROM history_commit WHERE path = ? ORDER BY n", arguments: [path]) }
        #expect(lines == truth.reversed())
        func run(_ sql: String, _ arguments: StatementArguments = []) throws { try queue.write { try $0.execute(sql: sql, arguments: arguments) } }
        switch kind {
        case .truncatedMidLine:
            try run("UPDATE history_commit SET commit_id = substr(commit_id, 1, 20) WHERE commit_id = ?", [lines[2]])
        case .lastLineDropped:
            try run("DELETE FROM history_commit WHERE commit_id = ? AND path = ?", [lines[2], path])
        case .flippedBytes:
            let flipped = String(lines[1].prefix(10)) + (lines[1].dropFirst(10).first == "a" ? "b" : "a") + lines[1].dropFirst(11)
            try run("UPDATE history_commit SET commit_id = ? WHERE commit_id = ? AND path = ?", [flipped, lines[1], path])
        case .staleTip:
            // The rows as they were two commits ago, the tip claiming the branch tip.
            try run("DELETE FROM history_commit WHERE commit_id = ?", [truth[0]])
        case .fromAnotherRepository:
            let other = try TestDesk()
            let otherID = try other.record(title: "别处的工单", now: "2024-05-01T14:30:00+08:00")
            try other.succeed(["comment", otherID, "别处的记录"], as: "li", now: "2024-05-01T15:00:00+08:00")
            let foreign = try other.gitOutput(["log", "--format=%H", "--", try other.ticketPath(otherID)]).split(separator: "\n")
            try run("DELETE FROM history_commit WHERE path = ?", [path])
            for hex in foreign.reversed() { try run("INSERT INTO history_commit(path, commit_id) VALUES (?, ?)", [path, String(hex)]) }
        case .garbageTip:
            try run("UPDATE history_meta SET value = 'not a commit' WHERE key = 'tip'")
            try run("UPDATE history_commit SET commit_id = 'zz' WHERE path = ?", [path])
        case .oldFormat:
            try run("DELETE FROM history_meta WHERE key = 'format'")
            try run("DELETE FROM history_commit WHERE path = ? AND commit_id <> ?", [path, truth[0]])
        case .damagedFile:
            try queue.close()
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
            try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: file))
        }
        if kind != .damagedFile { try queue.close() }
        #expect(try historyCommits(desk, id) == truth, "\(kind)")
        // And the repaired index keeps up with the next write.
        try desk.succeed(["comment", id, "已退款"], as: "li", now: "2024-05-01T17:00:00+08:00")
        let after = try desk.gitOutput(["log", "--format=%H", "--", path]).split(separator: "\n").map(String.init)
        #expect(try historyCommits(desk, id) == after && after.count == 4, "\(kind)")
    }
}
