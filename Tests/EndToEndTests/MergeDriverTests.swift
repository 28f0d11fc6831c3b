import Foundation
import Testing
import TestSupport

/// Two clones of one server each change the same ticket with gitdesk, then
/// merge with plain git: the merge driver (registered by init and hooks
/// install) merges the ticket field by field, the client hooks accept the
/// result and the server takes the push.
@Suite(.serialized) struct MergeDriverTests {
    /// desk comments at 15:00 and pushes; mate, not yet pulled, comments at 14:45.
    func concurrentComments() throws -> HookTestDesk {
        let d = try HookTestDesk(mate: true)
        try d.must(d.sandbox.gitdesk(["comment", d.id, "接口已修复,订单已同步", "--as", "zhang"], in: "desk",
                                     env: ["GITDESK_NOW": "2024-05-01T15:00:00+08:00"]))
        try d.must(d.sandbox.git(["push", "-q", "origin", "main"], in: "desk"))
        try d.must(d.sandbox.gitdesk(["comment", d.id, "技术排查发现接口超时", "--as", "li"], in: "mate",
                                     env: ["GITDESK_NOW": "2024-05-01T14:45:00+08:00"]))
        return d
    }

    /// Both comments are in mate's file once each, the desk validates, and the server takes the push.
    func expectBothKept(_ d: HookTestDesk) throws {
        let file = try d.sandbox.read("mate/\(d.path)")
        #expect(file.components(separatedBy: "接口已修复,订单已同步").count == 2, "\(file)")
        #expect(file.components(separatedBy: "技术排查发现接口超时").count == 2, "\(file)")
        #expect(!file.contains("<<<<<<<") && !file.contains("Conflict:"))
        let status = try d.sandbox.git(["status", "--porcelain"], in: "mate")
        #expect(status.stdout.isEmpty, "\(status)")
        let validate = try d.sandbox.gitdesk(["validate", "--all"], in: "mate")
        #expect(validate.status == 0, "\(validate)")
        let push = try d.sandbox.git(["push", "-q", "origin", "main"], in: "mate")
        #expect(push.status == 0, "\(push)")
    }

    @Test("init and hooks install register the merge driver in .git/config")
    func driverRegistered() throws {
        let d = try HookTestDesk(mate: true)
        for clone in ["desk", "mate"] {
            let driver = try d.sandbox.git(["config", "merge.gitdesk.driver"], in: clone)
            #expect(driver.stdout == "gitdesk merge-driver %O %A %B %P\n", "\(clone): \(driver)")
            #expect(try d.sandbox.git(["config", "merge.gitdesk.name"], in: clone).status == 0)
        }
    }

    @Test("hooks install sets pull.rebase=false in a clone even when the user's global config sets pull.ff; a chosen pull.rebase stands")
    func pullRebaseSet() throws {
        let d = try HookTestDesk()
        try d.must(d.sandbox.git(["config", "--global", "pull.ff", "true"]))
        try d.must(d.sandbox.git(["clone", "-q", "server.git", "plain"]))
        try d.must(d.sandbox.gitdesk(["hooks", "install", "-C", "plain"]))
        #expect(try d.sandbox.git(["config", "--local", "pull.rebase"], in: "plain").stdout == "false\n")
        try d.must(d.sandbox.git(["config", "--global", "pull.rebase", "true"]))
        try d.must(d.sandbox.git(["clone", "-q", "server.git", "rebasing"]))
        try d.must(d.sandbox.gitdesk(["hooks", "install", "-C", "rebasing"]))
        #expect(try d.sandbox.git(["config", "--local", "pull.rebase"], in: "rebasing").stdout == "")
    }

    @Test("git pull (merge): comments made in two clones are both kept, no conflict, the merge commit passes the hooks")
    func pullMerge() throws {
        let d = try concurrentComments()
        let pull = try d.sandbox.git(["pull", "--no-rebase", "-q", "origin", "main"], in: "mate")
        #expect(pull.status == 0, "\(pull)")
        let parents = try d.sandbox.git(["log", "-1", "--format=%P"], in: "mate").stdout.split(separator: " ")
        #expect(parents.count == 2)  // a merge commit, made through pre-merge-commit
        try expectBothKept(d)
    }

    @Test("git pull --rebase: both comments kept, the rebased commit extends the upstream's log")
    func pullRebase() throws {
        let d = try concurrentComments()
        let pull = try d.sandbox.git(["pull", "--rebase", "-q", "origin", "main"], in: "mate")
        #expect(pull.status == 0, "\(pull)")
        try expectBothKept(d)
        // The upstream's entries come first (append-only against the new parent).
        let file = try d.sandbox.read("mate/\(d.path)")
        let fixed = try #require(file.range(of: "接口已修复"))
        let found = try #require(file.range(of: "技术排查发现接口超时"))
        #expect(fixed.lowerBound < found.lowerBound)
    }

    @Test("git fetch + git merge, and git fetch + git rebase, merge the ticket the same way")
    func mergeAndRebase() throws {
        for command in [["merge", "-q", "--no-edit", "origin/main"], ["rebase", "-q", "origin/main"]] {
            let d = try concurrentComments()
            try d.must(d.sandbox.git(["fetch", "-q", "origin"], in: "mate"))
            let r = try d.sandbox.git(command, in: "mate")
            #expect(r.status == 0, "\(command): \(r)")
            try expectBothKept(d)
        }
    }

    @Test("priority set differently in two clones: settled by the rule (higher), reported on stderr, logged as a Conflict entry")
    func priorityConflict() throws {
        let d = try HookTestDesk(mate: true)
        try d.must(d.sandbox.gitdesk(["set", d.id, "priority=high", "--as", "wang"], in: "desk",
                                     env: ["GITDESK_NOW": "2024-05-01T15:00:00+08:00"]))
        try d.must(d.sandbox.git(["push", "-q", "origin", "main"], in: "desk"))
        try d.must(d.sandbox.gitdesk(["set", d.id, "priority=urgent", "--as", "admin"], in: "mate",
                                     env: ["GITDESK_NOW": "2024-05-01T14:50:00+08:00"]))
        let pull = try d.sandbox.git(["pull", "--no-rebase", "origin", "main"], in: "mate",
                                     env: ["GITDESK_NOW": "2024-05-01T16:00:00+08:00"])
        #expect(pull.status == 0, "\(pull)")
        #expect(pull.stderr.contains(#"priority: ours "urgent", theirs "high" → kept "urgent" (rule higher)"#), "\(pull)")
        let shown = try d.must(d.sandbox.gitdesk(["show", d.id, "--json"], in: "mate")).stdout
        #expect(shown.contains(#""priority": "urgent""#))
        let file = try d.sandbox.read("mate/\(d.path)")
        #expect(file.contains(#"li: Conflict: priority ours="urgent" theirs="high" chosen="urgent" rule=higher"#), "\(file)")
        #expect(try d.sandbox.gitdesk(["validate", "--all"], in: "mate").status == 0)
        #expect(try d.sandbox.git(["push", "-q", "origin", "main"], in: "mate").status == 0)

        // gitdesk conflicts lists it, as a table and as JSON.
        let listed = try d.must(d.sandbox.gitdesk(["conflicts", "--json"], in: "mate")).stdout
        #expect(listed.contains(#""field": "priority""#) && listed.contains(#""chosen": "urgent""#) && listed.contains(#""operator": "li""#))
        #expect(listed.contains(#""ticket": "\#(d.id)""#) && listed.contains(#""rule": "higher""#))
        let table = try d.must(d.sandbox.gitdesk(["conflicts", "--lang", "en"], in: "mate")).stdout
        #expect(table.contains("Priority") && table.contains("Urgent") && table.contains("higher"), "\(table)")
        let zh = try d.must(d.sandbox.gitdesk(["conflicts", "--lang", "zh"], in: "mate")).stdout
        #expect(zh.contains("优先级") && zh.contains("紧急") && !zh.contains("urgent"), "\(zh)")
        let one = try d.must(d.sandbox.gitdesk(["conflicts", "--ticket", String(d.id.suffix(6)), "--field", "priority", "--json"], in: "mate")).stdout
        #expect(one.contains(#""field": "priority""#) && !one.contains(#""field": "due""#), "\(one)")
        // The deadline follows the higher priority: the earlier one is kept (rule lower).
        #expect(listed.contains(#""field": "due""#) && listed.contains(#""rule": "lower""#), "\(listed)")
        #expect(shown.contains(#""due": "2024-05-01T18:30:00+08:00""#), "\(shown)")
        let later = try d.must(d.sandbox.gitdesk(["conflicts", "--since", "2024-06-01", "--json"], in: "mate")).stdout
        #expect(later.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    }

    @Test("status moved differently in two clones: the later stage wins; a long text changed on both sides keeps both")
    func statusAndLongText() throws {
        let d = try HookTestDesk(mate: true)
        try d.must(d.sandbox.gitdesk(["move", d.id, "in_progress", "--as", "zhang"], in: "desk",
                                     env: ["GITDESK_NOW": "2024-05-01T15:00:00+08:00"]))
        try d.must(d.sandbox.gitdesk(["set", d.id, "description=支付成功但订单未生成", "--as", "zhang"], in: "desk",
                                     env: ["GITDESK_NOW": "2024-05-01T15:01:00+08:00"]))
        try d.must(d.sandbox.git(["push", "-q", "origin", "main"], in: "desk"))
        try d.must(d.sandbox.gitdesk(["move", d.id, "needs_info", "--reason", "缺少订单号", "--as", "li"], in: "mate",
                                     env: ["GITDESK_NOW": "2024-05-01T14:50:00+08:00"]))
        try d.must(d.sandbox.gitdesk(["set", d.id, "description=客户重复下单两次", "--as", "li"], in: "mate",
                                     env: ["GITDESK_NOW": "2024-05-01T14:51:00+08:00"]))
        let pull = try d.sandbox.git(["pull", "--no-rebase", "origin", "main"], in: "mate",
                                     env: ["GITDESK_NOW": "2024-05-01T16:00:00+08:00"])
        #expect(pull.status == 0, "\(pull)")
        #expect(pull.stderr.contains("rule later_stage") && pull.stderr.contains("rule keep_both"), "\(pull)")
        let file = try d.sandbox.read("mate/\(d.path)")
        #expect(file.contains("status: in_progress"))
        #expect(file.contains("responded: 2024-05-01T14:50:00+08:00"))  // the first response is the earlier one (rule lower)
        #expect(file.contains("## description\n\n支付成功但订单未生成\n"), "\(file)")
        #expect(file.contains("not kept (ours):\n  客户重复下单两次"), "\(file)")
        #expect(try d.sandbox.gitdesk(["validate", "--all"], in: "mate").status == 0)
    }

    @Test("a field whose rule is manual stops the merge with git's conflict markers and a clear message")
    func manualRuleLeavesMarkers() throws {
        let d = try HookTestDesk(mate: true)
        // An admin declares the title 'manual' on the desk, and both clones get it.
        let fields = try d.sandbox.read("desk/.gitdesk/schema/fields.yaml")
        try d.sandbox.write("desk/.gitdesk/schema/fields.yaml",
                            fields.replacingOccurrences(of: "    en: Title\n    type: text\n", with: "    en: Title\n    type: text\n    merge: manual\n"))
        try d.must(d.sandbox.git(["-c", "user.email=admin@desk.example", "commit", "-qam", "title merges by hand"], in: "desk"))
        try d.must(d.sandbox.git(["push", "-q", "origin", "main"], in: "desk"))
        try d.must(d.sandbox.git(["pull", "-q", "--no-rebase", "origin", "main"], in: "mate"))
        try d.must(d.sandbox.gitdesk(["set", d.id, "title=订单缺失", "--as", "zhang"], in: "desk"))
        try d.must(d.sandbox.git(["push", "-q", "origin", "main"], in: "desk"))
        try d.must(d.sandbox.gitdesk(["set", d.id, "title=重复下单", "--as", "li"], in: "mate"))
        let pull = try d.sandbox.git(["pull", "--no-rebase", "origin", "main"], in: "mate")
        #expect(pull.status != 0)
        #expect(pull.stderr.contains("title has merge rule 'manual'"), "\(pull)")
        let file = try d.sandbox.read("mate/\(d.path)")
        #expect(file.contains("<<<<<<< ours") && file.contains(">>>>>>> theirs"), "\(file)")

        func resolve(title: String) throws -> Sandbox.Result {
            // The title hunk gets `title`; any other hunk (the log) keeps both sides' lines.
            var out: [String] = []
            var block: [String]? = nil
            for line in file.components(separatedBy: "\n") {
                if line.hasPrefix("<<<<<<<") { block = []; continue }
                if line.hasPrefix("=======") { continue }
                if line.hasPrefix(">>>>>>>") {
                    let lines = block ?? []
                    out += lines.contains { $0.hasPrefix("title:") } ? ["title: \(title)"] : lines
                    block = nil
                    continue
                }
                if block != nil { block!.append(line) } else { out.append(line) }
            }
            try d.sandbox.write("mate/\(d.path)", out.joined(separator: "\n"))
            try d.must(d.sandbox.git(["add", d.path], in: "mate"))
            return try d.sandbox.git(["commit", "-q", "--no-edit"], in: "mate")
        }
        // Resolved by hand keeping one side's title: the hooks accept the merge and the server takes it.
        let kept = try resolve(title: "重复下单")
        #expect(kept.status == 0, "\(kept)")
        #expect(try d.sandbox.git(["push", "-q", "origin", "main"], in: "mate").status == 0)
    }

    @Test("the driver run by hand: an unreadable side or two tickets sharing an ID leave git's markers and exit 1")
    func driverRefusals() throws {
        let d = try HookTestDesk()
        let original = try d.sandbox.read("desk/\(d.path)")
        try d.sandbox.write("desk/base.md", original)
        try d.sandbox.write("desk/theirs.md", original.replacingOccurrences(of: "title: ", with: "title; ")  // not a ticket any more
                            + "- 2024-05-01T15:10:00+08:00 zhang: 接口已修复\n")
        try d.sandbox.write("desk/ours.md", original + "- 2024-05-01T15:00:00+08:00 li: 客户来电确认\n")
        let broken = try d.sandbox.gitdesk(["merge-driver", "base.md", "ours.md", "theirs.md", d.path], in: "desk")
        #expect(broken.status == 1, "\(broken)")
        #expect(broken.stderr.contains("not a readable ticket on every side"), "\(broken)")
        #expect(try d.sandbox.read("desk/ours.md").contains("<<<<<<< ours"))

        // Added on both sides (empty base) as two different tickets.
        try d.sandbox.write("desk/base.md", "")
        try d.sandbox.write("desk/ours.md", original)
        try d.sandbox.write("desk/theirs.md", original.replacingOccurrences(of: "created: 2024-05-01T14:30:00+08:00", with: "created: 2024-05-01T14:31:00+08:00"))
        let collision = try d.sandbox.gitdesk(["merge-driver", "base.md", "ours.md", "theirs.md", d.path], in: "desk")
        #expect(collision.status == 1, "\(collision)")
        #expect(collision.stderr.contains("two different tickets were added with the same ID \(d.id)"), "\(collision)")
        #expect(try d.sandbox.read("desk/ours.md").contains(">>>>>>> theirs"))
    }
}
