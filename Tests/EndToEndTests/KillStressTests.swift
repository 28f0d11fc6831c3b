import Foundation
import Testing
import TestSupport

/// gitdesk writes killed with SIGKILL at random moments, again and again.
/// After each kill the next write must succeed, and then the repository must
/// be whole: `git status` clean, no temporary file of a dead process left
/// anywhere in the desk, `git fsck` clean; `gitdesk validate` (the tree at
/// HEAD) passes after every `validateEvery`-th kill and `validate --all`
/// (which also rescans all history, so its cost grows with every iteration)
/// every 100th and at the end.
///
/// Every other kill takes the whole process group (gitdesk and the
/// `git update-index` it started), as `timeout` or a closed terminal does:
/// that leaves a young `.git/index.lock` no process holds.
///
/// `GITDESK_STRESS_ITERATIONS` sets the number of kills (200 by default;
/// `make stress` runs more) and `GITDESK_STRESS_VALIDATE_EVERY` how often
/// `validate` runs (10 by default, 1 under `make stress`).
@Suite("Kill -9 stress")
struct KillStressTests {
    static var iterations: Int {
        ProcessInfo.processInfo.environment["GITDESK_STRESS_ITERATIONS"].flatMap(Int.init) ?? 200
    }
    static var validateEvery: Int {
        max(1, ProcessInfo.processInfo.environment["GITDESK_STRESS_VALIDATE_EVERY"].flatMap(Int.init) ?? 10)
    }

    @Test("writes killed at random points never leave the desk locked, dirty or damaged")
    func killedWrites() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        var generator = SystemRandomNumberGenerator()
        var killedMidWrite = 0
        var seen: [String: Int] = [:]
        var writeSeconds = 0.05  // a moving average of how long one whole write takes
        for i in 0..<Self.iterations {
            // A write to kill: a comment, a field change or a new ticket.
            let args: [String] = switch i % 3 {
            case 0: ["comment", id, "第\(i)次来电"]
            case 1: ["set", id, "priority=\(i % 2 == 0 ? "high" : "medium")"]
            default: ["new", "--type", "consult", "--channel", "phone", "--title", "咨询\(i)"]
            }
            let victim = Process()
            victim.executableURL = URL(fileURLWithPath: GitdeskBinary.path)
            victim.arguments = args + ["--as", "li"]
            victim.currentDirectoryURL = URL(fileURLWithPath: desk.path())
            victim.environment = desk.sandbox.environment.merging(["GITDESK_NOW": "2024-05-01T15:00:00+08:00"]) { $1 }
            victim.standardOutput = FileHandle.nullDevice
            victim.standardError = FileHandle.nullDevice
            try victim.run()
            // Most of a run is start-up; the write itself comes last. Aim the kill
            // at the later part of a run, as long as the last whole write took.
            let span = max(2_000, Int(writeSeconds * 1_000_000))
            usleep(UInt32(Int.random(in: span / 3...span + span / 10, using: &generator)))
            // Foundation makes each child a process group leader: the group is the victim's own.
            if i % 2 == 1 && getpgid(victim.processIdentifier) == victim.processIdentifier {
                kill(-victim.processIdentifier, SIGKILL)
            } else {
                kill(victim.processIdentifier, SIGKILL)
            }
            victim.waitUntilExit()
            if victim.terminationReason == .uncaughtSignal { killedMidWrite += 1 }
            // What the kill left, for the summary.
            if FileManager.default.fileExists(atPath: desk.path(".git/refs/heads/main.lock")) { seen["branch lock", default: 0] += 1 }
            if FileManager.default.fileExists(atPath: desk.path(".git/gitdesk/pending")) { seen["journal", default: 0] += 1 }
            if FileManager.default.fileExists(atPath: desk.path(".git/index.lock")) { seen["index lock", default: 0] += 1 }
            if try !temporaryFiles(in: desk).isEmpty { seen["temporary files", default: 0] += 1 }

            let started = Date()
            let next = try desk.gitdesk(["comment", id, "第\(i)次回访"], as: "li", now: "2024-05-01T16:00:00+08:00")
            writeSeconds = 0.8 * writeSeconds + 0.2 * Date().timeIntervalSince(started)
            try #require(next.status == 0, "iteration \(i): the write after a kill failed: \(next)")
            let status = try desk.porcelain
            try #require(status == "", "iteration \(i): git status is not clean: \(status)")
            let leftovers = try temporaryFiles(in: desk)
            try #require(leftovers.isEmpty, "iteration \(i): leftovers \(leftovers)")
            let fsck = try desk.git(["fsck", "--no-dangling", "--no-progress"])
            try #require(fsck.status == 0 && !fsck.stderr.contains("error"), "iteration \(i): \(fsck)")
            let last = i == Self.iterations - 1
            if i % Self.validateEvery == 0 || last {
                let validate = try desk.gitdesk(i % 100 == 0 || last ? ["validate", "--all"] : ["validate"])
                try #require(validate.status == 0, "iteration \(i): \(validate)")
            }
        }
        print("kill -9 stress: \(Self.iterations) kills, \(killedMidWrite) mid-run; left behind: \(seen.sorted { $0.key < $1.key })")
        // The random delays must actually land inside writes, or the loop proves nothing.
        #expect(killedMidWrite > Self.iterations / 4, "only \(killedMidWrite) of \(Self.iterations) runs were killed")
    }

    /// `*.gitdesk-PID.tmp` files anywhere in the desk (working tree and .git).
    func temporaryFiles(in desk: TestDesk) throws -> [String] {
        let root = desk.path()
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.contains(".gitdesk-") && $0.hasSuffix(".tmp") }
    }
}
