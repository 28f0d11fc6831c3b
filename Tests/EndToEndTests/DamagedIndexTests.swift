import Foundation
import Testing
import TestSupport

/// `.git/index` damaged by a full disk, a bad copy or a stray write: every
/// command that needs it ends with one line naming the file and the repair
/// (`rm .git/index && git reset`), and nothing is committed. Writes check the
/// index's checksum too, so a changed entry or a wrong checksum is caught
/// before the branch moves, as `validate --staged` and the hooks catch it.
@Suite("Damaged index")
struct DamagedIndexTests {
    /// `entryByte`: one byte of an entry's path flipped (the file still parses);
    /// `checksum`: only the trailing SHA-1 wrong.
    enum Damage: String, CaseIterable { case truncated, garbage, headerOnly, entryByte, checksum }

    func damage(_ desk: TestDesk, _ kind: Damage) throws {
        let url = URL(fileURLWithPath: desk.path(".git/index"))
        let data = try Data(contentsOf: url)
        switch kind {
        case .truncated: try data.prefix(data.count / 2).write(to: url)
        case .garbage: try Data((0..<600).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }).write(to: url)
        case .headerOnly: try data.prefix(40).write(to: url)
        case .entryByte:
            var bytes = data
            let at = try #require(bytes.range(of: Data("tickets/".utf8))).lowerBound + 3
            bytes[at] ^= 0x01  // tickets/ → ticjets/
            try bytes.write(to: url)
        case .checksum:
            var bytes = data
            bytes[bytes.count - 1] ^= 0xFF
            try bytes.write(to: url)
        }
    }

    @Test("comment, set and validate --staged name the index and the repair; the desk works again after it",
          arguments: Damage.allCases)
    func named(_ kind: Damage) throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        try damage(desk, kind)
        let head = try desk.head
        for (args, handle) in [(["comment", id, "客户再次来电"], "li"), (["set", id, "priority=high"], "wang"),
                               (["validate", "--staged"], nil)] as [([String], String?)] {
            let result = try desk.gitdesk(args, as: handle, now: "2024-05-01T15:00:00+08:00")
            expectOneLineRefusal(result, mentioning: [desk.path(".git/index"), "damaged", "git", "reset"])
            #expect(try desk.head == head, "\(args) committed with a damaged index")
        }
        // The repair the message gives.
        try FileManager.default.removeItem(atPath: desk.path(".git/index"))
        #expect(try desk.git(["reset", "-q"]).status == 0)
        try desk.succeed(["comment", id, "客户再次来电"], as: "li", now: "2024-05-01T15:00:00+08:00")
        #expect(try desk.porcelain.isEmpty)
    }
}
