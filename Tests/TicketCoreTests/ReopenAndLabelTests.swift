import Testing
import TicketCore
import TestSupport

@Suite struct ReopenAndLabelTests {
    let schema = Fixtures.schema
    var engine: WorkflowEngine { WorkflowEngine(schema: schema, team: Fixtures.team) }
    func t(_ s: String) -> Timestamp { Fixtures.t(s) }

    func closedTicket() throws -> Ticket {
        var fields = Fixtures.complaintFields
        fields["priority"] = "medium"
        var x = try engine.create(id: "CS-20240513-REO001", fields: fields, by: Fixtures.li, at: t("2024-05-13 09:00")).ticket
        x = try engine.move(x, to: "in_progress", by: Fixtures.liu, at: t("2024-05-13 09:10")).ticket
        x = try engine.resolve(x, solution: "补发订单", rootCause: "接口超时", by: Fixtures.liu, at: t("2024-05-13 10:00")).ticket
        x = try engine.confirm(x, rating: 5, by: Fixtures.li, at: t("2024-05-13 11:00")).ticket
        return try engine.close(x, by: Fixtures.li, at: t("2024-05-13 12:00")).ticket
    }

    @Test func aRecurringProblemIsReopenedWithReasonNewPriorityAndDue() throws {
        let closed = try closedTicket()
        #expect(throws: WorkflowError.reasonRequired(action: "reopen")) {
            try engine.reopen(closed, reason: "", by: Fixtures.li, at: t("2024-05-20 10:00"))
        }
        let r = try engine.reopen(closed, reason: "问题再次出现", priority: "urgent", description: "客户再次重复下单",
                                  by: Fixtures.li, at: t("2024-05-20 10:00"))
        #expect(r.ticket.status == "in_progress")
        #expect(r.ticket["priority"] == "urgent")
        #expect(r.ticket["due"] == "2024-05-20T14:00:00+08:00")
        #expect(r.ticket["satisfaction"] == nil)
        #expect(r.ticket["description"]!.hasSuffix("客户再次重复下单"))
        #expect(r.ticket["description"]!.hasPrefix("支付成功但订单未生成"))
        #expect(WorkflowLog.reason(in: r.ticket.log.last!.text) == "问题再次出现")
        #expect(engine.validate(old: closed, new: r.ticket, author: Fixtures.li).isEmpty)
    }

    @Test func rejectionGoesBackToWorkWithoutRestartingTheClock() throws {
        var x = try engine.create(id: "CS-20240513-REJ001", fields: Fixtures.complaintFields, by: Fixtures.li, at: t("2024-05-13 09:00")).ticket
        x = try engine.move(x, to: "in_progress", by: Fixtures.zhang, at: t("2024-05-13 09:10")).ticket
        x = try engine.resolve(x, solution: "补发订单", rootCause: "接口超时", by: Fixtures.zhang, at: t("2024-05-13 10:00")).ticket
        let r = try engine.reopen(x, reason: "客户称订单仍未生成", by: Fixtures.li, at: t("2024-05-13 11:00"))
        #expect(r.ticket.status == "in_progress")
        #expect(r.ticket["due"] == x["due"])
        // One hour waiting on the customer moved the deadline out by an hour.
        let sla = SLAClock.status(of: r.ticket, at: t("2024-05-13 11:30"), schema: schema)
        #expect(sla.resolve?.due == t("2024-05-13 14:00"))
        #expect(sla.resolve?.paused == 3600)
        #expect(sla.resolve?.state == .ok)
    }

    @Test func operationsOutsideTheirStatusesNameWhereTheyWork() throws {
        let created = try engine.create(id: "CS-20240513-OPS001", fields: Fixtures.complaintFields, by: Fixtures.li, at: t("2024-05-13 09:00")).ticket
        #expect(throws: WorkflowError.operationNotAllowed(operation: "close", status: "new",
                                                          from: ["resolved", "follow_up"])) {
            try engine.close(created, by: Fixtures.li, at: t("2024-05-13 09:30"))
        }
        #expect(throws: WorkflowError.notArchivable(status: "new", statuses: ["closed", "invalid"])) {
            try engine.archive(created, by: Fixtures.zhao, at: t("2024-05-13 09:30"))
        }
    }

    @Test func labelsInBothLanguages() throws {
        #expect(schema.label(status: "awaiting_confirmation", .zh) == "待确认")
        #expect(schema.label(status: "awaiting_confirmation", .en) == "Awaiting confirmation")
        #expect(schema.label(enum: "priority", value: "urgent", .zh) == "紧急")
        #expect(schema.label(role: "supervisor", .zh) == "客服主管")
        #expect(schema.label(value: "after_sales, product", of: "collaborators", .en) == "After-sales, Product")
        let ticket = try engine.create(id: "CS-20240513-LBL001", fields: Fixtures.complaintFields, by: Fixtures.li, at: t("2024-05-13 09:00")).ticket
        let shown = schema.labelledFields(of: ticket, .zh)
        #expect(shown.first { $0.key == "status" }?.value == "新建")
        #expect(shown.first { $0.key == "status" }?.label == "处理状态")
        let sla = SLAClock.status(of: ticket, at: t("2024-05-13 12:30"), schema: schema)
        #expect(sla.resolve?.summary(.zh) == "即将到期，截止 2024-05-13 13:00，剩余 30分")
        #expect(sla.resolve?.summary(.en) == "Due soon, due 2024-05-13 13:00, remaining 30m")
        #expect(SLAClock.status(of: ticket, at: t("2024-05-13 14:00"), schema: schema).isOverdue)
    }
}
