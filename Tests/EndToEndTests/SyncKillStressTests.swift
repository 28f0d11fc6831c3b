import Foundation
import Testing
import TestSupport

/// `gitdesk sync` killed with SIGKILL (with its git and ssh children) at
/// random moments — during fetch, merge, the branch update, the working-tree
/// update or push — leaves a clone that fscks clean with no half-written
/// ticket, and the next sync completes the work. Iterations:
/// `GITDESK_SYNC_STRESS_ITERATIONS`, else a fifth of `GITDESK_STRESS_ITERATIONS`
/// (a sync round costs ~5 writes), at least 50 (`make test`); `make stress` runs more.
@Suite struct SyncKillStressTests {
    static var iterations: Int {
        let environment = ProcessInfo.processInfo.environment
        if let n = environment["GITDESK_SYNC_STRESS_ITERATIONS"].flatMap(Int.init) { return n }
        return max(50, (environment["GITDESK_STRESS_ITERATIONS"].flatMap(Int.init) ?? 0) / 5)
    }

    @Test func syncKilledAtRandomMomentsLosesNothing() throws {
        // Over ssh: killing the sync's process group must not kill the server's
        // receive-pack (by path it is a child of the push, and a killed one
        // leaves the server's ref locked, which no client can repair).
        let team = try SyncTeam(ssh: true)
        let a = try team.clone("a", over: .ssh)
        let b = try team.clone("b", over: .ssh)
        let id = try team.record(a, title: "退款未到账")
        try team.succeed(a, ["sync"])
        try team.succeed(b, ["sync"], as: "zhang")
        var rng = SeededRandom(seed: 50)
        var expected: [String] = []
        for i in 0..<Self.iterations {
            // Every fifth round the server has news, so the killed sync has a merge to make.
            if i % 5 == 0 {
                try team.succeed(b, ["comment", id, "b-\(i)"], as: "zhang")
                try team.succeed(b, ["sync"], as: "zhang")
                expected.append("b-\(i)")
            }
            try team.succeed(a, ["comment", id, "a-\(i)"])
            expected.append("a-\(i)")

            let sync = try team.sandbox.spawnGroup(GitdeskBinary.path, ["sync", "--as", "li"], in: a)
            usleep(UInt32(rng.next(300_000)))
            sync.killGroup()

            let fsck = try team.sandbox.git(["fsck", "--no-progress", "--no-dangling"], in: a)
            #expect(fsck.status == 0 && fsck.stderr.isEmpty, "iteration \(i): \(fsck)")
            // Whatever the working file holds is a whole ticket: the old or the new version.
            let text = try team.ticketText(a, id)
            #expect(text.hasSuffix("\n") && text.contains("## log"), "iteration \(i): half-written ticket")

            // The next sync completes the work.
            let again = try team.gitdesk(a, ["sync"])
            #expect(again.status == 0, "iteration \(i): the next sync did not complete: \(again)")
            #expect(try team.git(a, ["status", "--porcelain"]) == "", "iteration \(i): dirty after the next sync")
        }
        let last = try team.gitdesk(a, ["sync"])
        #expect(last.status == 0, "\(last)")
        try team.succeed(b, ["sync"], as: "zhang")
        #expect(try team.head(a) == team.head(b))
        let log = try team.ticketText(a, id).split(separator: "\n")
        for text in expected {
            #expect(log.filter { $0.hasSuffix(": \(text)") }.count == 1, "\(text) is not in the log exactly once")
        }
        try team.expectHealthy(a)
    }
}
