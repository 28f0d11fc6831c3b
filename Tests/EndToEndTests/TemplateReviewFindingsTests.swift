import Foundation
import Testing
import TestSupport

/// The review of issue 13 on the solution library, from the new user's and
/// the attacker's side: what `template from` keeps of the customer, what
/// `resolve --template` writes into a ticket, the list filters, and files
/// that should never pass or should not stop the library.
@Suite("Template review findings")
struct TemplateReviewFindingsTests {
    static let now = "2024-05-25T11:00:00+08:00"

    @Test("template from replaces the customer's name and any case or width of their ID; no feedback leaves the wording empty, said")
    func fromKeepsNoCustomer() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "张伟反馈订单丢失", now: Self.now,
                                 extra: ["--submitter", "张伟", "--customer", "C778899", "--description", "客户张伟反馈订单丢失"])
        try desk.succeed(["move", id, "in_progress"], as: "zhang", now: Self.now)
        try desk.succeed(["resolve", id, "--solution", "已联系张伟补发，单号 Ｃ７７８８９９", "--root-cause", "张伟的订单 c778899 同步失败"],
                         as: "zhang", now: Self.now)
        try desk.succeed(["confirm", id, "--rating", "5"], as: "li", now: Self.now)
        let made = try desk.gitdesk(["template", "from", id, "zw"], as: "li", now: Self.now)
        #expect(made.status == 0, "\(made)")
        #expect(made.stderr.contains("customer wording is left empty") && made.stderr.contains("template edit zw customer_wording="), "\(made.stderr)")
        let file = try desk.read("templates/zw.md")
        #expect(!file.contains("张伟") && !file.lowercased().contains("c778899") && !file.contains("７７８８９９"), "\(file)")
        #expect(file.contains("〔客户〕的订单 〔客户〕 同步失败") && file.contains("已联系〔客户〕补发，单号 〔客户〕"), "\(file)")
        #expect(!file.contains("## customer_wording"))
    }

    @Test("resolve --template: placeholders must be filled (--fill), another type needs --force")
    func resolveFillsAndMatchesType() throws {
        let desk = try TestDesk()
        try desk.succeed(["template", "add", "pay", "--title", "订单未生成", "--type", "complaint", "--root-cause", "回调超时",
                          "--steps", "致电〔客户〕〔手机号〕补发", "--wording", "〔客户〕您好，订单已补发"], as: "li", now: Self.now)
        let fault = try desk.record(title: "无法开机", type: "fault", now: Self.now)
        try desk.succeed(["move", fault, "in_progress"], as: "zhang", now: Self.now)
        try desk.expectRefusal(["resolve", fault, "--template", "pay", "--fill", "客户=张女士", "--fill", "手机号=尾号5678"], as: "zhang",
                               mentioning: ["template pay is for complaint tickets and this one is fault", "--force"])
        let id = try desk.record(title: "订单未生成", now: Self.now)
        try desk.succeed(["move", id, "in_progress"], as: "zhang", now: Self.now)
        try desk.expectRefusal(["resolve", id, "--template", "pay"], as: "zhang",
                               mentioning: ["〔客户〕、〔手机号〕 unfilled", "--fill 客户=… --fill 手机号=…"])
        try desk.expectRefusal(["resolve", id, "--template", "pay", "--fill", "客户=张女士"], as: "zhang", mentioning: ["〔手机号〕 unfilled"])
        try desk.succeed(["resolve", id, "--template", "pay", "--fill", "客户=张女士", "--fill", "〔手机号〕=尾号5678"], as: "zhang", now: Self.now)
        let ticket = try desk.showJSON(id)
        #expect(ticket["solution"] as? String == "致电张女士尾号5678补发" && ticket["feedback"] as? String == "张女士您好，订单已补发")
        try desk.succeed(["resolve", fault, "--template", "pay", "--force", "--fill", "客户=张女士", "--fill", "手机号=尾号5678"], as: "zhang", now: Self.now)
    }

    @Test("template list checks --type and --tag as list does; a subtype of another type is refused")
    func filtersAndSubtype() throws {
        let desk = try TestDesk()
        try desk.succeed(["template", "add", "pay", "--title", "t", "--type", "complaint", "--tags", "支付", "--root-cause", "r",
                          "--steps", "s", "--wording", "w"], as: "li", now: Self.now)
        try desk.expectRefusal(["template", "list", "--type", "compliant"], mentioning: ["--type", "compliant", "consult, complaint"])
        try desk.expectRefusal(["template", "list", "--type", "故障"], mentioning: ["故障"])
        try desk.expectRefusal(["template", "list", "--tag", "支付,订单"], mentioning: ["no template has the tag '订单'", "tags: 支付"])
        #expect(try desk.succeed(["template", "list", "--tag", "支付"]).contains("pay"))
        try desk.expectRefusal(["template", "add", "x", "--title", "t", "--type", "consult", "--subtype", "hardware", "--root-cause", "r",
                                "--steps", "s", "--wording", "w"], as: "li", mentioning: ["the subtype 'hardware' belongs to the type 'fault', not 'consult'"])
    }

    @Test("control characters, a parse error, a phone number: refused with a template's words; a huge file does not stop the library")
    func badFiles() throws {
        let desk = try TestDesk()
        try desk.succeed(["template", "add", "pay", "--title", "t", "--type", "complaint", "--root-cause", "r",
                          "--steps", "s", "--wording", "w"], as: "li", now: Self.now)
        try desk.expectRefusal(["template", "add", "ctl", "--title", "t\u{1B}[31mred\u{07}", "--type", "complaint", "--root-cause", "r",
                                "--steps", "s", "--wording", "w"], as: "li", mentioning: ["control-character"])
        // By hand past the client hooks, then `validate` over the commit: the same rules.
        try desk.write("templates/ctl.md", "---\nid: ctl\ntitle: t\u{1B}[2J\ntype: complaint\n---\n\n## root_cause\n\nr\n\n## steps\n\ns\n")
        try desk.sandbox.write("\(desk.dir)/templates/bad.md", "---\nid: bad\ntitle: t\n")
        try desk.sandbox.write("\(desk.dir)/templates/phone.md", "---\nid: phone\ntitle: t\ntype: complaint\n---\n\n## root_cause\n\n请拨打 13922223333\n\n## steps\n\ns\n")
        #expect(try desk.git(["add", "-A"]).status == 0)
        let hooked = try desk.git(["-c", "user.name=客服小李", "-c", "user.email=li@desk.example", "commit", "-q", "-m", "by hand"])
        #expect(hooked.status != 0, "\(hooked)")
        #expect(hooked.stderr.contains("templates/ctl.md") && hooked.stderr.contains("control-character"), "\(hooked.stderr)")
        #expect(hooked.stderr.contains("templates/bad.md") && !hooked.stderr.contains("a ticket file"), "\(hooked.stderr)")
        #expect(hooked.stderr.contains("write the placeholder 〔手机号〕"), "\(hooked.stderr)")
        #expect(!hooked.stderr.contains("13922223333"))
        _ = try desk.git(["reset", "-q", "--hard"])
        _ = try desk.git(["clean", "-qfd"])
        // A template file over the size gitdesk reads: reported, the rest of the library still listed and shown.
        try desk.commitFile("templates/huge.md", bytes: Array("---\nid: huge\n".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 17 << 20))
        let list = try desk.gitdesk(["template", "list"])
        #expect(list.status == 0 && list.stdout.contains("pay") && list.stderr.contains("templates/huge.md"), "\(list.stderr)")
        #expect(try desk.gitdesk(["template", "show", "pay"]).status == 0)
    }
}
