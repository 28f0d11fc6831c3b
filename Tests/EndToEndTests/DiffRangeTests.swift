import Foundation
import Testing
import TestSupport

/// `gitdesk diff` takes git's three-dot range (`A...B`: from the merge base
/// to B, as `git diff` reads it — what `A..B` shows here too) and refuses a
/// single revision as a usage error (exit 64).
@Suite struct DiffRangeTests {
    @Test func threeDotRangesReadLikeGitAndASingleRevisionIsAUsageError() throws {
        let team = try SyncTeam()
        let a = try team.clone("a")
        let b = try team.clone("b")
        let incoming = try team.record(b, title: "物流信息不更新")
        try team.succeed(b, ["sync"])
        let id = try team.record(a, title: "支付成功但订单未生成")
        _ = try team.git(a, ["fetch", "-q"])
        let three = try team.gitdesk(a, ["diff", "origin/main...HEAD", "--json"])
        #expect(three.status == 0, "\(three)")
        #expect(three.stdout.contains(id) && !three.stdout.contains(incoming), "\(three)")
        #expect(three.stdout == (try team.succeed(a, ["diff", "origin/main..HEAD", "--json"])))
        let other = try team.succeed(a, ["diff", "HEAD...origin/main", "--json"])
        #expect(other.contains(incoming) && !other.contains(id), "\(other)")

        let single = try team.gitdesk(a, ["diff", "HEAD"])
        expectOneLineRefusal(single, mentioning: ["'HEAD' is not a range", "A..B"])
        #expect(single.stdout.isEmpty, "\(single)")
    }
}
