import Foundation
import Testing
import TestSupport

/// Only sync's own rename of an ID collision (and an admin) may move a ticket
/// to another ID. A hand rename by anyone else, even with sync's log line,
/// and a rename line that names a move the change does not make, are refused
/// by the client hook, the server (a real bare repository with the
/// pre-receive) and `gitdesk validate`.
@Suite(.serialized) struct HandRenameTests {
    static let admin = ["GIT_AUTHOR_NAME": "管理员", "GIT_AUTHOR_EMAIL": "admin@desk.example",
                        "GIT_COMMITTER_NAME": "管理员", "GIT_COMMITTER_EMAIL": "admin@desk.example"]

    /// Moves the desk's ticket to a new ID by hand, with sync's rename line by `handle`; the new ID.
    static func renameByHand(_ d: HookTestDesk, by handle: String, claimedFrom: String? = nil) throws -> String {
        let new = String(d.id.dropLast(6)) + (d.id.hasSuffix("7K3FQ2") ? "7K3FQ3" : "7K3FQ2")
        let text = try d.sandbox.read("desk/\(d.path)")
        let line = "- 2024-05-01T15:00:00+08:00 \(handle): ID renamed from \(claimedFrom ?? d.id) to \(new): another clone recorded a ticket with the same ID first (sync)\n"
        try d.must(d.sandbox.git(["rm", "-q", d.path], in: "desk"))
        try d.sandbox.write("desk/tickets/2024/05/\(new).md", text.replacingOccurrences(of: "id: \(d.id)", with: "id: \(new)") + line)
        try d.must(d.sandbox.git(["add", "-A"], in: "desk"))
        return new
    }

    static func expectRefused(_ d: HookTestDesk, mentioning words: [String]) throws {
        let client = try d.sandbox.git(["commit", "-m", "rename"], in: "desk")
        #expect(client.status != 0, "the client hook let it through: \(client)")
        #expect(client.stderr.contains(": rename: "), "\(client)")
        try d.commitByHand("rename")
        let before = try d.serverHead()
        let push = try d.push(["main"], pusher: "li")
        #expect(push.status != 0, "the server accepted it: \(push)")
        #expect(push.stderr.contains(": rename: "), "\(push)")
        for word in words { #expect(push.stderr.contains(word), "\(push)") }
        #expect(try d.serverHead() == before)
        let ci = try d.sandbox.gitdesk(["validate", "origin/main..HEAD"], in: "desk")
        #expect(ci.status == 1 && ci.stdout.contains(": rename: "), "\(ci)")
    }

    @Test func aHandRenameByAnAgentIsRefused() throws {
        let d = try HookTestDesk()
        _ = try Self.renameByHand(d, by: "li")
        try Self.expectRefused(d, mentioning: ["li may not rename \(d.id)"])
    }

    @Test func aRenameLineInATicketThatDidNotMoveIsRefused() throws {
        let d = try HookTestDesk()
        try d.edit { $0 + "- 2024-05-01T15:00:00+08:00 li: ID renamed from CS-20240501-AAAAAA to \(d.id): another clone recorded a ticket with the same ID first (sync)\n" }
        try d.must(d.sandbox.git(["add", "-A"], in: "desk"))
        try Self.expectRefused(d, mentioning: ["log entry"])
    }

    @Test func aRenameLineNamingAnotherIDIsRefusedEvenFromAnAdmin() throws {
        let d = try HookTestDesk()
        _ = try Self.renameByHand(d, by: "admin", claimedFrom: "CS-20240501-AAAAAA")
        let client = try d.sandbox.git(["commit", "-m", "rename"], in: "desk", env: Self.admin)
        #expect(client.status != 0 && client.stderr.contains(": rename: "), "\(client)")
        try d.must(d.sandbox.git(["commit", "-q", "--no-verify", "-m", "rename"], in: "desk", env: Self.admin))
        let push = try d.push(["main"], pusher: "admin")
        #expect(push.status != 0 && push.stderr.contains(": rename: "), "\(push)")
    }

    @Test func anAdminMayRename() throws {
        let d = try HookTestDesk()
        let new = try Self.renameByHand(d, by: "admin")
        try d.must(d.sandbox.git(["commit", "-q", "-m", "rename"], in: "desk", env: Self.admin))
        try d.must(d.push(["main"], pusher: "admin"))
        #expect(try d.sandbox.git(["ls-tree", "-r", "--name-only", "main", "tickets"], in: "server.git").stdout.contains("\(new).md"))
    }
}
