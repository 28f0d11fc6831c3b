import Foundation
import Testing
import TestSupport

/// The bad-input list of the validation issue: each refused on the client
/// (plain `git commit` runs pre-commit) and on the server (plain `git push`
/// runs receive-pack's pre-receive) with the reason, the server ref unmoved.
@Suite(.serialized) struct ServerHookTests {
    /// A hand edit, and the rule that must refuse it.
    struct BadEdit: CustomStringConvertible, Sendable {
        var description: String
        var rule: String
        var apply: @Sendable (HookTestDesk) throws -> Void
    }

    static let badEdits: [BadEdit] = [
        BadEdit(description: "raw phone number", rule: "pii") { d in
            try d.edit { $0.replacingOccurrences(of: "title: 支付成功但订单未生成", with: "title: 客户电话 13700001111") }
        },
        BadEdit(description: "illegal status jump", rule: "transition") { d in
            try d.edit { $0.replacingOccurrences(of: "status: new", with: "status: closed") }
        },
        BadEdit(description: "missing required field", rule: "required-field") { d in
            try d.edit { $0.replacingOccurrences(of: "title: 支付成功但订单未生成\n", with: "") }
        },
        BadEdit(description: "forged role in team.yaml", rule: "settings-change") { d in
            let team = try d.sandbox.read("desk/team.yaml")
            try d.sandbox.write("desk/team.yaml", team.replacingOccurrences(of: "roles: [agent]", with: "roles: [admin]"))
        },
        BadEdit(description: "duplicate ID", rule: "duplicate-id") { d in
            try d.sandbox.write("desk/tickets/2024/06/\(d.id).md", try d.sandbox.read("desk/\(d.path)"))
        },
        BadEdit(description: "file in the wrong month folder", rule: "path") { d in
            try FileManager.default.createDirectory(atPath: d.sandbox.path("desk/tickets/2024/07"), withIntermediateDirectories: true)
            try d.must(d.sandbox.git(["mv", d.path, "tickets/2024/07/\(d.id).md"], in: "desk"))
        },
        BadEdit(description: "broken front matter", rule: "parse") { d in
            // Drop the line that closes the front matter.
            try d.edit { text in
                var lines = text.components(separatedBy: "\n")
                if let close = lines.indices.dropFirst().first(where: { lines[$0] == "---" }) { lines.remove(at: close) }
                return lines.joined(separator: "\n")
            }
        },
        BadEdit(description: "deleted ticket", rule: "delete") { d in
            try d.must(d.sandbox.git(["rm", "-q", d.path], in: "desk"))
        },
        BadEdit(description: "ticket born closed", rule: "born") { d in
            let born = "CS-20240501-BORN01"
            let text = try d.sandbox.read("desk/\(d.path)")
                .replacingOccurrences(of: d.id, with: born)
                .replacingOccurrences(of: "status: new", with: "status: closed\nsatisfaction: 5")
            try d.sandbox.write("desk/tickets/2024/05/\(born).md", text
                + "- 2024-05-01T15:00:00+08:00 wang: 开始处理 [status: new → in_progress]\n"
                + "- 2024-05-01T15:10:00+08:00 wang: 解决 [status: in_progress → awaiting_confirmation]\n"
                + "- 2024-05-01T15:20:00+08:00 wang: 确认 [status: awaiting_confirmation → resolved]\n"
                + "- 2024-05-01T15:30:00+08:00 wang: 关闭 [status: resolved → closed]\n")
        },
        BadEdit(description: "the same ID in another letter case", rule: "duplicate-id") { d in
            let lower = d.id.lowercased()
            try d.sandbox.write("desk/tickets/2024/05/\(lower).md",
                                try d.sandbox.read("desk/\(d.path)").replacingOccurrences(of: d.id, with: lower))
        },
        BadEdit(description: "phone number in a template", rule: "pii") { d in
            try d.sandbox.write("desk/templates/callback.md", "# 回电\n\n王先生的手机 13912345678，下午回电。\n")
        },
        BadEdit(description: "e-mail address in a note at the root", rule: "pii") { d in
            try d.sandbox.write("desk/NOTES.md", "客户邮箱 wangxs@example.com\n")
        },
        BadEdit(description: "phone number in a .gitdesk file", rule: "pii") { d in
            try d.sandbox.write("desk/.gitdesk/contacts.txt", "13912345678\n")
        },
        BadEdit(description: "phone number as a file name", rule: "pii") { d in
            try d.sandbox.write("desk/templates/13912345678.md", "# 回电\n")
        },
        BadEdit(description: "binary file under tickets/", rule: "binary") { d in
            try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]).write(to: d.sandbox.root.appendingPathComponent("desk/tickets/2024/05/scan.png"))
        },
    ]

    @Test(arguments: badEdits)
    func refusedOnTheClientAndOnTheServer(_ bad: BadEdit) throws {
        let d = try HookTestDesk()
        let before = try d.serverHead()
        try bad.apply(d)
        try d.must(d.sandbox.git(["add", "-A"], in: "desk"))

        let commit = try d.sandbox.git(["commit", "-m", "hand edit"], in: "desk")
        #expect(commit.status != 0, "the client let it through: \(commit)")
        #expect(commit.stderr.contains(": \(bad.rule): "), "\(commit)")

        // --no-verify skips the client hooks; the server still refuses.
        try d.must(d.sandbox.git(["commit", "-q", "--no-verify", "-m", "hand edit"], in: "desk"))
        let push = try d.sandbox.git(["push", "origin", "main"], in: "desk")
        #expect(push.status != 0, "the server accepted it: \(push)")
        #expect(push.stderr.contains(": \(bad.rule): "), "\(push)")
        #expect(push.stderr.contains("pre-receive hook declined"))
        #expect(try d.serverHead() == before)

        // The CI one-liner says the same.
        let ci = try d.sandbox.gitdesk(["validate", "origin/main..HEAD"], in: "desk")
        #expect(ci.status == 1)
        #expect(ci.stdout.contains(": \(bad.rule): "), "\(ci)")
        // No refusal repeats a raw value.
        for output in [commit.stderr, push.stderr, ci.stdout] {
            for raw in ["13912345678", "wangxs@example.com"] { #expect(!output.contains(raw), "\(output)") }
        }
    }

    @Test func aGoodHandEditPassesBothAndTheServerMoves() throws {
        let d = try HookTestDesk(mate: true)
        try d.edit { $0 + "- 2024-05-01T15:00:00+08:00 li: 已电话联系客户\n" }
        try d.must(d.sandbox.git(["commit", "-qam", "log a call"], in: "desk"))
        try d.must(d.sandbox.git(["push", "-q", "origin", "main"], in: "desk"))
        let head = try d.sandbox.git(["rev-parse", "HEAD"], in: "desk").stdout
        #expect(try d.serverHead() == head.trimmingCharacters(in: .whitespacesAndNewlines))
        // The second clone pulls it and works on.
        try d.must(d.sandbox.git(["pull", "-q"], in: "mate"))
        try d.must(d.sandbox.gitdesk(["comment", "--as", "zhang", d.id, "已排查接口"], in: "mate"))
        try d.must(d.sandbox.git(["push", "-q", "origin", "main"], in: "mate"))
    }

    @Test func anAdminMayEraseATicketButNoPushDeletesOrRewritesTheBranch() throws {
        let d = try HookTestDesk(mate: true)
        // The server was set up to refuse deleting and rewriting branches.
        for key in ["receive.denyDeletes", "receive.denyNonFastForwards"] {
            #expect(try d.sandbox.git(["config", "--get", key], in: "server.git").stdout == "true\n")
        }
        // An admin erases the ticket (e.g. the customer asked for their data to be deleted).
        try d.must(d.sandbox.git(["rm", "-q", d.path], in: "desk"))
        try d.must(d.sandbox.git(["commit", "-q", "-m", "erase on request", "--author", "系统管理员 <admin@desk.example>"], in: "desk"))
        try d.must(d.sandbox.git(["push", "-q", "origin", "main"], in: "desk", env: ["GITDESK_PUSHER": "admin"]))
        let erased = try d.serverHead()
        #expect(try d.sandbox.git(["cat-file", "-e", "main:\(d.path)"], in: "server.git").status != 0)

        // A clone still holding the old history cannot force it back over the branch...
        try d.must(d.sandbox.gitdesk(["comment", "--as", "zhang", d.id, "已排查接口"], in: "mate"))
        let force = try d.sandbox.git(["push", "--force", "origin", "main"], in: "mate")
        #expect(force.status != 0, "\(force)")
        #expect(force.stderr.contains("non-fast-forward"), "\(force)")
        // The way out is sync, not amending commits (a review finding).
        #expect(force.stderr.contains("gitdesk sync") && !force.stderr.contains("--amend"), "\(force)")
        // ...nor delete the branch.
        let delete = try d.sandbox.git(["push", "origin", ":main"], in: "mate")
        #expect(delete.status != 0, "\(delete)")
        #expect(delete.stderr.contains("may not be deleted") || delete.stderr.contains("deletion prohibited"), "\(delete)")
        #expect(try d.serverHead() == erased)
    }

    @Test func thePusherMayPushOnlyTheirOwnCommitsUnlessAdmin() throws {
        let d = try HookTestDesk()
        let before = try d.serverHead()
        // li writes a commit claiming to be the supervisor wang.
        try d.edit { $0 + "- 2024-05-01T15:00:00+08:00 wang: 主管已知悉\n" }
        try d.must(d.sandbox.git(["commit", "-qam", "note", "--author", "主管老王 <wang@desk.example>"], in: "desk"))
        let forged = try d.sandbox.git(["push", "origin", "main"], in: "desk", env: ["GITDESK_PUSHER": "li"])
        #expect(forged.status != 0)
        #expect(forged.stderr.contains(": pusher: "), "\(forged)")
        #expect(try d.serverHead() == before)
        // An unknown pusher is refused too.
        let stranger = try d.sandbox.git(["push", "origin", "main"], in: "desk", env: ["GITDESK_PUSHER": "mallory"])
        #expect(stranger.status != 0)
        // wang pushing his own commit, or an admin relaying it, is accepted.
        try d.must(d.sandbox.git(["push", "-q", "origin", "main"], in: "desk", env: ["GITDESK_PUSHER": "admin"]))
        #expect(try d.serverHead() != before)
    }

    @Test func aTransitionIsJudgedByTheAuthorsRolesAndAForgedAuthorByThePusher() throws {
        let d = try HookTestDesk()
        try d.edit { $0.replacingOccurrences(of: "status: new", with: "status: invalid")
            + "- 2024-05-01T15:00:00+08:00 li: 标记为无效 [status: new → invalid]\n  原因：重复提交\n" }
        try d.must(d.sandbox.git(["commit", "-q", "--no-verify", "-am", "invalid"], in: "desk"))
        // Restoring an invalid ticket needs supervisor or qa; li is an agent.
        try d.edit { $0.replacingOccurrences(of: "status: invalid", with: "status: new")
            + "- 2024-05-01T15:10:00+08:00 wang: 撤销无效标记 [status: invalid → new]\n  原因：客户补充\n" }
        let restore = try d.sandbox.git(["commit", "-am", "restore"], in: "desk")
        #expect(restore.status != 0)
        #expect(restore.stderr.contains(": transition-role: "), "\(restore)")
        // Claiming to be the supervisor fools the client (git authors can be forged)...
        try d.must(d.sandbox.git(["commit", "-qam", "restore", "--author", "主管老王 <wang@desk.example>"], in: "desk"))
        // ...but not a server that knows who pushes.
        let before = try d.serverHead()
        let push = try d.sandbox.git(["push", "origin", "main"], in: "desk", env: ["GITDESK_PUSHER": "li"])
        #expect(push.status != 0)
        #expect(push.stderr.contains(": pusher: "), "\(push)")
        #expect(try d.serverHead() == before)
    }

    @Test func anAdminListsTheExamplesTheDeskShipsAndOnlyThenTheyPass() throws {
        let d = try HookTestDesk()
        let guide = "# 脱敏示例\n\n13912345678 写作 139****5678\n"
        try d.sandbox.write("desk/templates/masking.md", guide)
        try d.commitByHand("masking guide")
        let refused = try d.push(["main"], pusher: "li")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("templates/masking.md:3: pii: "), "\(refused)")
        // The exception is a setting: an admin's, and in force once it is on the branch.
        try d.must(d.sandbox.git(["reset", "-q", "--hard", "origin/main"], in: "desk"))
        try d.sandbox.write("desk/.gitdesk/privacy-exceptions.yaml", """
            exceptions:
              - value: "13912345678"
                reason: the example of the masking guide in templates/
            """)
        try d.commitByHand("masking example", author: "管理员 <admin@desk.example>")
        try d.must(d.push(["main"], pusher: "admin"))
        try d.sandbox.write("desk/templates/masking.md", guide)
        try d.commitByHand("masking guide")
        try d.must(d.push(["main"], pusher: "li"))
        // An agent may not widen the list.
        try d.sandbox.write("desk/.gitdesk/privacy-exceptions.yaml", "exceptions: []\n")
        try d.commitByHand("mine")
        let widen = try d.push(["main"], pusher: "li")
        #expect(widen.status != 0)
        #expect(widen.stderr.contains(": settings-change: "), "\(widen)")
    }
}
