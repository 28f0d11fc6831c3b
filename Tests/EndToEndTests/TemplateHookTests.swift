import Foundation
import Testing
import TestSupport

/// Templates reach the shared branch only valid: a template committed and
/// pushed with plain git to a `hooks install --server` bare repository is
/// judged by the same rules gitdesk applies before it writes one.
@Suite(.serialized) struct TemplateHookTests {
    static let good = """
        ---
        id: refund-delay
        title: 退款未到账
        type: complaint
        major: true
        ---

        ## root_cause

        银行处理延迟

        ## steps

        查询退款单，告知到账时间

        ## customer_wording

        您好，退款将在3个工作日内到账

        """

    /// Commits `text` as templates/refund-delay.md by hand (no client hooks) and pushes it.
    func pushTemplate(_ d: HookTestDesk, _ text: String, author: String? = nil) throws -> Sandbox.Result {
        try d.sandbox.write("desk/templates/refund-delay.md", text)
        try d.commitByHand("template by hand", author: author)
        return try d.push(["main"])
    }

    func expectRefused(_ d: HookTestDesk, _ push: Sandbox.Result, _ words: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(push.status != 0, "\(push)", sourceLocation: sourceLocation)
        for w in words { #expect(push.stderr.contains(w), "\(push.stderr)", sourceLocation: sourceLocation) }
        #expect(try d.serverHead() != d.rev("HEAD"), "the server took the commit", sourceLocation: sourceLocation)
        #expect(!push.stderr.contains("13922223333"), sourceLocation: sourceLocation)
    }

    @Test("a template missing its required fields, with a raw phone number, or with a masked one: refused with the reason")
    func badTemplates() throws {
        let d = try HookTestDesk()
        try expectRefused(d, try pushTemplate(d, "---\nid: refund-delay\ntitle: 退款未到账\n---\n"),
                          ["templates/refund-delay.md", "required-field", "'steps' is required"])
        try d.must(d.sandbox.git(["reset", "-q", "--hard", "origin/main"], in: "desk"))
        try expectRefused(d, try pushTemplate(d, Self.good.replacingOccurrences(of: "银行处理延迟", with: "银行处理延迟，请拨打 13922223333")),
                          ["pii", "139****3333"])
        try d.must(d.sandbox.git(["reset", "-q", "--hard", "origin/main"], in: "desk"))
        try expectRefused(d, try pushTemplate(d, Self.good.replacingOccurrences(of: "银行处理延迟", with: "客户 138****5678 的银行处理延迟")),
                          ["template-pii", "templates never carry a customer's contact data"])
        try d.must(d.sandbox.git(["reset", "-q", "--hard", "origin/main"], in: "desk"))
        // The same file, valid, goes through.
        let ok = try pushTemplate(d, Self.good)
        #expect(ok.status == 0, "\(ok)")
        #expect(try d.serverHead() == d.rev("HEAD"))
    }

    @Test("an approval forged by someone who is not a supervisor, or kept over changed content, is refused; the real one passes")
    func approvals() throws {
        let d = try HookTestDesk()
        #expect(try pushTemplate(d, Self.good).status == 0)
        // wang (supervisor) approves with gitdesk; li replays the same file as her own commit.
        try d.must(d.sandbox.gitdesk(["template", "approve", "refund", "--as", "wang"], in: "desk"))
        let approved = try d.sandbox.read("desk/templates/refund-delay.md")
        try d.must(d.sandbox.git(["reset", "-q", "--hard", "origin/main"], in: "desk"))
        try expectRefused(d, try pushTemplate(d, approved), ["template-approval", "li may not approve templates: it needs the role supervisor"])
        try d.must(d.sandbox.git(["reset", "-q", "--hard", "origin/main"], in: "desk"))
        // Under wang's name, but li pushes it: the pusher rule catches the forged author.
        try d.sandbox.write("desk/templates/refund-delay.md", approved)
        try d.commitByHand("approve", author: "王主管 <wang@desk.example>")
        let forged = try d.push(["main"], pusher: "li")
        try expectRefused(d, forged, ["pusher"])
        try d.must(d.sandbox.git(["reset", "-q", "--hard", "origin/main"], in: "desk"))
        // The real approval, then a hand edit of the content that keeps it.
        try d.must(d.sandbox.gitdesk(["template", "approve", "refund", "--as", "wang"], in: "desk"))
        #expect(try d.push(["main"]).status == 0)
        let stale = try pushTemplate(d, try d.sandbox.read("desk/templates/refund-delay.md").replacingOccurrences(of: "3个工作日", with: "当天"))
        try expectRefused(d, stale, ["template-approval", "the approval by wang covers other content"])
    }

    @Test("plain git commit runs the same rules in the client hook")
    func clientHook() throws {
        let d = try HookTestDesk()
        try d.sandbox.write("desk/templates/refund-delay.md", Self.good.replacingOccurrences(of: "type: complaint", with: "type: 投诉"))
        try d.must(d.sandbox.git(["add", "-A"], in: "desk"))
        let commit = try d.sandbox.git(["commit", "-q", "-m", "template"], in: "desk")
        #expect(commit.status != 0)
        #expect(commit.stderr.contains("templates/refund-delay.md:4: template-field: template refund-delay: '投诉' is not a type"), "\(commit.stderr)")
    }
}

extension TemplateHookTests {
    @Test("a template is removed from the library only by a supervisor")
    func deletion() throws {
        let d = try HookTestDesk()
        #expect(try pushTemplate(d, Self.good).status == 0)
        try d.must(d.sandbox.git(["rm", "-q", "templates/refund-delay.md"], in: "desk"))
        try d.commitByHand("remove a template")
        try expectRefused(d, try d.push(["main"]), ["template-delete", "li may not delete the template templates/refund-delay.md"])
        try d.must(d.sandbox.git(["reset", "-q", "--hard", "origin/main"], in: "desk"))
        // Dropping the front matter takes it out of the library just the same.
        try expectRefused(d, try pushTemplate(d, "# 退款未到账\n\n查询退款单\n"), ["template-delete", "no longer a template"])
        try d.must(d.sandbox.git(["reset", "-q", "--hard", "origin/main"], in: "desk"))
        // Free-form notes beside the templates are not templates: only the privacy scan reads them.
        try d.sandbox.write("desk/templates/guide.md", "# 话术指南\n\n先致歉，再说明原因。\n")
        try d.commitByHand("a guide")
        #expect(try d.push(["main"]).status == 0)
        #expect(try d.sandbox.gitdesk(["template", "list", "--json"], in: "desk").stdout.contains("\"id\": \"refund-delay\""))
        #expect(try !d.sandbox.gitdesk(["template", "list", "--json"], in: "desk").stdout.contains("guide"))
        try d.must(d.sandbox.git(["rm", "-q", "templates/refund-delay.md"], in: "desk"))
        try d.commitByHand("remove a template", author: "王主管 <wang@desk.example>")
        let ok = try d.push(["main"])
        #expect(ok.status == 0, "\(ok)")
    }
}
