import Foundation
import Testing
import TestSupport

/// What sync settles by itself: a field both clones changed (by the schema's
/// rule, printed and logged) and two clones that minted the same ticket ID.
@Suite struct SyncConflictTests {
    @Test func aFieldChangedOnBothSidesIsSettledByItsRuleReportedAndLogged() throws {
        let team = try SyncTeam()
        let a = try team.clone("a")
        let b = try team.clone("b")
        let id = try team.record(a, title: "订单重复扣款")
        try team.succeed(a, ["sync"])
        try team.succeed(b, ["sync"], as: "wang")
        try team.succeed(a, ["set", id, "priority=high"], as: "wang")
        try team.succeed(b, ["set", id, "priority=urgent"], as: "wang")
        try team.succeed(b, ["sync"], as: "wang")

        let result = try team.gitdesk(a, ["sync"], as: "wang")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Conflict settled: \(id): Conflict: priority ours=\"high\" theirs=\"urgent\" chosen=\"urgent\" rule=higher"),
                "\(result)")
        let text = try team.ticketText(a, id)
        #expect(text.contains("priority: urgent"))
        #expect(text.contains("wang: Conflict: priority ours=\"high\" theirs=\"urgent\" chosen=\"urgent\" rule=higher"))
        let message = try team.git(a, ["log", "-1", "--format=%B"])
        #expect(message.contains("Settled 2 conflicts"), "\(message)")  // priority, and the deadline it moved
        #expect(message.contains("rule=higher"))
        let listed = try team.succeed(a, ["conflicts", "--json"])
        #expect(listed.contains("\"priority\"") && listed.contains("higher"), "\(listed)")
        // --field takes a key or a label; an unknown field is refused with the choices.
        let byLabel = try team.succeed(a, ["conflicts", "--json", "--field", "优先级"], as: "wang")
        #expect(byLabel.contains("\"priority\"") && !byLabel.contains("\"due\""), "\(byLabel)")
        #expect(try team.succeed(a, ["conflicts", "--json", "--field", "Priority"], as: "wang") == byLabel)
        let unknown = try team.gitdesk(a, ["conflicts", "--field", "nosuchfield"], as: "wang")
        expectOneLineRefusal(unknown, mentioning: ["nosuchfield", "priority"])
        try team.succeed(b, ["sync"], as: "wang")
        #expect(try team.head(a) == team.head(b))
        try team.expectHealthy(a)
        try team.expectHealthy(b)
    }

    @Test func twoClonesMintingTheSameIDRenameTheUnpushedTicket() throws {
        let team = try SyncTeam()
        let a = try team.clone("a")
        let b = try team.clone("b")
        // GITDESK_ID_SEED makes every process mint the same first ID.
        let seeded = ["GITDESK_ID_SEED": "20240501"]
        let first = try team.record(a, title: "支付成功但订单未生成", env: seeded)
        let second = try team.record(b, title: "物流信息不更新", as: "li", env: seeded)
        #expect(first == second, "the seed did not force a collision")
        try team.succeed(b, ["comment", second, "已联系物流"])
        try team.succeed(a, ["sync"])

        let result = try team.gitdesk(b, ["sync"])
        #expect(result.status == 0, "\(result)")
        let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("Renamed \(second) to ") }, "\(result)")
        let renamed = String(line.split(separator: " ")[3].dropLast())
        #expect(renamed != second && renamed.hasPrefix("CS-"))

        // The server's ticket keeps its ID; b's is under the new one, with its log and a line saying so.
        #expect(try team.ticketText(b, second).contains("title: 支付成功但订单未生成"))
        let moved = try team.ticketText(b, renamed)
        #expect(moved.contains("id: \(renamed)"))
        #expect(moved.contains("title: 物流信息不更新"))
        #expect(moved.contains("已联系物流"))
        #expect(moved.contains("li: ID renamed from \(second) to \(renamed)"))
        let rename = try team.git(b, ["log", "--format=%an|%s", "--grep=Operation: rename"])
        #expect(rename == "客服小李|\(renamed): renamed from \(second) (the ID was taken on the server)", "\(rename)")
        try team.succeed(a, ["sync"])
        #expect(try team.head(a) == team.head(b))
        try team.expectHealthy(a)
        try team.expectHealthy(b)
    }

    @Test func settingsChangedDifferentlyOnBothSidesStopForAPerson() throws {
        let team = try SyncTeam()
        let a = try team.clone("a")
        let b = try team.clone("b")
        for (clone, name) in [(a, "售后小陈A"), (b, "售后小陈B")] {
            let text = try team.sandbox.read("\(clone)/team.yaml")
            try team.sandbox.write("\(clone)/team.yaml", text.replacingOccurrences(of: "name: 售后小陈", with: "name: \(name)"))
            _ = try team.git(clone, ["-c", "user.name=管理员", "-c", "user.email=admin@desk.example", "commit", "-qam", "roster"])
        }
        try team.succeed(a, ["sync"], as: "admin")
        let before = try team.head(b)
        let result = try team.gitdesk(b, ["sync"], as: "admin")
        expectOneLineRefusal(result, mentioning: ["team.yaml", "a person must decide"])
        #expect(try team.head(b) == before)
        #expect(try team.git(b, ["status", "--porcelain"]) == "")
    }
}
