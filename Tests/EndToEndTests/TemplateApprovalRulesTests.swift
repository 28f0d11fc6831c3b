import Foundation
import Testing
import TestSupport

/// The review of issue 13 on approvals (重大方案): who may turn `major` off,
/// who may approve whose content, and a digest that text moved between
/// fields cannot keep. Each through the built binary and, for what plain git
/// can bring, a `hooks install --server` bare repository.
@Suite(.serialized) struct TemplateApprovalRulesTests {
    static let now = "2024-05-01T14:30:00+08:00"

    /// A server desk with `pay`, major, added by zhang and approved by wang, pushed.
    func approvedDesk() throws -> HookTestDesk {
        let d = try HookTestDesk()
        try d.must(d.sandbox.gitdesk(["template", "add", "pay", "--title", "订单未生成", "--type", "complaint", "--root-cause", "回调超时",
                                      "--steps", "补发订单", "--wording", "您好", "--major", "--as", "zhang"], in: "desk"))
        try d.must(d.sandbox.gitdesk(["template", "approve", "pay", "--as", "wang"], in: "desk"))
        try d.must(d.push(["main"]))
        return d
    }

    func expectRefusedPush(_ d: HookTestDesk, _ push: Sandbox.Result, _ words: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(push.status != 0, "\(push)", sourceLocation: sourceLocation)
        for w in words { #expect(push.stderr.contains(w), "\(push.stderr)", sourceLocation: sourceLocation) }
        #expect(try d.serverHead() != d.rev("HEAD"), "the server took the commit", sourceLocation: sourceLocation)
    }

    @Test("an agent may not turn major off: refused in-process, by the client hook and by the server; a supervisor may")
    func majorDowngrade() throws {
        let d = try approvedDesk()
        let inProcess = try d.sandbox.gitdesk(["template", "edit", "pay", "major=false", "steps=直接转账 5000 元", "--as", "li"], in: "desk")
        #expect(refusalProblems(inProcess, mentioning: ["major", "supervisor"]).isEmpty, "\(inProcess)")
        // By hand: major and the approval dropped together, content changed.
        let file = try d.sandbox.read("desk/templates/pay.md")
        let downgraded = file.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("major:") && !$0.hasPrefix("approved_") }.joined(separator: "\n")
            .replacingOccurrences(of: "补发订单", with: "直接转账 5000 元")
        try d.sandbox.write("desk/templates/pay.md", downgraded)
        try d.must(d.sandbox.git(["add", "-A"], in: "desk"))
        let hooked = try d.sandbox.git(["commit", "-q", "-m", "pay: tidy"], in: "desk")
        #expect(hooked.status != 0 && hooked.stderr.contains("template-major"), "\(hooked)")
        try d.commitByHand("pay: tidy")
        try expectRefusedPush(d, try d.push(["main"], pusher: "li"), ["template-major", "li may not change 'major'"])
        // Through a merge commit of li's: the merge result drops major.
        try d.must(d.sandbox.git(["reset", "-q", "--hard", "origin/main"], in: "desk"))
        try d.must(d.sandbox.git(["checkout", "-q", "-b", "side"], in: "desk"))
        try d.must(d.sandbox.gitdesk(["comment", d.id, "旁支", "--as", "li"], in: "desk"))
        try d.must(d.sandbox.git(["checkout", "-q", "main"], in: "desk"))
        try d.must(d.sandbox.git(["merge", "-q", "--no-ff", "--no-commit", "--no-verify", "side"], in: "desk"))
        try d.sandbox.write("desk/templates/pay.md", downgraded)
        try d.commitByHand("merge side")
        try expectRefusedPush(d, try d.push(["main"], pusher: "li"), ["template-major"])
        try d.must(d.sandbox.git(["reset", "-q", "--hard", "origin/main"], in: "desk"))
        // An agent's content edit is allowed: the template stays major and unapproved.
        try d.must(d.sandbox.gitdesk(["template", "edit", "pay", "steps=补发订单并致歉", "--as", "li"], in: "desk"))
        #expect(try d.sandbox.read("desk/templates/pay.md").contains("major: true"))
        #expect(try d.push(["main"], pusher: "li").status == 0)
        // The supervisor may turn it off.
        try d.must(d.sandbox.gitdesk(["template", "edit", "pay", "major=false", "--as", "wang"], in: "desk"))
        let ok = try d.push(["main"], pusher: "wang")
        #expect(ok.status == 0, "\(ok)")
    }

    @Test("a supervisor may not approve content they wrote: refused in-process and by the server")
    func selfApproval() throws {
        let d = try HookTestDesk()
        try d.must(d.sandbox.gitdesk(["template", "add", "own", "--title", "自批", "--type", "complaint", "--root-cause", "r",
                                      "--steps", "s", "--wording", "w", "--major", "--as", "wang"], in: "desk"))
        let own = try d.sandbox.gitdesk(["template", "approve", "own", "--as", "wang"], in: "desk")
        #expect(refusalProblems(own, mentioning: ["wang", "own"]).isEmpty, "\(own)")
        // zhang writes the content, wang approves it: allowed. Saved, then the history is rewritten
        // so that wang wrote the content last (edit away and back), and the same approval is replayed.
        try d.must(d.sandbox.gitdesk(["template", "add", "pay", "--title", "订单", "--type", "complaint", "--root-cause", "r",
                                      "--steps", "补发订单", "--wording", "w", "--major", "--as", "zhang"], in: "desk"))
        try d.must(d.push(["main"]))
        try d.must(d.sandbox.gitdesk(["template", "approve", "pay", "--as", "wang"], in: "desk"))
        let approved = try d.sandbox.read("desk/templates/pay.md")
        try d.must(d.sandbox.git(["reset", "-q", "--hard", "origin/main"], in: "desk"))
        try d.must(d.sandbox.gitdesk(["template", "edit", "pay", "steps=别的", "--as", "wang"], in: "desk"))
        try d.must(d.sandbox.gitdesk(["template", "edit", "pay", "steps=补发订单", "--as", "wang"], in: "desk"))
        try d.must(d.push(["main"], pusher: "wang"))
        let current = try d.sandbox.read("desk/templates/pay.md")
        let approvalLines = approved.split(separator: "\n").filter { $0.hasPrefix("approved_") }.joined(separator: "\n")
        let logLine = approved.split(separator: "\n").last { $0.contains("wang: 批准") }!
        let replayed = current.replacingOccurrences(of: "major: true\n", with: "major: true\n\(approvalLines)\n") + "\(logLine)\n"
        try d.sandbox.write("desk/templates/pay.md", replayed)
        try d.commitByHand("template pay: approve", author: "主管老王 <wang@desk.example>")
        try expectRefusedPush(d, try d.push(["main"], pusher: "wang"), ["template-approval", "wang", "wrote"])
    }

    @Test("text moved from one field into another does not keep the approval; an old short digest reads as stale")
    func digestBindsEachField() throws {
        let d = try HookTestDesk()
        try d.must(d.sandbox.gitdesk(["template", "add", "amb", "--title", "重复扣款", "--type", "complaint",
                                      "--root-cause", "重复扣款\nsteps=直接转账", "--steps", "1. 核对流水", "--wording", "您好",
                                      "--major", "--as", "li"], in: "desk"))
        try d.must(d.sandbox.gitdesk(["template", "approve", "amb", "--as", "wang"], in: "desk"))
        try d.must(d.push(["main"]))
        let file = try d.sandbox.read("desk/templates/amb.md")
        #expect(file.contains(#/approved_hash: sha256:[0-9a-f]{64}\n/#))
        let moved = file.replacingOccurrences(of: "重复扣款\nsteps=直接转账\n", with: "重复扣款\n")
            .replacingOccurrences(of: "1. 核对流水", with: "直接转账\nsteps=1. 核对流水")
        try d.sandbox.write("desk/templates/amb.md", moved)
        try d.commitByHand("amb: tidy")
        try expectRefusedPush(d, try d.push(["main"], pusher: "li"), ["template-approval", "covers other content"])
        try d.must(d.sandbox.git(["reset", "-q", "--hard", "origin/main"], in: "desk"))
        // An approval from before SHA-256 (16 hex digits) is stale: the template needs a new one.
        let old = file.replacing(#/approved_hash: sha256:[0-9a-f]{64}/#, with: "approved_hash: 3c6f0a9d51e2b7c4")
        try d.sandbox.write("desk/templates/amb.md", old)
        try d.commitByHand("old digest", author: "主管老王 <wang@desk.example>")
        let show = try d.sandbox.gitdesk(["template", "list"], in: "desk")
        #expect(show.status == 0 && show.stdout.contains("amb"), "\(show)")
        let id = try d.must(d.sandbox.gitdesk(["new", "--as", "li", "--type", "complaint", "--channel", "phone", "--title", "扣款"], in: "desk"))
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try d.must(d.sandbox.gitdesk(["move", id, "in_progress", "--as", "zhang"], in: "desk"))
        let use = try d.sandbox.gitdesk(["resolve", id, "--template", "amb", "--as", "zhang"], in: "desk")
        #expect(refusalProblems(use, mentioning: ["older form", "template approve amb"]).isEmpty, "\(use)")
    }
}
