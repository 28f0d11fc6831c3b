import Foundation
import Testing
import TestSupport

/// A merge resolved by hand must keep each log entry as many times as the
/// merge rule gives (docs/sync.md, rule 2: held n times on one side and m on
/// the other, kept max(n, m) times): an exact duplicate made in two clones is
/// one entry, two copies made in one clone stay two. Dropping a copy or
/// pasting an extra one is refused by the client hook, the server (a real
/// bare repository with the pre-receive, two clones) and `gitdesk validate`,
/// naming the entry by time and operator.
@Suite(.serialized) struct MergeCopyCountTests {
    static let line = "- 2024-05-01T15:00:00+08:00 li: 已回电，客户未接\n"

    /// Clones a and b with the same words by li in the same second on one
    /// ticket, once in a and twice in b; b has merged the server's branch
    /// without committing: two copies (max(1, 2)).
    static func lookAlikeMerge() throws -> (SyncTeam, String, String) {
        let team = try SyncTeam()
        _ = try team.clone("a")
        _ = try team.clone("b")
        try team.identify("b")
        let start = ["GITDESK_NOW": "2024-05-01T14:30:00+08:00"]
        let id = try team.record("a", title: "支付成功但订单未生成", env: start)
        try team.succeed("a", ["sync"], env: start)
        try team.succeed("b", ["sync"], env: start)
        let same = ["GITDESK_NOW": "2024-05-01T15:00:00+08:00"]
        try team.succeed("a", ["comment", id, "已回电，客户未接"], env: same)
        try team.succeed("a", ["sync"], env: same)
        try team.succeed("b", ["comment", id, "客户来电催单"], env: ["GITDESK_NOW": "2024-05-01T14:55:00+08:00"])
        try team.succeed("b", ["comment", id, "已回电，客户未接"], env: same)
        try team.succeed("b", ["comment", id, "已回电，客户未接"], env: same)
        _ = try team.git("b", ["fetch", "-q", "origin"])
        _ = try team.git("b", ["merge", "-q", "--no-commit", "--no-ff", "origin/main"])
        let path = try team.git("b", ["ls-files", "tickets"]).split(separator: "\n").first { $0.hasSuffix("/\(id).md") }!
        #expect(try team.sandbox.read("b/\(path)").components(separatedBy: line).count - 1 == 2)
        return (team, id, String(path))
    }

    static func expectRefused(_ team: SyncTeam, path: String) throws {
        _ = try team.git("b", ["add", "-A"])
        let client = try team.sandbox.git(["commit", "-m", "merge"], in: "b")
        #expect(client.status != 0, "the client hook let it through: \(client)")
        #expect(client.stderr.contains(": copy-count: ") && client.stderr.contains("by li"), "\(client)")
        _ = try team.git("b", ["commit", "-q", "--no-verify", "-m", "merge"])
        let before = try team.head("server.git", "main")
        let push = try team.sandbox.git(["push", "origin", "main"], in: "b")
        #expect(push.status != 0, "the server accepted it: \(push)")
        #expect(push.stderr.contains("\(path)") && push.stderr.contains(": copy-count: "), "\(push)")
        #expect(try team.head("server.git", "main") == before)
        let ci = try team.sandbox.gitdesk(["validate", "origin/main..HEAD"], in: "b")
        #expect(ci.status == 1 && ci.stdout.contains(": copy-count: "), "\(ci)")
        #expect(!ci.stdout.contains("已回电"), "the entry is named by time and operator, not by its words: \(ci)")
    }

    @Test func droppingOneOfTwoCopiesIsRefused() throws {
        let (team, _, path) = try Self.lookAlikeMerge()
        let text = try team.sandbox.read("b/\(path)")
        let cut = try #require(text.range(of: Self.line))
        try team.sandbox.write("b/\(path)", text.replacingCharacters(in: cut, with: ""))
        try Self.expectRefused(team, path: path)
    }

    @Test func pastingAThirdCopyIsRefused() throws {
        let (team, _, path) = try Self.lookAlikeMerge()
        let text = try team.sandbox.read("b/\(path)")
        let cut = try #require(text.range(of: Self.line))
        try team.sandbox.write("b/\(path)", text.replacingCharacters(in: cut, with: Self.line + Self.line))
        try Self.expectRefused(team, path: path)
    }

    @Test func theMergeAsTheDriverMadeItIsAccepted() throws {
        let (team, id, _) = try Self.lookAlikeMerge()
        _ = try team.git("b", ["commit", "-q", "-m", "merge"])
        try team.succeed("b", ["sync"], env: ["GITDESK_NOW": "2024-05-01T15:00:00+08:00"])
        #expect(try team.ticketText("b", id).components(separatedBy: Self.line).count - 1 == 2)
        try team.expectHealthy("b")
    }
}
