import Testing
@testable import TicketCore
import TestSupport

/// Issue 13: a report read every round of a reopened ticket by walking the
/// whole log, its status changes and its spans once per round, so 800 rounds
/// took 11 s (and `archive`, which builds the report, 46 s). The walk is
/// linear now: the work it does (entries, changes and spans looked at,
/// counted by the walk itself, never timed) grows with the rounds, not with
/// their square.
@Suite("reports walk a ticket's rounds in linear work")
struct ReopenRoundsWalkTests {
    let schema = Fixtures.schema
    var engine: WorkflowEngine { WorkflowEngine(schema: schema, team: Fixtures.team) }

    /// A ticket solved, rated, closed and reopened `rounds` times, each round
    /// with a wait on the customer; returns it and the moment after its last step.
    /// Two rounds are worked through the engine; the second round's entries are
    /// then repeated, each copy a day later (the engine would take minutes for hundreds).
    func reopened(_ rounds: Int) throws -> (Ticket, Timestamp) {
        var time = Fixtures.t("2024-05-13 09:00")
        func next(_ minutes: Int64) -> Timestamp { time = time.adding(seconds: minutes * 60); return time }
        var x = try engine.create(id: "CS-20240513-RND001", fields: Fixtures.complaintFields, by: Fixtures.li, at: time).ticket
        x = try engine.move(x, to: "in_progress", by: Fixtures.liu, at: next(10)).ticket
        var roundStart = 0
        for round in 0...1 {
            if round == 1 {
                x = try engine.reopen(x, reason: "问题再次出现", by: Fixtures.li, at: next(600)).ticket
                roundStart = x.log.count - 1
            }
            x = try engine.move(x, to: "needs_info", reason: "请客户提供订单截图", by: Fixtures.liu, at: next(20)).ticket
            x = try engine.move(x, to: "in_progress", by: Fixtures.liu, at: next(30)).ticket
            x = try engine.resolve(x, solution: "补发订单", rootCause: "接口超时", by: Fixtures.liu, at: next(30)).ticket
            x = try engine.confirm(x, rating: 4, by: Fixtures.li, at: next(30)).ticket
            x = try engine.close(x, by: Fixtures.li, at: next(30)).ticket
        }
        let template = Array(x.log[roundStart...])
        for copy in 1..<max(1, rounds) {
            x.log += template.map { LogEntry(time: $0.time.adding(seconds: Int64(copy) * 86_400), operator: $0.operator, text: $0.text) }
        }
        return (x, (x.log.last?.time ?? time).adding(seconds: 3600))
    }

    func work(_ rounds: Int) throws -> Int {
        let (ticket, now) = try reopened(rounds)
        let counter = WalkCounter()
        let facts = try #require(TicketFacts.read(ticket, at: now, schema: schema, counter: counter))
        #expect(facts.rounds.count == rounds + 1)
        #expect(facts.ratings == Array(repeating: 4, count: rounds + 1), "each round keeps its rating")
        #expect(facts.rounds.allSatisfy { $0.end != nil && $0.sla != nil }, "every round ended, with its SLA outcome")
        #expect(Set(facts.rounds.dropFirst().map(\.wallSeconds)).count == 1, "the reopened rounds are alike: \(facts.rounds.map(\.wallSeconds))")
        return counter.steps
    }

    @Test("four times the rounds, about four times the work")
    func linear() throws {
        let small = try work(100), large = try work(400)
        #expect(large < small * 5, "the walk does \(small) steps for 100 rounds and \(large) for 400: not linear")
    }
}
