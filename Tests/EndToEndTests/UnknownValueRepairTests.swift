import Foundation
import Testing
import TestSupport

/// Issue 10 (review, HIGH): one ticket with a value the schema does not know
/// (`status: bogus`, edited by hand, committed with the hooks off, pushed
/// while the server hook was moved aside) blocked the whole team: every sync
/// failed, every write to the ticket blamed the user, and every repair was
/// refused by the hooks and the server.
@Suite("A ticket holding a value the schema does not know")
struct UnknownValueRepairTests {
    static let admin = ["GIT_AUTHOR_NAME": "管理员", "GIT_AUTHOR_EMAIL": "admin@desk.example",
                        "GIT_COMMITTER_NAME": "管理员", "GIT_COMMITTER_EMAIL": "admin@desk.example"]

    /// The repository path of `id` in `clone`.
    func path(_ team: SyncTeam, _ clone: String, _ id: String) throws -> String {
        let files = try team.git(clone, ["ls-files", "tickets"]).split(separator: "\n").map(String.init)
        return try #require(files.first { $0.hasSuffix("/\(id).md") })
    }

    /// Puts `status: bogus` on the server past every gate, from clone `a`.
    func plantBogus(_ team: SyncTeam, id: String) throws {
        let file = "a/" + (try path(team, "a", id))
        let text = try team.sandbox.read(file)
        try #require(text.contains("\nstatus: new\n"), "\(text)")
        try team.sandbox.write(file, text.replacingOccurrences(of: "\nstatus: new\n", with: "\nstatus: bogus\n"))
        _ = try team.git("a", ["commit", "-q", "--no-verify", "-am", "\(id): hand edit"])
        let hook = team.sandbox.path("server.git/hooks/pre-receive")
        try FileManager.default.moveItem(atPath: hook, toPath: hook + ".off")
        defer { try? FileManager.default.moveItem(atPath: hook + ".off", toPath: hook) }
        _ = try team.git("a", ["push", "-q", "--no-verify", "origin", "HEAD"])
    }

    /// Two clones: `a` recorded the ticket and then broke it on the server;
    /// `b` commented on it before (unpushed), so its sync merges the ticket.
    func brokenTeam() throws -> (SyncTeam, String) {
        let team = try SyncTeam()
        try team.clone("a")
        try team.clone("b")
        try team.identify("a")
        try team.identify("b")
        let id = try team.record("a", title: "退款未到账")
        try team.succeed("a", ["sync"])
        try team.succeed("b", ["sync"])
        try team.succeed("b", ["comment", id, "客户来电催促"])
        try plantBogus(team, id: id)
        return (team, id)
    }

    @Test("sync merges a ticket whose unknown value the server already holds; writes to it name the stored file and the repair")
    func syncAndWriteAdvice() throws {
        let (team, id) = try brokenTeam()
        let sync = try team.gitdesk("b", ["sync"])
        #expect(sync.status == 0, "the team is blocked by one bad ticket: \(sync)")
        let text = try team.ticketText("b", id)
        #expect(text.contains("status: bogus") && text.contains("客户来电催促"), "\(text)")
        #expect(try team.head("b") == team.head("server.git", "main"), "the merge was not pushed")

        let write = try team.gitdesk("b", ["comment", id, "再次来电"])
        #expect(write.status != 0, "\(write)")
        #expect(write.stderr.contains("bogus") && write.stderr.contains("gitdesk repair"), "\(write)")
        #expect(write.stderr.split(separator: "\n").count == 1, "\(write)")
    }

    @Test("gitdesk repair takes the status back to a known one (admin, with a reason); the server takes it")
    func repairCommand() throws {
        let (team, id) = try brokenTeam()
        try team.succeed("b", ["sync"])
        let agent = try team.gitdesk("b", ["repair", id, "status=new", "--reason", "手工改错"], as: "li")
        #expect(agent.status != 0 && agent.stderr.contains("admin"), "an agent repaired: \(agent)")
        let noReason = try team.gitdesk("b", ["repair", id, "status=new"], as: "admin")
        #expect(noReason.status != 0, "\(noReason)")
        let valid = try team.gitdesk("b", ["repair", id, "priority=high", "--reason", "x"], as: "admin")
        #expect(valid.status != 0 && valid.stderr.contains("gitdesk set"), "repair changed a valid field: \(valid)")

        try team.succeed("b", ["repair", id, "status=new", "--reason", "手工改错"], as: "admin")
        let text = try team.ticketText("b", id)
        #expect(text.contains("status: new") && text.contains("[status: bogus → new]") && text.contains("手工改错"), "\(text)")
        try team.succeed("b", ["sync"], as: "admin")
        #expect(try team.head("b") == team.head("server.git", "main"), "the server refused the repair")
        try team.succeed("a", ["sync"])
        try team.succeed("a", ["comment", id, "已修复后继续处理"])
        try team.expectHealthy("a")
    }

    @Test("a hand repair with a logged reason, or git revert, by an admin passes pre-commit and the server; an agent's is refused")
    func handRepairAndRevert() throws {
        let (team, id) = try brokenTeam()
        try team.succeed("a", ["sync"])
        let file = "a/" + (try path(team, "a", id))
        let broken = try team.sandbox.read(file)
        let bogusCommit = try team.head("a")

        // An agent's hand repair is refused by pre-commit.
        let lastEntry = try #require(broken.split(separator: "\n").last { $0.hasPrefix("- ") })
        let time = lastEntry.split(separator: " ")[1]
        let fixed = broken.replacingOccurrences(of: "\nstatus: bogus\n", with: "\nstatus: new\n")
            + "- \(time) li: 修复：bogus → 新建 [status: bogus → new]\n  原因：手工改错\n"
        try team.sandbox.write(file, fixed)
        let byAgent = try team.sandbox.git(["commit", "-q", "-am", "\(id): repair"], in: "a")
        #expect(byAgent.status != 0 && byAgent.stderr.contains("admin"), "\(byAgent)")
        _ = try team.git("a", ["checkout", "--", "."])

        // git revert of the hand edit, by an admin: pre-commit and the server take it.
        let revert = try team.sandbox.git(["revert", "--no-edit", bogusCommit], in: "a", env: Self.admin)
        #expect(revert.status == 0, "\(revert)")
        let push = try team.sandbox.git(["push", "-q", "origin", "HEAD"], in: "a", env: Self.admin)
        #expect(push.status == 0, "the server refused the revert: \(push)")
        #expect(try team.ticketText("a", id).contains("status: new"))
        try team.expectHealthy("a")
    }
}
