import Foundation
import Testing
import TestSupport

/// Issue 10 (the attacker's findings, fix10a): a committed `.gitattributes`
/// that no longer routes `tickets/**` to gitdesk's merge driver is refused on
/// every route, even from an admin, naming the line to restore.
@Suite(.serialized) struct MergeRoutingTests {
    static let admin = "管理员 <admin@desk.example>"
    static let restore = "restore the line `tickets/** merge=gitdesk text eol=lf`"

    @Test("pre-commit refuses a .gitattributes without the tickets routing")
    func preCommit() throws {
        let d = try HookTestDesk()
        try d.sandbox.write("desk/.gitattributes", "*.yaml text eol=lf\n")
        try d.must(d.sandbox.git(["add", ".gitattributes"], in: "desk"))
        let before = try d.rev("HEAD")
        let commit = try d.sandbox.git(["commit", "-q", "-m", "attributes", "--author", Self.admin], in: "desk")
        #expect(commit.status != 0 && commit.stderr.contains(".gitattributes:1: settings-change: ")
                && commit.stderr.contains(Self.restore), "\(commit)")
        #expect(try d.rev("HEAD") == before)
    }

    @Test("pre-receive and validate refuse it; an unrelated .gitattributes edit that keeps the routing passes")
    func preReceiveAndValidate() throws {
        let d = try HookTestDesk()
        try d.sandbox.write("desk/.gitattributes", "# tickets\ntickets/** merge=gitdesk text eol=lf\n*.yaml text eol=lf\n*.png binary\n")
        try d.commitByHand("attributes kept", author: Self.admin)
        try d.must(d.push(["HEAD:main"], pusher: "admin"))

        try d.sandbox.write("desk/.gitattributes", "tickets/** merge=gitdesk text eol=lf\n* -merge\n")
        try d.commitByHand("attributes overridden", author: Self.admin)
        let validate = try d.sandbox.gitdesk(["validate", "HEAD~1..HEAD"], in: "desk")
        #expect(validate.status != 0 && (validate.stdout + validate.stderr).contains(Self.restore), "\(validate)")
        let before = try d.serverHead()
        let push = try d.push(["HEAD:main"], pusher: "admin")
        #expect(push.status != 0 && push.stderr.contains(".gitattributes:1: settings-change: ")
                && push.stderr.contains(Self.restore), "\(push)")
        #expect(try d.serverHead() == before)
    }

    @Test("pre-merge-commit refuses a merge that brings in a .gitattributes without the tickets routing")
    func preMergeCommit() throws {
        let d = try HookTestDesk()
        try d.must(d.sandbox.git(["checkout", "-q", "-b", "side"], in: "desk"))
        try d.sandbox.write("desk/.gitattributes", "*.yaml text eol=lf\n")
        try d.commitByHand("attributes replaced", author: Self.admin)
        try d.must(d.sandbox.git(["checkout", "-q", "main"], in: "desk"))
        try d.sandbox.write("desk/NOTES.txt", "desk notes\n")
        try d.commitByHand("notes", author: Self.admin)
        let before = try d.rev("HEAD")
        let merge = try d.sandbox.git(["merge", "--no-ff", "--no-edit", "side"], in: "desk")
        #expect(merge.status != 0 && merge.stderr.contains(Self.restore), "\(merge)")
        #expect(try d.rev("HEAD") == before)
    }
}
