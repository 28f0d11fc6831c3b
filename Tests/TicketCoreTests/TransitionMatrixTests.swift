import Testing
import TicketCore
import TestSupport

/// Every (from, to, role) triple of the default schema, generated from the
/// table itself: allowed exactly when workflow.yaml lists the transition
/// with that role (admin may do everything), refused otherwise.
@Suite struct TransitionMatrixTests {
    static let schema = Fixtures.schema
    let engine = WorkflowEngine(schema: schema, team: Fixtures.team)
    let now = Fixtures.t("2024-05-02 10:00")

    struct Case: CustomTestStringConvertible, Sendable {
        var from: String, to: String, role: String
        var testDescription: String { "\(from) → \(to) as \(role)" }
    }

    static var cases: [Case] {
        let statuses = schema.workflow.statuses.map(\.key)
        let roles = schema.workflow.roles.map(\.key)
        return statuses.flatMap { f in statuses.flatMap { t in roles.map { Case(from: f, to: t, role: $0) } } }
    }

    /// A ticket in `status` with every field any status requires.
    func ticket(in status: String) -> Ticket {
        Ticket(fields: ["id": "CS-20240501-7K3FQ2", "created": "2024-05-01T14:30:00+08:00", "title": "支付成功但订单未生成",
                        "status": status, "type": "complaint", "channel": "app", "priority": "medium", "assignee": "zhang",
                        "department": "tech_support", "solution": "修复接口", "root_cause": "接口超时",
                        "satisfaction": "5", "confirmation": "customer"])
    }

    @Test(arguments: cases)
    func moveIsAllowedExactlyWhenTheTableSaysSo(_ c: Case) throws {
        let person = try #require(Fixtures.personByRole[c.role])
        let transition = Self.schema.workflow.transition(from: c.from, to: c.to)
        let allowed = transition.map { $0.roles.contains(c.role) || c.role == "admin" } ?? false
        do {
            let result = try engine.move(ticket(in: c.from), to: c.to, reason: "客户要求", by: person, at: now)
            #expect(allowed, "\(c.testDescription) should be refused")
            #expect(result.ticket.status == c.to)
            #expect(result.summary == "move \(c.from) → \(c.to)")
        } catch let error {
            #expect(!allowed, "\(c.testDescription) should be allowed: \(error)")
            if transition == nil {
                guard case .illegalTransition = error else { Issue.record("expected illegalTransition, got \(error)"); return }
            } else {
                guard case .roleNotAllowed(_, _, let roles) = error else { Issue.record("expected roleNotAllowed, got \(error)"); return }
                #expect(roles == transition!.roles)
            }
        }
    }

    @Test(arguments: Self.schema.workflow.transitions.filter(\.reason))
    func transitionsNeedingAReasonRefuseWithoutOne(_ t: Transition) throws {
        do {
            _ = try engine.move(ticket(in: t.from[0]), to: t.to, reason: "  ", by: Fixtures.admin, at: now)
            Issue.record("\(t.from[0]) → \(t.to) without a reason was accepted")
        } catch {
            #expect(error == .reasonRequired(action: t.operation ?? "move to \(t.to)"))
        }
    }

    @Test func illegalTransitionNamesTheAllowedTargets() {
        #expect(throws: WorkflowError.illegalTransition(
            from: "new", to: "closed",
            allowed: ["in_progress", "needs_info", "invalid"])) {
            try engine.move(ticket(in: "new"), to: "closed", by: Fixtures.wang, at: now)
        }
        let message = WorkflowError.illegalTransition(from: "new", to: "closed", allowed: ["in_progress"]).description
        #expect(message == "cannot move from new to closed; allowed from new: in_progress")
    }

    @Test func aHandEditedStatusChangeByTheWrongRoleIsFoundByTheValidator() throws {
        let old = ticket(in: "resolved")
        var new = old
        new["status"] = "closed"
        // Without a logged transition.
        let unlogged = engine.validate(old: old, new: new, author: Fixtures.li)
        #expect(unlogged.contains { $0.rule == "transition" })
        // Logged, but invalid → new by an agent: only supervisor and qa may restore.
        var restored = ticket(in: "invalid")
        let before = restored
        restored["status"] = "new"
        restored.log.append(LogEntry(time: now, operator: "li", text: "撤销无效 [status: invalid → new]\n原因：误判"))
        let findings = engine.validate(old: before, new: restored, author: Fixtures.li)
        #expect(findings.map(\.rule).contains("transition-role"))
        restored.log[restored.log.count - 1].operator = "wang"
        #expect(engine.validate(old: before, new: restored, author: Fixtures.wang).filter { $0.severity == .error }.isEmpty)
    }
}
