import Testing
import TicketCore

/// `template suggest`'s score, checked against values computed by hand.
@Suite struct TemplateSimilarityTests {
    func template(_ fields: [String: String]) -> SolutionTemplate {
        SolutionTemplate(Ticket(fields: fields))
    }

    @Test("bigrams: Chinese by character pairs, words split at punctuation, one-character pieces kept")
    func bigrams() {
        #expect(TemplateSimilarity.bigrams(["订单未生成"]) == ["订单", "单未", "未生", "生成"])
        #expect(TemplateSimilarity.bigrams(["iOS 17 闪退，A"]) == ["io", "os", "17", "闪退", "a"])
        #expect(TemplateSimilarity.bigrams([nil, ""]).isEmpty)
    }

    @Test("a hand-computed score: type 1, module 0.5 (same product), text 1/9")
    func handComputed() {
        let ticket = Ticket(fields: ["id": "CS-1", "type": "complaint", "module": "APP-订单支付", "title": "订单未生成"])
        // A = {订单, 单未, 未生, 生成}; B = {订单, 单丢, 丢失, 支付, 付超, 超时} (the tag 订单 adds nothing new).
        let t = template(["id": "a", "type": "complaint", "module": "APP-消息通知", "title": "订单丢失",
                          "root_cause": "支付超时", "tags": "订单"])
        let s = TemplateSimilarity.score(ticket: ticket, template: t)
        #expect(s.type == 1)
        #expect(s.module == 0.5)
        #expect(abs(s.text - 1.0 / 9.0) < 1e-12)
        // 0.3 × 1 + 0.2 × 0.5 + 0.5 × 1/9 = 0.45555…
        #expect(abs(s.total - (0.4 + 0.5 / 9.0)) < 1e-12)
    }

    @Test("type: another subtype counts half, another type nothing; module: other product nothing")
    func typeAndModule() {
        let ticket = Ticket(fields: ["id": "CS-1", "type": "fault", "subtype": "software", "module": "APP-订单支付", "title": "闪退"])
        let sameSub = TemplateSimilarity.score(ticket: ticket, template: template(["id": "a", "type": "fault", "subtype": "software", "title": "x"]))
        let otherSub = TemplateSimilarity.score(ticket: ticket, template: template(["id": "b", "type": "fault", "subtype": "hardware", "module": "官网-注册登录", "title": "x"]))
        let noSub = TemplateSimilarity.score(ticket: ticket, template: template(["id": "c", "type": "fault", "module": "APP-订单支付", "title": "x"]))
        let otherType = TemplateSimilarity.score(ticket: ticket, template: template(["id": "d", "type": "consult", "module": "app-订单支付", "title": "闪退"]))
        #expect(sameSub.type == 1 && sameSub.module == 0 && sameSub.text == 0)
        #expect(otherSub.type == 0.5 && otherSub.module == 0)
        #expect(noSub.type == 1 && noSub.module == 1 && noSub.total == 0.5)
        // Modules compare without letter case; 闪退 against 闪退: text 1.
        #expect(otherType.type == 0 && otherType.module == 1 && otherType.text == 1 && otherType.total == 0.7)
    }

    @Test("ranking: best first, ties by name, zero scores left out, at most limit")
    func ranking() {
        let ticket = Ticket(fields: ["id": "CS-1", "type": "complaint", "title": "退款未到账"])
        let templates = [
            template(["id": "zeta", "type": "complaint", "title": "其他"]),          // 0.3
            template(["id": "alpha", "type": "complaint", "title": "其他"]),         // 0.3
            template(["id": "refund", "type": "complaint", "title": "退款未到账"]),  // 0.3 + 0.5
            template(["id": "none", "type": "consult", "title": "积分兑换"]),        // 0
        ]
        let ranked = TemplateSimilarity.rank(ticket: ticket, templates: templates, limit: 10)
        #expect(ranked.map(\.template.slug) == ["refund", "alpha", "zeta"])
        #expect(abs(ranked[0].score.total - 0.8) < 1e-12)
        #expect(TemplateSimilarity.rank(ticket: ticket, templates: templates, limit: 2).map(\.template.slug) == ["refund", "alpha"])
    }
}
