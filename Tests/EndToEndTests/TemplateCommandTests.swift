import Foundation
import Testing
import TestSupport

/// 解决方案库: templates added, listed, shown, edited, approved, made from a
/// resolved ticket, suggested for a ticket and used by `resolve --template`,
/// each change one commit by its author; every refusal writes nothing.
@Suite("Solution templates")
struct TemplateCommandTests {
    static let now = "2024-05-01T16:00:00+08:00"

    /// A desk with the library's first template (major, not yet approved), added by zhang.
    func deskWithTemplate(major: Bool = true) throws -> TestDesk {
        let desk = try TestDesk()
        try desk.succeed(["template", "add", "pay-order", "--title", "支付成功但订单未生成", "--type", "投诉",
                          "--module", "APP-订单支付", "--tags", "支付,订单", "--root-cause", "支付回调接口超时，订单未同步",
                          "--steps", "1. 核对支付流水\n2. 手工同步订单", "--wording", "您好，订单已补发，并赠送一张优惠券"]
                         + (major ? ["--major"] : []), as: "zhang", now: Self.now)
        return desk
    }

    /// A ticket of the seeds, in progress with zhang.
    func workedTicket(_ desk: TestDesk, title: String = "支付成功但订单未生成") throws -> String {
        let id = try desk.record(title: title, priority: "urgent", now: Self.now,
                                 extra: ["--module", "APP-订单支付", "--description", "支付成功但订单未生成,导致重复下单", "--contact", "尾号5678"])
        try desk.succeed(["move", id, "in_progress"], as: "zhang", now: Self.now)
        return id
    }

    @Test("add: one readable file, one commit by its author, listed and shown in zh, en and JSON")
    func add() throws {
        let desk = try deskWithTemplate()
        #expect(try desk.read("templates/pay-order.md") == """
            ---
            id: pay-order
            title: 支付成功但订单未生成
            type: complaint
            module: APP-订单支付
            tags: 支付, 订单
            major: true
            ---

            ## root_cause

            支付回调接口超时，订单未同步

            ## steps

            1. 核对支付流水
            2. 手工同步订单

            ## customer_wording

            您好，订单已补发，并赠送一张优惠券

            ## log

            - 2024-05-01T16:00:00+08:00 zhang: 新建模板

            """)
        #expect(try desk.gitOutput(["log", "-1", "--format=%an <%ae>|%s|%(trailers:key=Template,valueonly,separator=)|%(trailers:key=Operation,valueonly,separator=)"])
                == "技术小张 <zhang@desk.example>|template pay-order: add: 支付成功但订单未生成|pay-order|template-add")
        #expect(try desk.porcelain == "")
        #expect(try desk.succeed(["template", "list", "--lang", "zh"]) == """
            模板编号   标题                  问题类型  涉及模块      标签        状态
            pay-order  支付成功但订单未生成  投诉      APP-订单支付  支付, 订单  待批准（重大方案）

            """)
        let en = try desk.succeed(["template", "show", "pay", "--lang", "en"])
        #expect(en.hasPrefix("Template: pay-order\nTitle   支付成功但订单未生成\nType    Complaint\n"))
        #expect(en.contains("State   needs approval (major)") && en.contains("## Customer wording\n您好，订单已补发"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(desk.succeed(["template", "show", "pay-order", "--json"]).utf8)) as? [String: Any])
        #expect(json["type"] as? String == "complaint" && json["tags"] as? [String] == ["支付", "订单"])
        #expect(json["major"] as? Bool == true && json["approved"] as? Bool == false && json["usable"] as? Bool == false)
        #expect((json["log"] as? [[String: Any]])?.first?["operator"] as? String == "zhang")
    }

    @Test("add from stdin and from the editor; contact data becomes a placeholder, said on stderr masked")
    func addFromFileAndEditor() throws {
        let desk = try TestDesk()
        let file = "---\ntitle: 退款未到账\ntype: complaint\n---\n\n## root_cause\n\n银行处理延迟\n\n## steps\n\n查询退款单\n\n## customer_wording\n\n请联系 13812345678 核对\n"
        let piped = try desk.sandbox.gitdesk(["template", "add", "refund", "--file", "-", "tags=退款", "--as", "li", "--lang", "zh"], in: desk.dir,
                                             env: ["GITDESK_NOW": Self.now], stdin: file)
        #expect(piped.status == 0, "\(piped)")
        #expect(piped.stderr == "gitdesk: 模板不保存客户信息，已替换为占位符：手机号 138****5678（客户话术）\n")
        #expect(!piped.stderr.contains("13812345678"))
        let stored = try desk.read("templates/refund.md")
        #expect(stored.contains("请联系 〔手机号〕 核对") && stored.contains("tags: 退款") && !stored.contains("13812345678"))

        // The editor: a script that fills the draft it is handed.
        try desk.sandbox.write("editor.sh", "#!/bin/sh\nsed -i 's/^title: .*/title: 账号无法登录/; s/^…$/重置密码/' \"$1\"\n")
        try desk.sandbox.run("/bin/chmod", ["+x", desk.sandbox.path("editor.sh")])
        let edited = try desk.gitdesk(["template", "add", "login", "--editor", "--type", "consult"], as: "li", now: Self.now,
                                      env: ["EDITOR": desk.sandbox.path("editor.sh")])
        #expect(edited.status == 0, "\(edited)")
        let login = try desk.read("templates/login.md")
        #expect(login.contains("title: 账号无法登录") && login.contains("type: consult") && login.contains("## steps\n\n重置密码"))
        try desk.expectRefusal(["template", "add", "x", "--editor", "--type", "consult"], as: "li", env: ["EDITOR": "false"],
                               mentioning: ["the editor exited with status 1; nothing was written"])
    }

    @Test("add refuses what would not be a valid template, and writes nothing")
    func addRefusals() throws {
        let desk = try deskWithTemplate()
        let full = ["--title", "t", "--type", "consult", "--root-cause", "r", "--steps", "s", "--wording", "w"]
        try desk.expectRefusal(["template", "add", "Bad_Name"] + full, as: "li", mentioning: ["'Bad_Name' is not a template name"])
        try desk.expectRefusal(["template", "add", "pay-order"] + full, as: "li", mentioning: ["template pay-order already exists"])
        try desk.expectRefusal(["template", "add", "x", "--title", "t", "--type", "consult", "--root-cause", "r", "--wording", "w"],
                               as: "li", mentioning: ["'steps' is required", "[required-field]"])
        try desk.expectRefusal(["template", "add", "x", "--title", "t", "--type", "咨询询问", "--root-cause", "r", "--steps", "s", "--wording", "w"],
                               as: "li", mentioning: ["'咨询询问' is not a type (consult, complaint", "[template-field]"])
        try desk.expectRefusal(["template", "add", "x", "color=red"] + full, as: "li", mentioning: ["'color' is not a template field"])
        try desk.expectRefusal(["template", "add", "x", "approved_by=wang"] + full, as: "li", mentioning: ["'approved_by' is written by its command"])
        try desk.expectRefusal(["template", "add", "x"] + full, as: "nobody", mentioning: ["'nobody' (from --as) is not on the roster"])
        try desk.expectRefusal(["template", "show", "nothing"], mentioning: ["no template matches 'nothing'"])
    }

    @Test("a major template: refused by resolve until a supervisor approves it in their own commit; an edit voids the approval")
    func approvalAndResolve() throws {
        let desk = try deskWithTemplate()
        let id = try workedTicket(desk)
        try desk.expectRefusal(["resolve", id, "--template", "pay"], as: "zhang",
                               mentioning: ["template pay-order is a major solution not approved by a supervisor", "gitdesk template approve pay-order"])
        try desk.expectRefusal(["template", "approve", "pay"], as: "zhang", mentioning: ["zhang may not approve templates: it needs the role supervisor"])
        try desk.expectRefusal(["template", "approve", "pay"], as: "zhao", mentioning: ["zhao may not approve templates"])

        let before = try desk.commitCount
        #expect(try desk.succeed(["template", "approve", "pay", "--lang", "zh"], as: "wang", now: "2024-05-01T17:00:00+08:00") == "pay-order: approve\n状态: 已批准\n")
        #expect(try desk.commitCount == before + 1)
        #expect(try desk.gitOutput(["log", "-1", "--format=%ae %(trailers:key=Operation,valueonly,separator=)"]) == "wang@desk.example template-approve")
        #expect(try desk.gitOutput(["show", "--stat", "--format=", "HEAD"]).hasPrefix("templates/pay-order.md"))
        let approved = try desk.read("templates/pay-order.md")
        #expect(approved.contains("approved_by: wang\napproved_at: 2024-05-01T17:00:00+08:00\napproved_hash: "))
        try desk.expectRefusal(["template", "approve", "pay"], as: "wang", mentioning: ["already approved by wang as it stands"])

        let out = try desk.succeed(["resolve", id, "--template", "pay"], as: "zhang", now: "2024-05-01T17:30:00+08:00")
        #expect(out.hasPrefix("\(id): resolve with template pay-order\n"))
        let ticket = try desk.showJSON(id)
        #expect(ticket["status"] as? String == "awaiting_confirmation")
        #expect(ticket["solution"] as? String == "1. 核对支付流水\n2. 手工同步订单")
        #expect(ticket["root_cause"] as? String == "支付回调接口超时，订单未同步")
        #expect(ticket["feedback"] as? String == "您好，订单已补发，并赠送一张优惠券")
        let log = try #require(ticket["log"] as? [[String: Any]])
        #expect((log.last?["text"] as? String)?.contains("套用解决方案模板 pay-order《支付成功但订单未生成》 [template: pay-order]") == true)

        // Changing approved content drops the approval, logged; the template is refused again.
        let edited = try desk.succeed(["template", "edit", "pay", "steps=1. 直接退款", "--lang", "zh"], as: "zhang", now: "2024-05-01T18:00:00+08:00")
        #expect(edited == "pay-order: edit steps\n状态: 待批准（重大方案）\n")
        let file = try desk.read("templates/pay-order.md")
        #expect(!file.contains("approved_by") && file.contains("zhang: 修改：处理步骤\n  原批准（wang）随内容修改失效，需主管重新批准"))
        let other = try workedTicket(desk, title: "支付后订单缺失")
        try desk.expectRefusal(["resolve", other, "--template", "pay-order"], as: "zhang", mentioning: ["not approved by a supervisor as it stands"])
    }

    @Test("an ordinary template needs no approval; --solution and --root-cause override it; resolve needs one of the two")
    func ordinaryTemplate() throws {
        let desk = try deskWithTemplate(major: false)
        let id = try workedTicket(desk)
        let usage = try desk.gitdesk(["resolve", id], as: "zhang", now: Self.now)
        #expect(usage.status == 64 && usage.stderr.contains("give --solution or --template"))
        try desk.succeed(["resolve", id, "--template", "pay-order", "--solution", "已补发订单"], as: "zhang", now: Self.now)
        let ticket = try desk.showJSON(id)
        #expect(ticket["solution"] as? String == "已补发订单" && ticket["root_cause"] as? String == "支付回调接口超时，订单未同步")
        try desk.expectRefusal(["resolve", id, "--template", "nothing"], as: "zhang", mentioning: ["no template matches 'nothing'"])
    }

    @Test("edit: FIELD=VALUE by key or label, or a whole file; nothing changed is refused")
    func edit() throws {
        let desk = try deskWithTemplate()
        try desk.succeed(["template", "edit", "pay", "标签=支付, 订单, 接口超时", "major=false"], as: "wang", now: Self.now)
        var json = try #require(try JSONSerialization.jsonObject(with: Data(desk.succeed(["template", "show", "pay", "--json"]).utf8)) as? [String: Any])
        #expect(json["tags"] as? [String] == ["支付", "订单", "接口超时"] && json["major"] as? Bool == false)
        let replaced = try desk.read("templates/pay-order.md").replacingOccurrences(of: "手工同步订单", with: "同步订单并回访")
        let r = try desk.sandbox.gitdesk(["template", "edit", "pay", "--file", "-", "--as", "chen"], in: desk.dir,
                                         env: ["GITDESK_NOW": Self.now], stdin: replaced)
        #expect(r.status == 0, "\(r)")
        json = try #require(try JSONSerialization.jsonObject(with: Data(desk.succeed(["template", "show", "pay", "--json"]).utf8)) as? [String: Any])
        #expect(json["steps"] as? String == "1. 核对支付流水\n2. 同步订单并回访")
        #expect(try desk.gitOutput(["log", "-1", "--format=%ae"]) == "chen@desk.example")
        try desk.expectRefusal(["template", "edit", "pay", "steps=1. 核对支付流水\n2. 同步订单并回访"], as: "li", mentioning: ["pay-order: nothing to change"])
        try desk.expectRefusal(["template", "edit", "pay", "type=nope"], as: "li", mentioning: ["'nope' is not a type"])
        // The editor gets the template as it stands (without its log) and what it saves is the new version.
        try desk.sandbox.write("editor.sh", "#!/bin/sh\ngrep -q '^id: pay-order$' \"$1\" && ! grep -q '^## log' \"$1\" && sed -i 's/同步订单并回访/同步订单/' \"$1\"\n")
        try desk.sandbox.run("/bin/chmod", ["+x", desk.sandbox.path("editor.sh")])
        let viaEditor = try desk.gitdesk(["template", "edit", "pay", "--editor"], as: "li", now: Self.now, env: ["EDITOR": desk.sandbox.path("editor.sh")])
        #expect(viaEditor.status == 0, "\(viaEditor)")
        #expect(try desk.read("templates/pay-order.md").contains("2. 同步订单\n\n## customer_wording"))
        let usage = try desk.gitdesk(["template", "edit", "pay"], as: "li", now: Self.now)
        #expect(usage.status == 64 && usage.stderr.contains("give FIELD=VALUE pairs, --file or --editor"))
    }

    @Test("from: a resolved ticket becomes a template without the customer's data; an open ticket is refused")
    func fromTicket() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", priority: "urgent", now: Self.now,
                                 extra: ["--module", "APP-订单支付", "--contact", "13700001111", "--customer", "CUST456"])
        try desk.expectRefusal(["template", "from", id, "pay-order"], as: "zhang", mentioning: ["a template is made from a resolved or closed ticket"])
        try desk.succeed(["move", id, "in_progress"], as: "zhang", now: Self.now)
        try desk.succeed(["resolve", id, "--root-cause", "接口超时，客户 CUST456 的订单未同步", "--solution", "同步订单后致电 13700001111 确认"],
                         as: "zhang", now: Self.now)
        try desk.succeed(["confirm", id, "--rating", "5"], as: "li", now: Self.now)
        let made = try desk.gitdesk(["template", "from", id, "pay-order", "tags=支付"], as: "zhang", now: Self.now)
        #expect(made.status == 0, "\(made)")
        #expect(!made.stderr.contains("13700001111"))
        let file = try desk.read("templates/pay-order.md")
        #expect(file.contains("source: \(id)") && file.contains("type: complaint") && file.contains("module: APP-订单支付"))
        #expect(file.contains("接口超时，客户 〔客户〕 的订单未同步") && file.contains("同步订单后致电 〔手机号〕 确认"))
        #expect(!file.contains("CUST456") && !file.contains("137") && !file.contains("contact"))
        #expect(file.contains("zhang: 新建模板，来自工单 \(id)"))
        try desk.expectRefusal(["template", "from", id, "pay-order"], as: "zhang", mentioning: ["template pay-order already exists"])
    }

    @Test("suggest: ranked with the score and its parts; list filters")
    func suggestAndFilters() throws {
        let desk = try deskWithTemplate()
        try desk.succeed(["template", "add", "points", "--title", "积分兑换商品", "--type", "consult", "--module", "官网-会员权益",
                          "--tags", "积分", "--root-cause", "规则说明不清", "--steps", "说明规则", "--wording", "您好"], as: "li", now: Self.now)
        let id = try desk.record(title: "订单未生成", priority: "urgent", now: Self.now, extra: ["--module", "APP-消息通知"])
        // pay-order: type 1, module 0.5 (APP-), text: A = {订单, 单未, 未生, 生成},
        // B = bigrams of 支付成功但订单未生成 (9) + 支付回调接口超时 (6 more) + 订单未同步 (2 more) + tags (none new):
        // A ⊂ B, |A∩B| = 4, |A∪B| = 17 → 0.235; 0.3 + 0.2 × 0.5 + 0.5 × 4/17 = 0.518.
        let out = try desk.succeed(["template", "suggest", id, "--lang", "zh"])
        #expect(out == """
            得分   模板编号   标题                  类型×0.3  模块×0.2  文本×0.5  状态
            0.518  pay-order  支付成功但订单未生成  1.000     0.500     0.235     待批准（重大方案）

            """)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(desk.succeed(["template", "suggest", id, "--json"]).utf8)) as? [String: Any])
        let first = try #require((json["templates"] as? [[String: Any]])?.first)
        #expect(json["ticket"] as? String == id && first["id"] as? String == "pay-order" && first["score"] as? Double == 0.518)
        #expect((first["parts"] as? [String: Any])?["text"] as? Double == 0.235 && first["usable"] as? Bool == false)
        #expect(try desk.jsonArray(["template", "list", "--type", "咨询", "--json"]).map { $0["id"] as? String } == ["points"])
        #expect(try desk.jsonArray(["template", "list", "--tag", "订单", "--json"]).map { $0["id"] as? String } == ["pay-order"])
        #expect(try desk.jsonArray(["template", "list", "--module", "官网-会员权益", "--json"]).count == 1)
        try desk.expectRefusal(["template", "suggest", "CS-NOPE"], mentioning: ["no ticket matches 'CS-NOPE'"])
    }
}
