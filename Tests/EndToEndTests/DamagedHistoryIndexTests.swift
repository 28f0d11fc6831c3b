import Foundation
import Testing
import TestSupport

/// The history index under `.git/gitdesk/history/` is a cache: damaged in any
/// way, `gitdesk history` notices, rebuilds it and answers what `git log` says.
@Suite("Damaged history index")
struct DamagedHistoryIndexTests {
    enum Damage: String, CaseIterable {
        case truncatedMidLine, lastLineDropped, flippedBytes, staleTip, fromAnotherRepository, garbageTip, oldFormat
        case hugeSparse, hugeSparseTip
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
        let root = desk.path(".git/gitdesk/history")
        let file = root + "/" + path
        var lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        switch kind {
        case .truncatedMidLine:
            try Data(try Data(contentsOf: URL(fileURLWithPath: file)).prefix(100)).write(to: URL(fileURLWithPath: file))
        case .lastLineDropped:
            try (lines.dropLast().joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        case .flippedBytes:
            lines[1] = String(lines[1].prefix(10)) + (lines[1].dropFirst(10).first == "a" ? "b" : "a") + lines[1].dropFirst(11)
            try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        case .staleTip:
            // The files as they were two commits ago, TIP claiming the branch tip.
            try (lines.filter { $0 != truth[0] }.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        case .fromAnotherRepository:
            let other = try TestDesk()
            let otherID = try other.record(title: "别处的工单", now: "2024-05-01T14:30:00+08:00")
            try other.succeed(["comment", otherID, "别处的记录"], as: "li", now: "2024-05-01T15:00:00+08:00")
            let foreign = try other.gitOutput(["log", "--format=%H", "--", try other.ticketPath(otherID)])
            try (foreign + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        case .garbageTip:
            try "not a commit\n".write(toFile: root + "/TIP", atomically: true, encoding: .utf8)
            try "zz\n".write(toFile: file, atomically: true, encoding: .utf8)
        case .oldFormat:
            try FileManager.default.removeItem(atPath: root + "/FORMAT")
            try (truth[0] + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        case .hugeSparse, .hugeSparseTip:
            // 64 GiB of holes after the real lines: read whole, it would exhaust memory.
            let target = kind == .hugeSparse ? file : root + "/TIP"
            #expect(truncate(target, 64 << 30) == 0, "truncate \(target): \(errno)")
        }
        if kind == .hugeSparse || kind == .hugeSparseTip {
            let traced = try desk.gitdesk(["history", id, "--json"], env: ["GITDESK_TRACE": "1"])
            #expect(traced.status == 0 && traced.stderr.contains("history index file over"), "\(kind): \(traced)")
        }
        #expect(try historyCommits(desk, id) == truth, "\(kind)")
        // And the repaired index keeps up with the next write.
        try desk.succeed(["comment", id, "已退款"], as: "li", now: "2024-05-01T17:00:00+08:00")
        let after = try desk.gitOutput(["log", "--format=%H", "--", path]).split(separator: "\n").map(String.init)
        #expect(try historyCommits(desk, id) == after && after.count == 4, "\(kind)")
    }
}
