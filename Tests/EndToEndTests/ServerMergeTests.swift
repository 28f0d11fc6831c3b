import Foundation
import Testing
import TestSupport

/// Merge commits are judged by what they produce (MergeJudgement): a merge
/// may not carry a change no side made, and a merge made the way gitdesk's
/// sync does (fields from one side or the base, logs unioned, a `Conflict:`
/// line by the operator) passes the server, the client hook and validate.
@Suite(.serialized) struct ServerMergeTests {
    /// `desk` with a branch `side` (zhang logs a finding) and main (li adds a
    /// template), both valid, merged with `--no-commit` so the test can
    /// tamper with the result before committing it by hand.
    static func mergeInProgress() throws -> HookTestDesk {
        let d = try HookTestDesk()
        try d.must(d.sandbox.git(["checkout", "-q", "-b", "side"], in: "desk"))
        try d.edit { $0 + "- 2024-05-01T15:00:00+08:00 li: 已电话联系客户\n" }
        try d.commitByHand("log a call")
        try d.must(d.sandbox.git(["checkout", "-q", "main"], in: "desk"))
        try d.sandbox.write("desk/templates/payment.md", "# 支付成功但订单未生成\n\n核对支付流水，补单。\n")
        try d.commitByHand("template")
        try d.must(d.sandbox.git(["merge", "-q", "--no-ff", "--no-commit", "side"], in: "desk"))
        return d
    }

    static func tamperedMergeIsRefused(_ d: HookTestDesk, rule: String, octopus: Bool = false) throws {
        try d.must(d.sandbox.git(["add", "-A"], in: "desk"))
        let client = try d.sandbox.git(["commit", "-m", "merge"], in: "desk")
        #expect(client.status != 0, "the client hook let it through: \(client)")
        #expect(client.stderr.contains(": \(rule): "), "\(client)")
        try d.must(d.sandbox.git(["commit", "-q", "--no-verify", "-m", "merge"], in: "desk"))
        #expect(try d.sandbox.git(["rev-list", "--parents", "-n", "1", "HEAD"], in: "desk").stdout
                    .split(separator: " ").count == (octopus ? 4 : 3))
        let before = try d.serverHead()
        let push = try d.push(["main"], pusher: "li")
        #expect(push.status != 0, "the server accepted it: \(push)")
        #expect(push.stderr.contains(": \(rule): "), "\(push)")
        #expect(try d.serverHead() == before)
        let ci = try d.sandbox.gitdesk(["validate", "origin/main..HEAD"], in: "desk")
        #expect(ci.status == 1)
        #expect(ci.stdout.contains(": \(rule): "), "\(ci)")
    }

    @Test func aMergeMayNotGrantARole() throws {
        let d = try Self.mergeInProgress()
        let team = try d.sandbox.read("desk/team.yaml")
        try d.sandbox.write("desk/team.yaml", team.replacingOccurrences(of: "roles: [agent]", with: "roles: [admin]"))
        try Self.tamperedMergeIsRefused(d, rule: "settings-change")
    }

    @Test func aMergeMayNotDeleteATicketNoSideDeleted() throws {
        let d = try Self.mergeInProgress()
        try d.must(d.sandbox.git(["rm", "-q", "-f", d.path], in: "desk"))
        try Self.tamperedMergeIsRefused(d, rule: "delete")
    }

    @Test func aMergeMayNotMakeAStatusNoSideHad() throws {
        let d = try Self.mergeInProgress()
        try d.edit { $0.replacingOccurrences(of: "status: new", with: "status: closed")
            + "- 2024-05-01T15:10:00+08:00 li: 关闭 [status: new → closed]\n" }
        try Self.tamperedMergeIsRefused(d, rule: "transition")
    }

    @Test func aMergeMayNotDropALogEntryOfASide() throws {
        let d = try Self.mergeInProgress()
        try d.edit { $0.replacingOccurrences(of: "- 2024-05-01T15:00:00+08:00 li: 已电话联系客户\n", with: "") + "- 2024-05-01T15:05:00+08:00 li: 补记\n" }
        try Self.tamperedMergeIsRefused(d, rule: "append-only")
    }

    @Test func anOctopusMergeIsJudgedToo() throws {
        let d = try HookTestDesk()
        for (branch, file) in [("a", "templates/a.md"), ("b", "templates/b.md")] {
            try d.must(d.sandbox.git(["checkout", "-q", "-b", branch, "main"], in: "desk"))
            try d.sandbox.write("desk/\(file)", "# \(branch)\n")
            try d.commitByHand(branch)
        }
        try d.must(d.sandbox.git(["checkout", "-q", "main"], in: "desk"))
        try d.must(d.sandbox.git(["merge", "-q", "--no-ff", "--no-commit", "a", "b"], in: "desk"))
        try d.sandbox.write("desk/.gitdesk/schema/privacy.yaml", "kinds: []\n")
        try Self.tamperedMergeIsRefused(d, rule: "settings-change", octopus: true)
    }

    /// The merge gitdesk's sync makes, made by hand with git: zhang moved the
    /// ticket in another clone and pushed; li logged a call, pulls, resolves
    /// the conflict field by field (status from zhang, both log entries, a
    /// `Conflict:` line of li's own), commits and pushes.
    @Test func aSyncStyleMergeMadeByHandPassesEverywhere() throws {
        let d = try HookTestDesk(mate: true)
        d.sandbox.environment["GITDESK_NOW"] = "2024-05-01T14:40:00+08:00"
        try d.must(d.sandbox.gitdesk(["move", "--as", "zhang", d.id, "in_progress"], in: "mate"))
        try d.must(d.push(["main"], pusher: "zhang", from: "mate"))
        let theirs = try d.sandbox.read("mate/\(d.path)")

        d.sandbox.environment["GITDESK_NOW"] = "2024-05-01T14:50:00+08:00"
        try d.must(d.sandbox.gitdesk(["comment", "--as", "li", d.id, "已回电"], in: "desk"))
        let call = try d.sandbox.read("desk/\(d.path)").split(separator: "\n").last.map(String.init)!
        // Without the merge driver (a person resolving it by hand, as a hosting UI would leave it).
        let pull = try d.sandbox.git(["-c", "merge.gitdesk.driver=false", "pull", "-q", "--no-rebase", "origin", "main"], in: "desk")
        #expect(pull.status != 0, "expected a conflict to resolve by hand: \(pull)")
        try d.sandbox.write("desk/\(d.path)", theirs + call + "\n"
            + "- 2024-05-01T14:55:00+08:00 li: Conflict: status in_progress (zhang) kept; log entries of both sides kept\n")
        try d.must(d.sandbox.git(["add", d.path], in: "desk"))
        #expect(try d.sandbox.gitdesk(["validate", "--staged"], in: "desk").status == 0)
        try d.must(d.sandbox.git(["commit", "-q", "--no-edit"], in: "desk"))  // pre-commit judges it as a merge
        try d.must(d.sandbox.gitdesk(["validate", "origin/main..HEAD"], in: "desk"))
        try d.must(d.push(["main"], pusher: "li"))
        #expect(try d.serverHead() == d.rev("HEAD"))
    }

    /// Review finding (critical): both sides changed the ticket; a merge that
    /// keeps one side's file whole (`git merge -s ours`) dropped the other
    /// side's step and log entries, and nothing refused it, because a
    /// result equal to a parent's file was taken as "carried".
    @Test func aMergeKeepingOneSidesFileWholeIsRefusedWhenBothChangedTheTicket() throws {
        let d = try HookTestDesk(mate: true)
        d.sandbox.environment["GITDESK_NOW"] = "2024-05-01T14:40:00+08:00"
        try d.must(d.sandbox.gitdesk(["move", "--as", "zhang", d.id, "in_progress"], in: "mate"))
        try d.must(d.push(["main"], pusher: "zhang", from: "mate"))
        d.sandbox.environment["GITDESK_NOW"] = "2024-05-01T14:50:00+08:00"
        try d.must(d.sandbox.gitdesk(["comment", "--as", "li", d.id, "已回电"], in: "desk"))
        try d.must(d.sandbox.git(["fetch", "-q", "origin"], in: "desk"))
        let merge = try d.sandbox.git(["merge", "-s", "ours", "--no-edit", "origin/main"], in: "desk")
        #expect(merge.status != 0, "the client hook let it through: \(merge)")
        #expect(merge.stderr.contains("append-only") || merge.stdout.contains("append-only"), "\(merge)")
        _ = try d.sandbox.git(["merge", "--abort"], in: "desk")
        try d.must(d.sandbox.git(["merge", "-q", "--no-verify", "-s", "ours", "--no-edit", "origin/main"], in: "desk"))
        let before = try d.serverHead()
        let push = try d.push(["main"], pusher: "li")
        #expect(push.status != 0, "the server accepted it: \(push)")
        #expect(push.stderr.contains(": append-only: "), "\(push)")
        #expect(try d.serverHead() == before)
        #expect(try d.sandbox.gitdesk(["validate", "origin/main..HEAD"], in: "desk").status == 1)
    }

    @Test func aSideCommitIsJudgedEvenWhenTheMergeDropsItsChange() throws {
        let d = try HookTestDesk()
        try d.must(d.sandbox.git(["checkout", "-q", "-b", "side"], in: "desk"))
        try ServerRefTests.illegalClose(d)
        try d.must(d.sandbox.git(["checkout", "-q", "main"], in: "desk"))
        try d.must(d.sandbox.git(["merge", "-q", "--no-verify", "-s", "ours", "-m", "keep ours", "side"], in: "desk"))
        let push = try d.push(["main"], pusher: "li")
        #expect(push.status != 0, "\(push)")
        #expect(push.stderr.contains(": transition: "), "\(push)")
    }

    @Test func aCleanMergeOfTwoValidSidesPasses() throws {
        let d = try Self.mergeInProgress()
        try d.must(d.sandbox.git(["commit", "-q", "-m", "merge side"], in: "desk"))  // pre-merge-commit/pre-commit pass
        try d.must(d.push(["main"], pusher: "li"))
    }
}
