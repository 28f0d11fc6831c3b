import Foundation
import Testing
import TestSupport

/// After sync renamed an unpushed ticket whose ID the server had (an ID
/// collision), `history` follows the renamed ticket back through the rename
/// and never gives one ticket's commits to the other.
@Suite struct RenamedHistoryTests {
    @Test func historyFollowsTheRenameAndKeepsTheTicketsApart() throws {
        let team = try SyncTeam()
        let a = try team.clone("a")
        let b = try team.clone("b")
        let seeded = ["GITDESK_ID_SEED": "20240501"]
        let first = try team.record(a, title: "支付成功但订单未生成", env: seeded)
        let second = try team.record(b, title: "物流信息不更新", env: seeded)
        #expect(first == second, "the seed did not force a collision")
        try team.succeed(b, ["comment", second, "已联系物流"])
        try team.succeed(a, ["comment", first, "已补发订单"])
        try team.succeed(a, ["sync"])
        let result = try team.succeed(b, ["sync"])
        let line = try #require(result.split(separator: "\n").first { $0.hasPrefix("Renamed \(second) to ") }, "\(result)")
        let renamed = String(line.split(separator: " ")[3].dropLast())

        func summaries(_ id: String) throws -> [String] {
            let out = try team.succeed(b, ["history", id, "--json"])
            let array = try #require(JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]], "\(out)")
            return array.compactMap { $0["summary"] as? String }
        }
        let movedHistory = try summaries(renamed)
        // The renamed ticket: its rename, its comment, its creation — nothing of the other ticket.
        #expect(movedHistory.count == 3, "\(movedHistory)")
        #expect(movedHistory.first?.contains("renamed from \(second)") == true, "\(movedHistory)")
        #expect(movedHistory.contains { $0.contains("已联系物流") || $0.contains("comment") }, "\(movedHistory)")
        #expect(!movedHistory.contains { $0.contains("已补发订单") }, "\(movedHistory)")
        let stayedHistory = try summaries(first)
        // The surviving ticket: its creation and comment only, not the renamed one's.
        #expect(stayedHistory.count == 2, "\(stayedHistory)")
        #expect(!stayedHistory.contains { $0.contains("renamed") || $0.contains("已联系物流") || $0.contains("物流信息不更新") }, "\(stayedHistory)")

        // diff --json names the same commits as each ticket's authors.
        let root = try team.git(b, ["rev-list", "--max-parents=0", "HEAD"])
        let diff = try team.succeed(b, ["diff", "\(root)..HEAD", "--json"])
        let entries = try #require(JSONSerialization.jsonObject(with: Data(diff.utf8)) as? [[String: Any]], "\(diff)")
        func authorSummaries(_ id: String) throws -> [String] {
            let entry = try #require(entries.first { $0["id"] as? String == id }, "\(diff)")
            let authors = try #require(entry["authors"] as? [[String: Any]], "\(diff)")
            return authors.compactMap { $0["summary"] as? String }
        }
        #expect(Set(try authorSummaries(renamed)) == Set(movedHistory), "\(diff)")
        // The surviving ticket: its own commits (and, read against first parents, the sync's merge that brought it), none of the renamed one's.
        let stayedAuthors = Set(try authorSummaries(first))
        #expect(stayedAuthors.isSuperset(of: stayedHistory) && stayedAuthors.isDisjoint(with: movedHistory), "\(diff)")
    }
}
