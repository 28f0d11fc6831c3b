import Foundation
import Testing
import TestSupport

/// Clones fetch the server's arrival stamps (refs/notes/gitdesk-arrivals):
/// `gitdesk clone`, `gitdesk sync` (when the refspec is missing) and
/// `hooks install` in an existing clone add the fetch refspec.
@Suite struct ArrivalFetchTests {
    static let refspec = "+refs/notes/gitdesk-arrivals*:refs/notes/gitdesk-arrivals*"

    @Test func aSyncedCloneShowsWhenCommitsArrived() throws {
        let team = try SyncTeam()
        let a = try team.clone("a")
        let b = try team.clone("b")
        #expect(try team.git(b, ["config", "--get-all", "remote.origin.fetch"]).contains(Self.refspec))
        let id = try team.record(a, title: "支付成功但订单未生成")
        try team.succeed(a, ["sync"])
        try team.succeed(b, ["sync"])
        let out = try team.succeed(b, ["history", id, "--json"])
        let array = try #require(JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]], "\(out)")
        #expect(!array.isEmpty && array.allSatisfy { ($0["arrived"] as? String)?.hasPrefix("20") == true }, "\(out)")
    }

    @Test func syncAndHooksInstallAddTheRefspecToPlainClones() throws {
        let team = try SyncTeam()
        for dir in ["plain1", "plain2"] {
            _ = try team.sandbox.git(["clone", "-q", team.url(.path), dir])
            #expect(try !team.git(dir, ["config", "--get-all", "remote.origin.fetch"]).contains(Self.refspec))
        }
        try team.succeed("plain1", ["hooks", "install"])
        #expect(try team.git("plain1", ["config", "--get-all", "remote.origin.fetch"]).contains(Self.refspec))
        try team.succeed("plain2", ["sync"])
        let specs = try team.git("plain2", ["config", "--get-all", "remote.origin.fetch"])
        #expect(specs.contains(Self.refspec) && specs.contains("refs/heads/"), "\(specs)")
    }
}
