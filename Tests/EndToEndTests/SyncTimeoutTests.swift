import Foundation
import Testing
import TestSupport

/// A server that accepts the connection and never answers (a real socket on
/// 127.0.0.1, reached over ssh) must not hold `gitdesk sync` forever: the
/// fetch or push is stopped after `gitdesk.syncTimeout` (or `--timeout`)
/// seconds, the sync says so in one line and exits 1, and nothing here is
/// half-written; the next sync against a live server completes the work.
@Suite(.serialized) struct SyncTimeoutTests {
    /// ssh to the silent port: no config, no host key to check (the server never gets that far).
    let ssh = ["GIT_SSH_COMMAND": "ssh -F /dev/null -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR"]

    @Test("a fetch from a server that never answers stops after gitdesk.syncTimeout, nothing changed")
    func fetchTimesOut() throws {
        let team = try SyncTeam()
        let a = try team.clone("a")
        let id = try team.record(a, title: "支付成功但订单未生成")
        let before = try team.head(a)
        let silent = try SilentListener()
        _ = try team.git(a, ["remote", "set-url", "origin", "ssh://git@127.0.0.1:\(silent.port)/server.git"])
        _ = try team.git(a, ["config", "gitdesk.syncTimeout", "2"])
        let sync = try team.gitdesk(a, ["sync"], env: ssh)
        #expect(sync.status == 1, "\(sync)")
        let lines = sync.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("origin did not answer within 2 s (fetch); nothing was changed here"), "\(sync)")
        #expect(try team.head(a) == before)
        #expect(try team.git(a, ["status", "--porcelain"]) == "")
        let leftovers = try team.git(a, ["ls-files", "--others", "--", ".git"]) + (try FileManager.default.contentsOfDirectory(atPath: team.sandbox.path("a/.git")).filter { $0.hasSuffix(".lock") }.joined())
        #expect(leftovers.isEmpty, "\(leftovers)")

        // --timeout overrides the configuration; a bad value is refused before anything runs.
        let flagged = try team.gitdesk(a, ["sync", "--timeout", "1"], env: ssh)
        #expect(flagged.status == 1 && flagged.stderr.contains("within 1 s (fetch)"), "\(flagged)")
        let bad = try team.gitdesk(a, ["sync", "--timeout", "0"], env: ssh)
        #expect(bad.status != 0 && bad.stderr.contains("--timeout"), "\(bad)")
        // status --fetch takes the same --timeout.
        let status = try team.gitdesk(a, ["status", "--fetch", "--timeout", "1"], env: ssh)
        #expect(status.status == 1 && status.stderr.contains("within 1 s (fetch)"), "\(status)")
        let badStatus = try team.gitdesk(a, ["status", "--fetch", "--timeout", "0"], env: ssh)
        #expect(badStatus.status != 0 && badStatus.stderr.contains("--timeout"), "\(badStatus)")

        // Back to the live server: the same sync completes.
        _ = try team.git(a, ["remote", "set-url", "origin", team.url(.path)])
        try team.succeed(a, ["sync"])
        #expect(try team.git("server.git", ["ls-tree", "-r", "--name-only", "main"]).contains(id))
        try team.expectHealthy(a)
    }

    @Test("a push to a server that never answers stops after the timeout; the commits stay and the next sync pushes them")
    func pushTimesOut() throws {
        let team = try SyncTeam()
        let a = try team.clone("a")
        let b = try team.clone("b")
        let incoming = try team.record(b, title: "物流信息不更新")
        try team.succeed(b, ["sync"])
        let id = try team.record(a, title: "支付成功但订单未生成")
        let silent = try SilentListener()
        _ = try team.git(a, ["remote", "set-url", "--push", "origin", "ssh://git@127.0.0.1:\(silent.port)/server.git"])
        let sync = try team.gitdesk(a, ["sync", "--timeout", "2"], env: ssh)
        #expect(sync.status == 1, "\(sync)")
        #expect(sync.stderr.contains("origin did not answer within 2 s (push); your commits are kept here"), "\(sync)")
        // The fetch and merge happened; the push did not.
        #expect(try team.git(a, ["ls-files", "tickets/"]).contains(incoming))
        #expect(try team.git(a, ["log", "--oneline", "origin/main..HEAD"]) != "")
        try team.expectHealthy(a)
        _ = try team.git(a, ["config", "--unset", "remote.origin.pushurl"])
        try team.succeed(a, ["sync"])
        #expect(try team.git("server.git", ["ls-tree", "-r", "--name-only", "main"]).contains(id))
        try team.expectHealthy(a)
    }
}
