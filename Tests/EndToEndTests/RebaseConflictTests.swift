import Foundation
import Testing
import TestSupport

/// `git pull --rebase` with a field changed on both sides: the replayed
/// commit carries its Conflict line in its own author's name and time, so
/// the server accepts it (log-author, backdate).
@Suite("pull --rebase with a same-field conflict")
struct RebaseConflictTests {
    @Test func theRebasedCommitPassesTheServer() throws {
        let team = try SyncTeam()
        let a = try team.clone("a")
        let b = try team.clone("b")
        let id = try team.record(a, title: "支付成功但订单未生成")
        try team.succeed(a, ["sync"])
        try team.succeed(b, ["sync"])
        try team.succeed(a, ["set", id, "description=甲方说明"], as: "chen")
        try team.succeed(a, ["sync"], as: "chen")
        try team.succeed(b, ["set", id, "description=乙方说明"], as: "chen")
        let pull = try team.sandbox.git(["-c", "user.name=售后小陈", "-c", "user.email=chen@desk.example", "pull", "--rebase"], in: b)
        #expect(pull.status == 0, "\(pull)")
        let text = try team.ticketText(b, id)
        #expect(text.contains("Conflict: description"), "\(text)")
        let validate = try team.gitdesk(b, ["validate", "origin/main..HEAD"])
        #expect(validate.status == 0, "\(validate)")
        let push = try team.sandbox.git(["push", "-q"], in: b)
        #expect(push.status == 0, "the server refused the rebased commit: \(push)")
    }
}
