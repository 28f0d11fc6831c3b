import Foundation
import Testing
import TestSupport

/// `git pull --rebase` where both clones took a workflow step on one ticket
/// from different states (two assignees; two statuses): a replayed commit
/// whose step no longer fits the state it would start from cannot be made
/// valid by rewriting someone's entry, so the merge driver stops the rebase
/// with one line naming the way out (`git rebase --abort`, `gitdesk sync`);
/// nothing the server would refuse is built, and `gitdesk sync` then merges.
@Suite(.serialized) struct RebaseStepConflictTests {
    enum Case: String, CaseIterable, CustomStringConvertible {
        case assignees, statuses
        var description: String { rawValue }
    }

    @Test("a replayed step that no longer fits stops the rebase; sync then merges it", arguments: Case.allCases)
    func replayedStepStops(which: Case) throws {
        let team = try SyncTeam()
        let a = try team.clone("a")
        let b = try team.clone("b")
        try team.identify(b, name: "技术小张", email: "zhang@desk.example")
        let id = try team.record(a, title: "支付成功但订单未生成", env: ["GITDESK_NOW": "2024-05-01T14:30:00+08:00"])
        try team.succeed(a, ["sync"])
        try team.succeed(b, ["sync"])
        let first = ["GITDESK_NOW": "2024-05-01T15:00:00+08:00"]
        switch which {
        case .assignees:
            try team.succeed(a, ["assign", id, "li"], env: first)
            try team.succeed(a, ["move", id, "in_progress"], env: first)
        case .statuses:
            try team.succeed(a, ["move", id, "needs_info", "--reason", "请提供订单号"], env: first)
        }
        try team.succeed(a, ["sync"], env: first)
        let second = ["GITDESK_NOW": "2024-05-01T15:05:00+08:00"]
        try team.succeed(b, ["assign", id, "zhang"], as: "zhang", env: second)
        try team.succeed(b, ["move", id, "in_progress"], as: "zhang", env: second)

        let pull = try team.sandbox.git(["pull", "--rebase", "-q"], in: b, env: ["GITDESK_NOW": "2024-05-01T15:10:00+08:00"])
        let validate = try team.gitdesk(b, ["validate", "origin/main..HEAD"], as: "zhang")
        // Either the rebase stops with the way out, or what it built passes the server's rules.
        if pull.status == 0 {
            #expect(validate.status == 0, "the rebase built commits the server refuses: \(validate)")
        } else {
            #expect(pull.stderr.contains("git rebase --abort") && pull.stderr.contains("gitdesk sync"), "\(pull)")
            #expect(!pull.stderr.contains("settled, logged"), "\(pull)")
            // sync in the stopped rebase (HEAD detached) names the way out, not `git switch` (a review finding).
            let during = try team.gitdesk(b, ["sync"], as: "zhang")
            #expect(during.status != 0 && during.stderr.contains("git rebase --abort") && !during.stderr.contains("git switch"), "\(during)")
            _ = try team.sandbox.git(["rebase", "--abort"], in: b)
        }
        #expect(pull.status != 0, "the replayed step cannot fit: the rebase must stop, not build commits the server refuses: \(pull) \(validate)")
        try team.succeed(b, ["sync"], as: "zhang", env: ["GITDESK_NOW": "2024-05-01T15:10:00+08:00"])
        try team.expectHealthy(b)
        try team.succeed(a, ["sync"])
        #expect(try team.head(a) == team.head(b))
    }
}
