import Foundation
import Testing
import TestSupport

/// One operator writes the same words in two clones in the same second: an
/// exact duplicate (time to the second, operator, text), which the logs'
/// union keeps once (docs/sync.md, rule 2: an entry held n times on one side
/// and m on the other is kept max(n, m) times). Every route — git pull,
/// git pull --rebase, sync — keeps it once, and later merges keep it once.
/// Copies made on one side stay: two in one clone are two after the merge.
@Suite(.serialized) struct LookAlikeEntriesTests {
    enum Route: String, CaseIterable, CustomStringConvertible {
        case pullMerge, pullRebase, sync
        var description: String { rawValue }
    }

    @Test("identical log lines made in two clones are kept once", arguments: Route.allCases)
    func keptOnce(route: Route) throws {
        let team = try SyncTeam()
        _ = try team.clone("a")
        _ = try team.clone("b")
        try team.identify("b")
        let start = ["GITDESK_NOW": "2024-05-01T14:30:00+08:00"]
        let id = try team.record("a", title: "支付成功但订单未生成", env: start)
        try team.succeed("a", ["sync"], env: start)
        try team.succeed("b", ["sync"], env: start)
        let same = ["GITDESK_NOW": "2024-05-01T15:00:00+08:00"]
        try team.succeed("a", ["comment", id, "已回电，客户未接"], env: same)
        try team.succeed("a", ["sync"], env: same)
        // b did something else first: the same commit made twice would be one object to git.
        try team.succeed("b", ["comment", id, "客户来电催单"], env: ["GITDESK_NOW": "2024-05-01T14:55:00+08:00"])
        try team.succeed("b", ["comment", id, "已回电，客户未接"], env: same)
        let line = "- 2024-05-01T15:00:00+08:00 li: 已回电，客户未接"
        switch route {
        case .pullMerge: _ = try team.git("b", ["pull", "-q", "--no-rebase", "--no-edit"])
        case .pullRebase: _ = try team.git("b", ["pull", "-q", "--rebase"])
        case .sync: break
        }
        try team.succeed("b", ["sync"], env: same)
        let merged = try team.ticketText("b", id)
        #expect(merged.components(separatedBy: line).count - 1 == 1, "\(merged)")
        #expect(merged.contains("客户来电催单"), "\(merged)")
        // Carried by both sides from here on: still once after more merges.
        try team.succeed("a", ["sync"], env: same)
        try team.succeed("a", ["comment", id, "再次回电"], env: ["GITDESK_NOW": "2024-05-01T15:05:00+08:00"])
        try team.succeed("b", ["comment", id, "客户回电"], env: ["GITDESK_NOW": "2024-05-01T15:06:00+08:00"])
        try team.succeed("a", ["sync"], env: same)
        _ = try team.git("b", ["pull", "-q", "--no-rebase", "--no-edit"])
        try team.succeed("b", ["sync"], env: same)
        try team.succeed("a", ["sync"], env: same)
        for clone in ["a", "b"] {
            #expect(try team.ticketText(clone, id).components(separatedBy: line).count - 1 == 1, "\(clone)")
            try team.expectHealthy(clone)
        }
        #expect(try team.head("a") == team.head("b"))
    }
}
