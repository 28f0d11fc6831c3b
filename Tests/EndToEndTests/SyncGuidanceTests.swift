import Foundation
import Testing
import TestSupport

/// What sync and status tell a person who used plain git half-way.
@Suite("sync and status guidance")
struct SyncGuidanceTests {
    @Test("sync refuses a clone with a git merge stopped half-way, and says to abort it")
    func mergeInProgress() throws {
        let team = try SyncTeam()
        let a = try team.clone("a")
        try Data("0000000000000000000000000000000000000000\n".utf8)
            .write(to: team.sandbox.root.appendingPathComponent("\(a)/.git/MERGE_HEAD"))
        let sync = try team.gitdesk(a, ["sync"])
        #expect(sync.status != 0, "\(sync)")
        #expect(sync.stderr.contains("a git merge is in progress") && sync.stderr.contains("git merge --abort"), "\(sync)")
    }

    @Test("status says when a clone has no merge driver (a plain git clone)")
    func statusWithoutDriver() throws {
        let team = try SyncTeam()
        let plain = try team.sandbox.git(["clone", "-q", team.url(.path), "plain"])
        try #require(plain.status == 0, "\(plain)")
        let status = try team.gitdesk("plain", ["status"])
        #expect(status.stdout.contains("no gitdesk merge driver") && status.stdout.contains("gitdesk hooks install"), "\(status)")
        let cloned = try team.clone("b")
        #expect(!(try team.gitdesk(cloned, ["status"])).stdout.contains("no gitdesk merge driver"))
    }
}
