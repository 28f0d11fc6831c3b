import Foundation
import Testing
import TestSupport

/// Two clones mint the same ID in the same second (GITDESK_ID_SEED) for two
/// different tickets. A plain `git pull` (merge or rebase) must never fuse
/// them into one: the driver leaves git's conflict markers (both tickets in
/// the file, nothing lost) and a one-line message saying what to do; after
/// the abort, `gitdesk sync` renames the unpushed one. The server refuses a
/// merge that fused them anyway (a hand resolution, another tool).
@Suite(.serialized) struct SameIDPlainGitTests {
    /// a and b each record a different ticket under one ID in the same second; a pushes.
    func collide() throws -> (team: SyncTeam, id: String) {
        let team = try SyncTeam()
        _ = try team.clone("a")
        _ = try team.clone("b")
        try team.identify("b")
        let env = ["GITDESK_ID_SEED": "20240501", "GITDESK_NOW": "2024-05-01T14:30:00+08:00"]
        let first = try team.record("a", title: "支付成功但订单未生成", env: env)
        let second = try team.record("b", title: "物流信息不更新", env: env)
        #expect(first == second, "the seed did not force a collision")
        try team.succeed("a", ["sync"], env: env)
        return (team, first)
    }

    @Test("git pull and git pull --rebase stop with both tickets kept and say to run gitdesk sync", arguments: [["--no-rebase"], ["--rebase"]])
    func plainPullKeepsBoth(mode: [String]) throws {
        let (team, id) = try collide()
        let pull = try team.sandbox.git(["pull", "-q", "--no-edit"] + mode, in: "b")
        #expect(pull.status != 0, "git pull fused two tickets: \(pull)")
        let said = (pull.stdout + pull.stderr).split(separator: "\n").filter { $0.contains("gitdesk sync") }
        #expect(said.contains { $0.contains(id) && $0.contains("two different tickets") }, "\(pull)")
        let text = try team.sandbox.read("b/" + team.git("b", ["ls-files", "tickets/2024"]).split(separator: "\n")[0])
        #expect(text.contains("支付成功但订单未生成") && text.contains("物流信息不更新"), "\(text)")
        _ = try team.git("b", mode == ["--rebase"] ? ["rebase", "--abort"] : ["merge", "--abort"])
        let sync = try team.gitdesk("b", ["sync"])
        #expect(sync.status == 0, "\(sync)")
        #expect(sync.stdout.contains("Renamed \(id) to "), "\(sync)")
        try team.succeed("a", ["sync"])
        let files = try team.git("a", ["ls-files", "tickets/2024"]).split(separator: "\n")
        #expect(files.count == 2, "\(files)")
        try team.expectHealthy("a")
        try team.expectHealthy("b")
    }

    @Test("the driver by hand: two different tickets with one ID, the same created time and first entry, are not merged")
    func driverByHand() throws {
        let (team, id) = try collide()
        let path = try team.git("a", ["ls-files", "tickets/2024"])
        let theirs = try team.sandbox.read("a/\(path)")
        let ours = try team.sandbox.read("b/\(path)")
        for (name, text) in [("base.md", ""), ("ours.md", ours), ("theirs.md", theirs)] { try team.sandbox.write("b/\(name)", text) }
        let run = try team.gitdesk("b", ["merge-driver", "base.md", "ours.md", "theirs.md", path], as: nil)
        #expect(run.status == 1, "\(run)")
        #expect(run.stderr.contains("two different tickets were added with the same ID \(id)"), "\(run)")
        let left = try team.sandbox.read("b/ours.md")
        #expect(left.contains("<<<<<<< ours") && left.contains("支付成功但订单未生成") && left.contains("物流信息不更新"), "\(left)")
        // With a base, a side whose creation time differs from it is another ticket.
        let other = theirs.replacingOccurrences(of: "created: 2024-05-01T14:30:00+08:00", with: "created: 2024-05-01T14:31:00+08:00")
        for (name, text) in [("base.md", ours), ("ours.md", ours + "- 2024-05-01T14:40:00+08:00 li: 已联系物流\n"), ("theirs.md", other)] {
            try team.sandbox.write("b/\(name)", text)
        }
        let based = try team.gitdesk("b", ["merge-driver", "base.md", "ours.md", "theirs.md", path], as: nil)
        #expect(based.status == 1, "\(based)")
        #expect(try team.sandbox.read("b/ours.md").contains("<<<<<<< ours"))
    }

    @Test("the server refuses a merge commit that fused two tickets sharing an ID")
    func serverRefusesFusion() throws {
        let (team, id) = try collide()
        _ = try team.git("b", ["fetch", "-q"])
        // Resolve by hand, keeping b's file: the server's ticket would be lost under the shared ID.
        let hooked = try team.sandbox.git(["merge", "-q", "--no-edit", "-s", "ours", "origin/main"], in: "b")
        #expect(hooked.status != 0 && hooked.stderr.contains("id-collision"), "the client hook took it: \(hooked)")
        _ = try team.git("b", ["merge", "--abort"])
        // Past the client hooks, as an attacker (or another tool) would.
        let merge = try team.sandbox.git(["merge", "-q", "--no-edit", "--no-verify", "-s", "ours", "origin/main"], in: "b")
        #expect(merge.status == 0, "\(merge)")
        let push = try team.sandbox.git(["push", "origin", "main"], in: "b")
        #expect(push.status != 0, "the server took a merge that dropped a ticket: \(push)")
        #expect(push.stderr.contains(id), "\(push)")
    }
}
