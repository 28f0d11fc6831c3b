import Testing
import TicketCore
import TestSupport

/// The template rules as the hooks apply them to a hand-edited file.
@Suite struct TemplateValidatorTests {
    let schema = Fixtures.schema
    let path = "templates/refund-delay.md"

    var base: SolutionTemplate {
        var t = SolutionTemplate(Ticket(fields: [
            "id": "refund-delay", "title": "退款未到账", "type": "complaint", "root_cause": "银行处理延迟",
            "steps": "1. 查询退款单\n2. 告知到账时间", "customer_wording": "您好，退款将在3个工作日内到账",
        ]))
        t.document.log = [LogEntry(time: Fixtures.t("2024-05-02 10:00"), operator: "zhang", text: "新建模板")]
        return t
    }

    func approved(_ t: SolutionTemplate, by handle: String) -> SolutionTemplate {
        var a = t
        a["approved_by"] = handle
        a["approved_at"] = "2024-05-02T11:00:00+08:00"
        a["approved_hash"] = t.contentDigest
        a.document.log.append(LogEntry(time: Fixtures.t("2024-05-02 11:00"), operator: handle, text: "批准"))
        return a
    }

    func rules(old: SolutionTemplate?, new: SolutionTemplate, by author: Person?) -> [String] {
        let bytes = Array(TemplateFile.render(new).utf8)
        return TemplateValidator(schema: schema, author: author)
            .validate(path: path, old: old.map { Array(TemplateFile.render($0).utf8) }, new: bytes).map(\.rule)
    }

    @Test func aCompleteTemplatePasses() {
        #expect(rules(old: nil, new: base, by: Fixtures.zhang) == [])
        #expect(rules(old: base, new: approved(base, by: "wang"), by: Fixtures.wang) == [])
    }

    @Test("an approval written by anyone but the supervisor it names is refused")
    func forgedApprovals() {
        #expect(rules(old: base, new: approved(base, by: "zhang"), by: Fixtures.zhang) == ["template-approval"])  // not a supervisor
        var byOther = approved(base, by: "wang")
        byOther.document.log.removeLast()
        #expect(rules(old: base, new: byOther, by: Fixtures.admin) == ["template-approval"])  // names wang, made by admin
        #expect(rules(old: nil, new: approved(base, by: "wang"), by: Fixtures.wang).contains("template-approval"))  // born approved
    }

    @Test("approved content changed: the approval no longer covers it, also in the same commit as the approval")
    func staleApproval() {
        var edited = approved(base, by: "wang")
        edited["steps"] = "1. 直接补偿"
        #expect(rules(old: approved(base, by: "wang"), new: edited, by: Fixtures.zhang) == ["template-approval"])
        var both = base
        both["steps"] = "1. 直接补偿"
        both = approved(both, by: "wang")
        #expect(rules(old: base, new: both, by: Fixtures.wang) == ["template-approval"])
        var partial = base
        partial["approved_by"] = "wang"
        #expect(rules(old: base, new: partial, by: Fixtures.wang) == ["template-approval"])
    }

    @Test("required fields, enum keys, the name, contact data raw or masked")
    func fieldsAndPrivacy() {
        var t = base
        t["steps"] = nil
        t["type"] = "投诉"
        t["id"] = "other"
        t["customer_wording"] = "请拨打 13812345678"
        t["notes"] = "客户尾号5678"
        let found = rules(old: nil, new: t, by: Fixtures.zhang)
        #expect(found.filter { $0 == "template-pii" }.count == 2)
        #expect(found.contains("required-field") && found.contains("template-field") && found.contains("template-id"))
    }

    @Test("masked contacts are found; order numbers and amounts are not")
    func maskedShapes() {
        let text = "联系 138****5678 或 z***@example.com，尾号 5678；订单 20240501001，金额 12.50"
        #expect(TemplateScrub.maskedContacts(in: text).map { String(text[$0.0]) } == ["138****5678", "z***@example.com", "尾号 5678"])
        let scrubbed = TemplateScrub.scrub(text, field: "steps").text
        #expect(scrubbed == "联系 〔手机号〕 或 〔邮箱〕，〔手机号〕；订单 20240501001，金额 12.50")
    }
}
