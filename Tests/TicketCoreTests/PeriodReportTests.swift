import Testing
import TicketCore
import TestSupport

/// Every metric of the May 2024 report against values computed by hand
/// (docs/reports.md defines them). The desk's calendar: Mon–Fri 09:00–18:00
/// +08:00, 劳动节 2024-05-01..05, make-up working Saturday 2024-05-11.
@Suite struct PeriodReportTests {
    let schema = Fixtures.schema
    var engine: WorkflowEngine { WorkflowEngine(schema: schema, team: Fixtures.team) }
    func t(_ s: String) -> Timestamp { Fixtures.t(s) }
    let may = ReportPeriod(firstDay: CivilTime.daysFromCivil(year: 2024, month: 5, day: 1),
                           lastDay: CivilTime.daysFromCivil(year: 2024, month: 5, day: 31), offsetMinutes: 480)

    func fields(_ type: String, _ priority: String, _ module: String, _ subtype: String) -> [String: String] {
        var f = Fixtures.complaintFields
        f["type"] = type; f["priority"] = priority; f["module"] = module; f["subtype"] = subtype
        return f
    }

    /// T1: urgent, reopened twice (a recurrence after closing, then a rejected solution), rated 5 then 2.
    func reopenedTwice() throws -> Ticket {
        var x = try engine.create(id: "CS-20240506-AAA001", fields: fields("complaint", "urgent", "APP-订单支付", "order"),
                                  by: Fixtures.li, at: t("2024-05-06 09:00")).ticket
        x = try engine.move(x, to: "in_progress", by: Fixtures.zhang, at: t("2024-05-06 09:30")).ticket
        x = try engine.resolve(x, solution: "补发订单", rootCause: "接口超时", by: Fixtures.zhang, at: t("2024-05-06 10:00")).ticket
        x = try engine.confirm(x, rating: 5, by: Fixtures.li, at: t("2024-05-06 11:00")).ticket
        x = try engine.close(x, by: Fixtures.li, at: t("2024-05-06 12:00")).ticket
        x = try engine.reopen(x, reason: "问题复现", by: Fixtures.li, at: t("2024-05-07 09:00")).ticket
        x = try engine.resolve(x, solution: "再次补发", by: Fixtures.zhang, at: t("2024-05-07 10:00")).ticket
        x = try engine.reopen(x, reason: "客户称仍未生成", by: Fixtures.li, at: t("2024-05-07 11:00")).ticket
        x = try engine.resolve(x, solution: "修复回调", by: Fixtures.zhang, at: t("2024-05-07 12:00")).ticket
        return try engine.confirm(x, rating: 2, by: Fixtures.li, at: t("2024-05-07 14:00")).ticket
    }

    /// T2: medium, waits on the customer (待补充) overnight into the make-up Saturday.
    func pausedForTheCustomer() throws -> Ticket {
        var x = try engine.create(id: "CS-20240510-BBB002", fields: fields("consult", "medium", "官网-会员权益", "membership"),
                                  by: Fixtures.li, at: t("2024-05-10 17:00")).ticket
        x = try engine.move(x, to: "in_progress", by: Fixtures.li, at: t("2024-05-10 17:30")).ticket
        x = try engine.move(x, to: "needs_info", reason: "请提供会员账号", by: Fixtures.li, at: t("2024-05-10 17:45")).ticket
        x = try engine.move(x, to: "new", by: Fixtures.li, at: t("2024-05-11 10:00")).ticket
        x = try engine.move(x, to: "in_progress", by: Fixtures.li, at: t("2024-05-11 10:30")).ticket
        x = try engine.resolve(x, solution: "说明兑换规则", by: Fixtures.li, at: t("2024-05-11 11:30")).ticket
        return try engine.confirm(x, rating: 4, by: Fixtures.li, at: t("2024-05-11 12:00")).ticket
    }

    /// T3: created before the holiday, started after it, still open: backlog only.
    func acrossTheHoliday() throws -> Ticket {
        var x = try engine.create(id: "CS-20240430-CCC003", fields: fields("fault", "low", "手机(型号Pro)", "hardware"),
                                  by: Fixtures.li, at: t("2024-04-30 17:00")).ticket
        x = try engine.move(x, to: "in_progress", by: Fixtures.zhang, at: t("2024-05-06 09:00")).ticket
        return x
    }

    /// T4: spam, marked invalid.
    func invalidTicket() throws -> Ticket {
        let x = try engine.create(id: "CS-20240520-DDD004", fields: fields("complaint", "urgent", "APP-订单支付", "order"),
                                  by: Fixtures.li, at: t("2024-05-20 10:00")).ticket
        return try engine.invalid(x, reason: "广告信息", by: Fixtures.li, at: t("2024-05-20 10:30")).ticket
    }

    /// T5: created on the last evening of May, worked only in June.
    func acrossTheEnd() throws -> Ticket {
        var x = try engine.create(id: "CS-20240531-EEE005", fields: fields("fault", "high", "APP-订单支付", "software"),
                                  by: Fixtures.li, at: t("2024-05-31 20:00")).ticket
        x = try engine.move(x, to: "in_progress", by: Fixtures.zhang, at: t("2024-06-01 10:00")).ticket
        x = try engine.resolve(x, solution: "修复", rootCause: "缓存错误", by: Fixtures.zhang, at: t("2024-06-01 11:00")).ticket
        return try engine.confirm(x, rating: 1, by: Fixtures.li, at: t("2024-06-01 12:00")).ticket
    }

    /// T6: urgent, solved after its 4-hour deadline.
    func breached() throws -> Ticket {
        var x = try engine.create(id: "CS-20240513-FFF006", fields: fields("fault", "urgent", "APP-订单支付", "software"),
                                  by: Fixtures.li, at: t("2024-05-13 09:00")).ticket
        x = try engine.move(x, to: "in_progress", by: Fixtures.zhang, at: t("2024-05-13 09:10")).ticket
        x = try engine.resolve(x, solution: "更换主板", rootCause: "主板故障", by: Fixtures.zhang, at: t("2024-05-13 15:00")).ticket
        return try engine.confirm(x, rating: 3, by: Fixtures.li, at: t("2024-05-13 15:30")).ticket
    }

    func report(now: Timestamp? = nil) throws -> PeriodReport {
        let tickets = [try reopenedTwice(), try pausedForTheCustomer(), try acrossTheHoliday(), try invalidTicket(),
                       try acrossTheEnd(), try breached()]
        return PeriodReport.build(tickets: tickets, period: may, now: now ?? may.end, schema: schema, lang: .zh)
    }

    func r2(_ d: Double?) -> Double? { d?.reportRounded }

    @Test func countsLeaveInvalidTicketsApart() throws {
        let r = try report()
        #expect(r.total == 4)
        #expect(r.invalid == 1)
        #expect(r.byType.map(\.key) == ["fault", "complaint", "consult"])
        #expect(r.byType.map(\.count) == [2, 1, 1])
        #expect(r.byType.first?.share == 0.5)
        #expect(r.topProblems.first.map { ($0.module, $0.subtype, $0.count, $0.example) }! == ("APP-订单支付", "software", 2, "CS-20240513-FFF006"))
        #expect(r.weekly.map(\.label) == ["2024-W18", "2024-W19", "2024-W20", "2024-W21", "2024-W22"])
        #expect(r.weekly.map(\.count) == [0, 2, 1, 0, 1])
    }

    @Test func firstResponseAndResolutionTimes() throws {
        let r = try report()
        // First responses: T1 0.5 h, T2 0.5 h, T6 10 min; T5 answered only in June.
        #expect(r.firstResponse.wall.count == 3)
        #expect(r2(r.firstResponse.wall.mean) == 0.39)
        #expect(r.firstResponse.wall.median == 0.5)
        #expect(r.firstResponse.wall.p90 == 0.5)
        #expect(r2(r.firstResponse.working.mean) == 0.39)
        // Resolution, customer waits removed, each round ended in May: T1 1 h and 2 h, T2 2.25 h, T6 6 h.
        #expect(r.resolution.wall.count == 4)
        #expect(r2(r.resolution.wall.mean) == 2.81)
        #expect(r.resolution.wall.median == 2.125)
        #expect(r.resolution.wall.p90 == 6)
        // T2 in working hours: Fri 17:00–18:00 and the make-up Saturday 09:00–12:00, less
        // 17:45–18:00 and 09:00–10:00 waiting for information and 11:30–12:00 for confirmation.
        #expect(r.resolution.working.mean == 2.8125)
    }

    @Test func slaReopenSatisfactionAndBacklog() throws {
        let r = try report()
        let urgent = try #require(r.sla.first { $0.key == "urgent" })
        // Outcomes of the resolutions of May: T1's two rounds met, T6 breached (urgent); T2 met (medium).
        #expect((urgent.met, urgent.breached) == (2, 1))
        let medium = try #require(r.sla.first { $0.key == "medium" })
        #expect((medium.met, medium.breached) == (1, 0))
        #expect((r.slaTotal.met, r.slaTotal.breached) == (3, 1))
        #expect(r2(r.slaTotal.compliance) == 0.75)
        #expect((r.reopened, r.resolvedOnce) == (1, 3))
        #expect(r.satisfaction.count == 4)
        #expect(r.satisfaction.average == 3.5)
        #expect(r.satisfaction.share45 == 0.5)
        #expect(r.satisfaction.distribution == [0, 1, 1, 1, 1])
        #expect(r.satisfaction.low == ["CS-20240506-AAA001"])
        // Open at 2024-06-01 00:00: T3 (751 h old) and T5 (4 h old); the invalid T4 is not backlog.
        #expect(r.backlog.count == 2)
        #expect(r.backlog.age.median == 377.5)
        #expect(r.backlog.age.p90 == 751)
    }

    var june: ReportPeriod { try! ReportPeriod.parseMonth("2024-06", offsetMinutes: 480) }

    /// Finding 1: T5 was created on 31 May and resolved and rated 1★ on 1 June. May counts its
    /// intake; June counts its resolution, SLA outcome and rating (events count when they happen).
    @Test func eventsCountInThePeriodTheyHappenIn() throws {
        let may = try report()
        #expect(!may.satisfaction.low.contains("CS-20240531-EEE005"))
        #expect(may.byType.contains { $0.key == "fault" && $0.count == 2 })
        let tickets = [try reopenedTwice(), try pausedForTheCustomer(), try acrossTheHoliday(), try invalidTicket(),
                       try acrossTheEnd(), try breached()]
        let r = PeriodReport.build(tickets: tickets, period: june, now: june.end, schema: schema, lang: .zh)
        #expect(r.total == 0)
        #expect(r.satisfaction.count == 1)
        #expect(r.satisfaction.distribution == [1, 0, 0, 0, 0])
        #expect(r.satisfaction.low == ["CS-20240531-EEE005"])
        #expect(r.resolution.wall.count == 1)
        #expect((r.slaTotal.met, r.slaTotal.breached) == (1, 0))
        #expect(r.sla.first { $0.key == "high" }?.met == 1)
        #expect((r.reopened, r.resolvedOnce) == (0, 1))
        #expect(r.byHandler.first { $0.key == "zhang" }.map { ($0.tickets, $0.resolved) }! == (0, 1))
    }

    /// Finding 2: a reassignment and a priority change in June leave May's per-handler,
    /// per-department and per-priority figures as they were.
    @Test func aLaterReassignmentLeavesAClosedMonthAlone() throws {
        let before = try report()
        var t6 = try breached()
        t6 = try engine.assign(t6, to: "liu", by: Fixtures.wang, at: t("2024-06-03 10:00")).ticket
        t6 = try engine.set(t6, values: [("priority", "low")], by: Fixtures.wang, at: t("2024-06-03 10:05")).ticket
        #expect(t6["assignee"] == "liu" && t6["priority"] == "low" && t6["department"] == "product")
        let tickets = [try reopenedTwice(), try pausedForTheCustomer(), try acrossTheHoliday(), try invalidTicket(),
                       try acrossTheEnd(), t6]
        let after = PeriodReport.build(tickets: tickets, period: may, now: may.end, schema: schema, lang: .zh)
        #expect(after.byHandler == before.byHandler)
        #expect(after.byDepartmentGroup == before.byDepartmentGroup)
        #expect(after.byDepartment == before.byDepartment)
        #expect(after.sla == before.sla)
        #expect(after.sla.first { $0.key == "urgent" }?.breached == 1)
        // The state at an event is read from the log, not the file.
        let h = FieldHistory.read(t6, schema: schema)
        #expect(h.value("assignee", at: t("2024-05-13 15:00")) == "zhang")
        #expect(h.value("assignee", at: t("2024-06-04 00:00")) == "liu")
        #expect(h.value("priority", at: t("2024-05-13 15:00")) == "urgent")
        #expect(h.value("department", at: t("2024-05-13 15:00")) == "tech_support")
        #expect(h.value("department", at: t("2024-06-04 00:00")) == "product")
    }

    /// Finding 4: the default calendar carries 2026 (from chinesecalendar, scripts/holidays-from-chinesecalendar.py)
    /// and names the years it does not cover.
    @Test func theDefaultCalendarCovers2026AndNamesTheYearsItDoesNot() throws {
        let calendar = try #require(try SchemaLoader.load(files: SchemaLoader.defaultFiles).sla?.calendar)
        #expect(!calendar.isWorkingDay(year: 2026, month: 2, day: 16))  // 春节 (Monday)
        #expect(calendar.isWorkingDay(year: 2026, month: 2, day: 14))   // 春节调休 (Saturday)
        #expect(!calendar.isWorkingDay(year: 2026, month: 10, day: 7))  // 国庆节 (Wednesday)
        #expect(calendar.isWorkingDay(year: 2026, month: 10, day: 10))  // 国庆节调休 (Saturday)
        #expect(calendar.uncoveredYears(from: t("2026-12-30 10:00"), to: t("2027-01-05 10:00")) == [2027])
        #expect(calendar.uncoveredYears(from: t("2024-05-01 10:00"), to: t("2026-05-05 10:00")) == [])
    }

    /// Finding 13: a ticket marked invalid and restored is one round, timed from the restore
    /// (where its SLA clock restarts), not over the span before it was marked invalid too.
    @Test func aRestoredInvalidTicketIsOneRoundFromTheRestore() throws {
        var x = try invalidTicket()
        x = try engine.reopen(x, reason: "误判，确为投诉", by: Fixtures.wang, at: t("2024-05-20 14:00")).ticket
        x = try engine.move(x, to: "in_progress", by: Fixtures.zhang, at: t("2024-05-20 14:30")).ticket
        x = try engine.resolve(x, solution: "补发订单", rootCause: "接口超时", by: Fixtures.zhang, at: t("2024-05-20 15:00")).ticket
        x = try engine.confirm(x, rating: 4, by: Fixtures.li, at: t("2024-05-20 15:30")).ticket
        let facts = try #require(TicketFacts.read(x, at: t("2024-06-01 00:00"), schema: schema))
        #expect(facts.rounds.count == 1)
        #expect(facts.rounds[0].start == t("2024-05-20 14:00"))
        #expect(facts.rounds[0].wallSeconds == 3600)  // 14:00–15:00; 15:00–15:30 waits on the customer
        #expect(facts.rounds[0].sla == .met)
        #expect(facts.reopens == 0)
        let report = TicketReport.build(x, at: t("2024-06-01 00:00"), schema: schema, lang: .zh)
        #expect(report.rounds == 1 && report.handlingWall == 3600)
    }

    @Test func eachRoundKeepsItsRatingTimesAndOutcome() throws {
        let facts = try #require(TicketFacts.read(try reopenedTwice(), at: t("2024-06-01 00:00"), schema: schema))
        #expect(facts.reopens == 2)
        #expect(facts.rounds.count == 2)
        #expect(facts.ratings == [5, 2])
        #expect(facts.rounds.map(\.wallSeconds) == [3600, 7200])
        #expect(facts.rounds.map(\.sla) == [.met, .met])
    }

    @Test func anInvalidTicketHasNoSLAOutcome() throws {
        let x = try invalidTicket()
        let sla = SLAClock.status(of: x, at: t("2024-05-21 10:00"), schema: schema)
        #expect(sla.resolve == nil && sla.respond == nil)
        #expect(TicketFacts.read(x, at: t("2024-05-21 10:00"), schema: schema)?.slaOutcome == nil)
    }

    @Test func archiveWritesTheReportSectionOnlyWhenTheSchemaHasTheField() throws {
        let closed = try engine.close(try breached(), by: Fixtures.li, at: t("2024-05-13 16:00")).ticket
        let archived = try engine.archive(closed, by: Fixtures.zhao, at: t("2024-05-13 17:00")).ticket
        #expect(archived["report"] == TicketReport.section(of: archived, at: t("2024-05-13 17:00"), schema: schema))
        #expect(archived["report"]?.contains("- SLA：超时") == true)
        var files = SchemaLoader.defaultFiles
        let fields = try #require(files["fields.yaml"])
        files["fields.yaml"] = String(fields[..<(try #require(fields.range(of: "  - key: report\n"))).lowerBound])
        let older = try SchemaLoader.load(files: files)
        #expect(older.field("report") == nil)
        let plain = try WorkflowEngine(schema: older, team: Fixtures.team).archive(closed, by: Fixtures.zhao, at: t("2024-05-13 17:00")).ticket
        #expect(plain["report"] == nil && plain["archived"] != nil)
    }

    @Test func periodsParse() throws {
        let w = try ReportPeriod.parseWeek("2024-W21", offsetMinutes: 480)
        #expect((w.fromText, w.toText) == ("2024-05-20", "2024-05-26"))
        let m = try ReportPeriod.parseMonth("2024-02", offsetMinutes: 480)
        #expect((m.fromText, m.toText) == ("2024-02-01", "2024-02-29"))
        #expect(m.end == t("2024-03-01 00:00"))
        #expect(throws: ReportError.self) { try ReportPeriod.parseMonth("2024-13", offsetMinutes: 480) }
        #expect(throws: ReportError.self) { try ReportPeriod.parseRange(from: "2024-05-02", to: "2024-05-01", offsetMinutes: 480) }
        #expect(ReportClock.now(period: m, clock: t("2024-06-01 00:00"), revisionTime: nil) == m.end)
    }
}
