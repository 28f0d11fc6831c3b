import Foundation
import Testing
import TestSupport

/// An admin deleted a ticket in one clone; an agent, not knowing, logged a
/// call on it in another. The change wins (a deletion never silently drops
/// work) and sync says so loudly: which commit deleted it, that an admin
/// must delete it again if it must go, and where the deleted version is.
@Suite(.serialized) struct DeletionMeetsChangeTests {
    @Test func syncKeepsTheChangedTicketAndNamesTheDeletion() throws {
        let team = try SyncTeam()
        _ = try team.clone("a")
        _ = try team.clone("b")
        let id = try team.record("a", title: "支付成功但订单未生成")
        try team.succeed("a", ["sync"])
        try team.succeed("b", ["sync"])
        let path = try team.git("a", ["ls-files", "tickets"]).split(separator: "\n").first { $0.hasSuffix("/\(id).md") }!
        try team.identify("a", name: "管理员", email: "admin@desk.example")
        _ = try team.git("a", ["rm", "-q", String(path)])
        _ = try team.git("a", ["commit", "-q", "-m", "\(id): erase on the customer's request"])
        let deletion = try team.git("a", ["rev-parse", "--short=7", "HEAD"])
        try team.succeed("a", ["sync"], as: "admin")
        try team.succeed("b", ["comment", id, "已回电客户"])
        let out = try team.succeed("b", ["sync"])
        #expect(out.contains("Conflict settled: \(id): changed here, DELETED ON THE SERVER in \(deletion): kept"), "\(out)")
        #expect(out.contains("an admin deletes it again"), "\(out)")
        #expect(try team.ticketText("b", id).contains("已回电客户"))
        try team.expectHealthy("b")
    }
}
