import Foundation
import Testing
import TestSupport

/// A parent that is already part of another parent brings nothing new, so it
/// cannot make an old value "a side's change": merges with more than two
/// parents or with a redundant parent are an admin's only, and the judgement
/// reads such a merge as a change on the remaining parent.
@Suite(.serialized) struct MergeParentsTests {
    static let admin = "管理员 <admin@desk.example>"

    /// Admin makes C2 (li becomes supervisor) then C3 (reverts it and deletes the ticket), both pushed.
    static func adminUndoes() throws -> (HookTestDesk, c0: String, c2: String, c3: String) {
        let d = try HookTestDesk()
        let team = try d.sandbox.read("desk/team.yaml")
        try d.sandbox.write("desk/team.yaml", team.replacingOccurrences(of: "roles: [agent]", with: "roles: [agent, supervisor]"))
        try d.commitByHand("li is a supervisor", author: admin)
        let c2 = try d.rev("HEAD")
        try d.sandbox.write("desk/team.yaml", team)
        try d.must(d.sandbox.git(["rm", "-q", d.path], in: "desk"))
        try d.commitByHand("undo; drop the ticket", author: admin)
        let c3 = try d.rev("HEAD")
        try d.must(d.push(["HEAD:main"], pusher: "admin"))
        let c0 = try d.sandbox.git(["rev-list", "--max-parents=0", "HEAD"], in: "desk").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return (d, c0, c2, c3)
    }

    /// li's hand-made merge of `parents` whose tree is C3's with C2's team.yaml and ticket.
    static func restoringMerge(_ d: HookTestDesk, c2: String, c3: String, parents: [String]) throws -> String {
        try d.must(d.sandbox.git(["read-tree", c3], in: "desk"))
        try d.must(d.sandbox.git(["checkout", c2, "--", "team.yaml", d.path], in: "desk"))
        let tree = try d.must(d.sandbox.git(["write-tree"], in: "desk")).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let args = ["commit-tree", tree] + parents.flatMap { ["-p", $0] } + ["-m", "Merge"]
        let merge = try d.must(d.sandbox.git(args, in: "desk")).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try d.must(d.sandbox.git(["reset", "-q", "--hard", merge], in: "desk"))
        return merge
    }

    static func refused(_ d: HookTestDesk, _ rules: [String]) throws {
        let before = try d.serverHead()
        let push = try d.push(["HEAD:main"], pusher: "li")
        #expect(push.status != 0, "the server accepted it: \(push)")
        for rule in rules { #expect(push.stderr.contains(": \(rule): "), "\(push)") }
        #expect(try d.serverHead() == before)
    }

    @Test func anOctopusWithOldParentsCannotRestoreAnAdminsUndoneChange() throws {
        let (d, c0, c2, c3) = try Self.adminUndoes()
        _ = try Self.restoringMerge(d, c2: c2, c3: c3, parents: [c3, c2, c0])
        try Self.refused(d, ["merge-parents", "settings-change"])
    }

    @Test func aMergeWithAnAncestorCannotRestoreOldValues() throws {
        let (d, _, c2, c3) = try Self.adminUndoes()
        _ = try Self.restoringMerge(d, c2: c2, c3: c3, parents: [c3, c2])
        try Self.refused(d, ["merge-parents", "settings-change"])
        // The ancestor first makes no difference.
        let (e, _, f2, f3) = try Self.adminUndoes()
        _ = try Self.restoringMerge(e, c2: f2, c3: f3, parents: [f2, f3])
        try Self.refused(e, ["merge-parents", "settings-change"])
    }

    @Test func anAdminMayPushAnOctopusOfRealSides() throws {
        let d = try HookTestDesk()
        for (branch, file) in [("a", "templates/a.md"), ("b", "templates/b.md")] {
            try d.must(d.sandbox.git(["checkout", "-q", "-b", branch, "main"], in: "desk"))
            try d.sandbox.write("desk/\(file)", "# \(branch)\n")
            try d.commitByHand(branch, author: Self.admin)
        }
        try d.must(d.sandbox.git(["checkout", "-q", "main"], in: "desk"))
        try d.must(d.sandbox.git(["merge", "-q", "--no-ff", "--no-verify", "-m", "octopus", "a", "b"], in: "desk",
                                 env: ["GIT_AUTHOR_NAME": "管理员", "GIT_AUTHOR_EMAIL": "admin@desk.example"]))
        try d.must(d.push(["main"], pusher: "admin"))
        #expect(try d.serverHead() == d.rev("HEAD"))
    }
}
