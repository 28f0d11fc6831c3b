import Testing
import TicketCore
import TestSupport

/// The documents' two example tickets, worked from 登记 to 归档 through the engine.
@Suite struct SeedStoryTests {
    let schema = Fixtures.schema
    var engine: WorkflowEngine { WorkflowEngine(schema: schema, team: Fixtures.team) }
    func t(_ s: String) -> Timestamp { Fixtures.t(s) }

    /// Renders, re-parses and checks the file reads back as the same ticket.
    func roundTrip(_ ticket: Ticket) throws {
        let text = TicketFile.render(ticket, layout: schema.layout)
        let parsed = try TicketFile.parse(text)
        #expect(parsed.ticket == ticket)
        #expect(TicketFile.render(parsed.ticket, layout: schema.layout) == text)
    }

    @Test func complaintCS20240501001FromRecordToArchive() throws {
        // 14:30 客服小李 records the complaint: urgent → green channel to tech support.
        var r = try engine.create(id: "CS20240501001", fields: Fixtures.complaintFields, by: Fixtures.li, at: t("2024-05-01 14:30"))
        var ticket = r.ticket
        #expect(ticket.status == "new")
        #expect(ticket["department"] == "tech_support")
        #expect(ticket["collaborators"] == "after_sales")
        #expect(ticket["assignee"] == "zhang")
        #expect(ticket["due"] == "2024-05-01T18:30:00+08:00")
        #expect(ticket.log[0].text.contains("绿色通道"))
        #expect(TicketPath.path(of: ticket) == "tickets/2024/05/CS20240501001.md")

        // 14:35 张 starts: the first response.
        r = try engine.move(ticket, to: "in_progress", by: Fixtures.zhang, at: t("2024-05-01 14:35"))
        ticket = r.ticket
        #expect(r.summary == "move new → in_progress")
        #expect(ticket["responded"] == "2024-05-01T14:35:00+08:00")

        // 14:45 the finding; 15:00 fixed, orders synchronised → waits for the customer.
        ticket = try engine.comment(ticket, text: "技术排查发现支付回调接口超时", by: Fixtures.zhang, at: t("2024-05-01 14:45")).ticket
        #expect(throws: WorkflowError.self) {  // a complaint needs its root cause before resolving
            try engine.move(ticket, to: "awaiting_confirmation", by: Fixtures.zhang, at: t("2024-05-01 15:00"))
        }
        r = try engine.resolve(ticket, solution: "修复接口超时问题，补发订单并同步订单状态",
                               rootCause: "支付回调接口超时，订单服务未收到支付成功通知", by: Fixtures.zhang, at: t("2024-05-01 15:00"))
        ticket = r.ticket
        #expect(ticket.status == "awaiting_confirmation")
        #expect(r.summary == "resolve")

        // 15:30 the customer calls and confirms: 满意, a coupon as compensation.
        ticket = try engine.contact(ticket, channel: "phone", summary: "客户来电确认订单已生成", by: Fixtures.li, at: t("2024-05-01 15:30")).ticket
        ticket["compensation"] = "赠送优惠券一张"
        #expect(throws: WorkflowError.ratingOutOfRange(6)) {
            try engine.confirm(ticket, rating: 6, by: Fixtures.li, at: t("2024-05-01 15:30"))
        }
        r = try engine.confirm(ticket, rating: 5, feedback: "已电话向客户解释原因并赠送优惠券，客户接受",
                               by: Fixtures.li, at: t("2024-05-01 15:30"))
        ticket = r.ticket
        #expect(r.summary == "confirm 5★")
        #expect(ticket.status == "resolved")
        #expect(ticket["satisfaction"] == "5")
        #expect(ticket.log.last!.text.contains("满意"))

        // SLA: 30 min used, 30 min paused waiting on the customer, met.
        let sla = SLAClock.status(of: ticket, at: t("2024-05-01 16:00"), schema: schema)
        let resolve = try #require(sla.resolve)
        #expect(resolve.state == .met)
        #expect(resolve.elapsed == 30 * 60)
        #expect(resolve.paused == 30 * 60)
        #expect(sla.respond?.state == .met)

        // 15:50 closed; 16:00 archived by operations, with a note.
        ticket = try engine.close(ticket, by: Fixtures.li, at: t("2024-05-01 15:50")).ticket
        ticket["notes"] = "提升接口稳定性"
        #expect(throws: WorkflowError.roleNotAllowed(handle: "li", action: "archive", roles: ["qa", "supervisor"])) {
            try engine.archive(ticket, by: Fixtures.li, at: t("2024-05-01 16:00"))
        }
        r = try engine.archive(ticket, by: Fixtures.zhao, at: t("2024-05-01 16:00"))
        ticket = r.ticket
        #expect(ticket.status == "closed")
        #expect(ticket["archived"] == "2024-05-01T16:00:00+08:00")
        #expect(StatusHistory.spans(of: ticket).map(\.status) == ["new", "in_progress", "awaiting_confirmation", "resolved", "closed"])
        try roundTrip(ticket)
        // The finished file is valid as it stands: an importer may add it whole;
        // anyone else adding it in one go would skip the workflow (born closed).
        #expect(engine.validate(old: nil, new: ticket, author: Fixtures.admin).isEmpty)
        let byQA = engine.validate(old: nil, new: ticket, author: Fixtures.zhao)
        #expect(!byQA.isEmpty && byQA.allSatisfy { ["born", "log-author"].contains($0.rule) })
        #expect(Sweep.plan(tickets: [ticket], now: t("2024-05-03 16:00"), schema: schema).isEmpty)
    }

    @Test func faultCST20240520001PhoneWillNotStartReplaced() throws {
        // Monday 20 May 14:30: a phone bought on the 18th will not start.
        var ticket = try engine.create(id: "CST-20240520001", fields: Fixtures.faultFields, by: Fixtures.li, at: t("2024-05-20 14:30")).ticket
        #expect(ticket["department"] == "tech_support")
        #expect(ticket["collaborators"] == nil)
        #expect(ticket["due"] == "2024-05-20T18:30:00+08:00")
        ticket = try engine.move(ticket, to: "in_progress", by: Fixtures.zhang, at: t("2024-05-20 14:40")).ticket
        // Tech finds a hardware fault: after-sales takes it over.
        let assigned = try engine.assign(ticket, to: "chen", by: Fixtures.zhang, at: t("2024-05-20 14:50"))
        ticket = assigned.ticket
        #expect(assigned.summary == "assign chen")
        #expect(ticket["assignee"] == "chen")
        #expect(ticket["department"] == "after_sales")
        ticket = try engine.contact(ticket, channel: "phone", summary: "确认手机无法开机，未自行拆修，同意换新",
                                    followUp: "新机寄出后电话回访", followUpBy: t("2024-05-22 18:00"),
                                    by: Fixtures.chen, at: t("2024-05-20 15:00")).ticket
        // Too late for an extension at 17:45 (due 18:30; an urgent 4 h target
        // needs a quarter of it, 1 h, of notice).
        #expect(throws: WorkflowError.extensionTooLate(due: "2024-05-20 18:30", latest: "2024-05-20 17:30", notice: 3600)) {
            try engine.extend(ticket, until: t("2024-05-21 18:00"), reason: "等待备件", by: Fixtures.chen, at: t("2024-05-20 17:45"))
        }
        // Reminders: d has the open follow-up; nothing overdue yet.
        let reminders = Reminders.compute(tickets: [ticket], team: Fixtures.team, now: t("2024-05-20 16:00"), for: "chen", schema: schema)
        #expect(reminders.map(\.kind) == [.followUp])
        ticket = try engine.resolve(ticket, solution: "为客户办理换新，新机已寄出", rootCause: "主板故障（硬件）",
                                    by: Fixtures.chen, at: t("2024-05-20 17:30")).ticket
        ticket = try engine.confirm(ticket, rating: 4, by: Fixtures.li, at: t("2024-05-21 10:00")).ticket
        ticket = try engine.completeFollowUp(ticket, number: 1, note: "客户已收到新机，使用正常", by: Fixtures.chen, at: t("2024-05-22 11:00")).ticket
        #expect(ticket.contacts[0].done)
        // Sweep closes it a day later and archives it.
        let actions = Sweep.plan(tickets: [ticket], now: t("2024-05-22 11:00"), schema: schema)
        #expect(actions == [Sweep.Action(ticketID: "CST-20240520001", operations: [.close, .archive])])
        let swept = try Sweep.apply(actions[0], to: ticket, engine: engine, by: Fixtures.zhao, at: t("2024-05-22 11:00"))
        #expect(swept.ticket.status == "closed")
        #expect(swept.ticket["archived"] != nil)
        #expect(swept.summary == "sweep: close, archive")
        let sla = SLAClock.status(of: swept.ticket, at: t("2024-05-22 12:00"), schema: schema)
        #expect(sla.resolve?.state == .met)
        try roundTrip(swept.ticket)
    }
}
