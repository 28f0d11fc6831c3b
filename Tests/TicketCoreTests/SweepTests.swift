import Testing
import TicketCore
import TestSupport

@Suite struct SweepTests {
    let schema = Fixtures.schema
    var engine: WorkflowEngine { WorkflowEngine(schema: schema, team: Fixtures.team) }
    func t(_ s: String) -> Timestamp { Fixtures.t(s) }

    /// Tickets at different stages on 2024-05-06 10:00.
    func desk() throws -> [Ticket] {
        let e = engine
        // Resolved and waiting for the customer since Monday 10:00.
        var awaiting = try e.create(id: "CS-20240506-AAAAAA", fields: Fixtures.complaintFields, by: Fixtures.li, at: t("2024-05-06 09:00")).ticket
        awaiting = try e.move(awaiting, to: "in_progress", by: Fixtures.zhang, at: t("2024-05-06 09:10")).ticket
        awaiting = try e.resolve(awaiting, solution: "补发订单", rootCause: "接口超时", by: Fixtures.zhang, at: t("2024-05-06 10:00")).ticket
        // Medium consult, nobody touched it: overdue after 48h.
        var consult = Fixtures.complaintFields
        consult["type"] = "consult"; consult["subtype"] = "membership"; consult["priority"] = "medium"
        let stale = try e.create(id: "CS-20240506-BBBBBB", fields: consult, by: Fixtures.li, at: t("2024-05-06 09:00")).ticket
        // Invalid: archived by sweep too (terminal, in `automation`? no: only closed).
        let spam = try e.invalid(try e.create(id: "CS-20240506-CCCCCC", fields: consult, by: Fixtures.li, at: t("2024-05-06 09:00")).ticket,
                                 reason: "广告信息", by: Fixtures.li, at: t("2024-05-06 09:05")).ticket
        return [awaiting, stale, spam]
    }

    func applyAll(_ tickets: [Ticket], at now: Timestamp) throws -> [Ticket] {
        let actions = Sweep.plan(tickets: tickets, now: now, schema: schema)
        return try tickets.map { ticket in
            guard let action = actions.first(where: { $0.ticketID == ticket.id }) else { return ticket }
            return try Sweep.apply(action, to: ticket, engine: engine, by: Fixtures.zhao, at: now).ticket
        }
    }

    @Test func nothingIsDueBeforeTheTimeLimits() throws {
        #expect(Sweep.plan(tickets: try desk(), now: t("2024-05-06 12:00"), schema: schema).isEmpty)
    }

    @Test func noAnswerIn24HoursIsConfirmedByDefaultThenClosedAndArchived() throws {
        var tickets = try desk()
        let day1 = t("2024-05-07 10:30")
        let plan1 = Sweep.plan(tickets: tickets, now: day1, schema: schema)
        #expect(plan1 == [Sweep.Action(ticketID: "CS-20240506-AAAAAA", operations: [.autoConfirm])])
        tickets = try applyAll(tickets, at: day1)
        let confirmed = tickets[0]
        #expect(confirmed.status == "resolved")
        #expect(confirmed["confirmation"] == "auto")
        #expect(confirmed["satisfaction"] == nil)
        #expect(confirmed.log.last!.text.contains("默认确认"))
        #expect(confirmed.log.last!.text.contains(WorkflowLog.autoMarker))

        let day3 = t("2024-05-08 11:00")
        let plan3 = Sweep.plan(tickets: tickets, now: day3, schema: schema)
        #expect(plan3 == [Sweep.Action(ticketID: "CS-20240506-AAAAAA", operations: [.close, .archive]),
                          Sweep.Action(ticketID: "CS-20240506-BBBBBB", operations: [.flagOverdue])])
        tickets = try applyAll(tickets, at: day3)
        #expect(tickets[0].status == "closed")
        #expect(tickets[0]["archived"] == day3.iso8601)
        #expect(tickets[1]["breached"] == "2024-05-08T09:00:00+08:00")
    }

    @Test func sweepIsIdempotent() throws {
        for now in ["2024-05-06 12:00", "2024-05-07 10:30", "2024-05-08 11:00", "2024-06-30 00:00"].map(t) {
            let once = try applyAll(try desk(), at: now)
            #expect(Sweep.plan(tickets: once, now: now, schema: schema).isEmpty, "sweep at \(now) left work behind")
            #expect(try applyAll(once, at: now) == once)
        }
    }

    @Test func sweepNeedsTheSweepPermission() throws {
        let tickets = try desk()
        let now = t("2024-05-07 10:30")
        let action = Sweep.plan(tickets: tickets, now: now, schema: schema)[0]
        #expect(throws: WorkflowError.roleNotAllowed(handle: "li", action: "sweep", roles: ["qa", "supervisor"])) {
            try Sweep.apply(action, to: tickets[0], engine: engine, by: Fixtures.li, at: now)
        }
    }

    @Test func remindersTellEachPersonWhatToActOn() throws {
        var tickets = try desk()
        // Handler d asks for an extension on a low ticket well ahead of time.
        var low = Fixtures.faultFields
        low["priority"] = "low"
        var ext = try engine.create(id: "CS-20240506-DDDDDD", fields: low, by: Fixtures.li, at: t("2024-05-06 09:00")).ticket
        ext = try engine.extend(ext, until: t("2024-05-10 18:00"), reason: "等待厂家检测报告", by: Fixtures.zhang, at: t("2024-05-06 11:00")).ticket
        tickets.append(ext)
        let now = t("2024-05-08 07:00")
        let all = Reminders.compute(tickets: tickets, team: Fixtures.team, now: now, schema: schema)
        // The stale consult (product → liu) is due soon at 07:00 (46 of 48 hours used).
        #expect(all.contains { $0.kind == .dueSoon && $0.ticketID == "CS-20240506-BBBBBB" && $0.handle == "liu" })
        let wang = Reminders.compute(tickets: tickets, team: Fixtures.team, now: now, for: "wang", schema: schema)
        #expect(wang.map(\.kind) == [.extensionAwaitingApproval])
        #expect(wang[0].detail.contains("等待厂家检测报告"))
    }
}
