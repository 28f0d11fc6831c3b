import Foundation
import Testing
import TicketCore
import TestSupport

/// The write path's pure step: apply, mask, render, validate — once.
@Suite struct ChangeBuilderTests {
    /// A rule that finds nothing and counts how often the validator ran.
    final class CountingRule: ValidationRule, @unchecked Sendable {
        let id = "counting"
        private let lock = NSLock()
        private var runs = 0
        var count: Int { lock.withLock { runs } }
        func check(_ context: ValidationContext) -> [Finding] {
            lock.withLock { runs += 1 }
            return []
        }
    }

    let schema = Fixtures.schema
    let counter = CountingRule()
    var validator: Validator { Validator(rules: Validator.standardRules + [counter]) }
    var builder: ChangeBuilder { ChangeBuilder(format: .ticket(schema: schema, team: Fixtures.team, validator: validator)) }
    /// The engine a write runs: validation left to the builder.
    var writeEngine: WorkflowEngine { WorkflowEngine(schema: schema, team: Fixtures.team, validator: validator, validatesResults: false) }

    func stored() throws -> (ticket: Ticket, path: String, bytes: [UInt8]) {
        let made = try WorkflowEngine(schema: schema, team: Fixtures.team)
            .create(id: "CS-20240506-AAAAAA", fields: Fixtures.complaintFields, by: Fixtures.li, at: Fixtures.t("2024-05-06 09:00"))
        let text = TicketFile.render(made.ticket, layout: schema.layout)
        let parsed = try TicketFile.parse(text)  // as the writer reads it from the tip
        return (parsed.ticket, TicketPath.path(of: made.ticket)!, Array(text.utf8))
    }

    func comment(_ text: String, engine: WorkflowEngine) throws -> BuiltChange {
        let old = try stored()
        return try builder.build(id: old.ticket.id, path: old.path, old: old.ticket, oldBytes: old.bytes, by: Fixtures.zhang) { current in
            let result = try engine.comment(current!, text: text, by: Fixtures.zhang, at: Fixtures.t("2024-05-06 10:00"))
            return ChangeDraft(ticket: result.ticket, summary: result.summary, operation: result.operation,
                               byWorkflow: !engine.validatesResults)
        }
    }

    @Test func appliesRendersAndValidatesOnce() throws {
        let built = try comment("已回电，客户确认收到补发", engine: writeEngine)
        #expect(counter.count == 1)
        #expect(built.operation == "comment")
        #expect(built.ticket.log.last?.text == "已回电，客户确认收到补发")
        #expect(built.bytes == Array(built.text.utf8))
        #expect(try TicketFile.parse(built.text).ticket == built.ticket)
        #expect(built.warnings.allSatisfy { $0.severity != .error })
    }

    @Test func anEngineThatValidatesItselfValidatesTwice() throws {
        // What the write path did before: the engine's check, then the writer's.
        _ = try comment("已回电", engine: WorkflowEngine(schema: schema, team: Fixtures.team, validator: validator))
        #expect(counter.count == 2)
    }

    @Test func masksPersonalDataBeforeRendering() throws {
        let built = try comment("客户电话13812345678，请回电", engine: writeEngine)
        #expect(!built.text.contains("13812345678"))
        #expect(built.text.contains("138****5678"))
        #expect(built.typed.log.last?.text.contains("13812345678") == true)
        #expect(!built.summary.contains("13812345678"))
        #expect(counter.count == 1)
    }

    @Test func refusesWhatTheValidatorRefuses() throws {
        let old = try stored()
        var changed = old.ticket
        changed["created"] = "2020-01-01T00:00:00+08:00"  // immutable
        for byWorkflow in [false, true] {
            do {
                _ = try builder.build(id: old.ticket.id, path: old.path, old: old.ticket, oldBytes: old.bytes, by: Fixtures.zhang) { _ in
                    ChangeDraft(ticket: changed, summary: "edit", operation: "set", byWorkflow: byWorkflow)
                }
                Issue.record("a changed created time was accepted")
            } catch ChangeRefusal.rejected(let findings) {
                #expect(!byWorkflow)
                #expect(findings.contains { $0.field == "created" })
            } catch ChangeRefusal.workflow(.rejected(let findings)) {
                #expect(byWorkflow)
                #expect(findings.contains { $0.field == "created" })
            }
        }
        #expect(counter.count == 2)  // once per build
    }

    @Test func refusesAChangeThatChangesNothing() throws {
        let old = try stored()
        #expect(throws: ChangeRefusal.self) {
            _ = try builder.build(id: old.ticket.id, path: old.path, old: old.ticket, oldBytes: old.bytes, by: Fixtures.zhang) { current in
                ChangeDraft(ticket: current!, summary: "nothing", operation: "set")
            }
        }
    }

    @Test func theApplyStepsErrorPassesThrough() throws {
        let old = try stored()
        #expect(throws: WorkflowError.self) {
            _ = try builder.build(id: old.ticket.id, path: old.path, old: old.ticket, oldBytes: old.bytes, by: Fixtures.zhang) { current in
                let r = try writeEngine.comment(current!, text: "  ", by: Fixtures.zhang, at: Fixtures.t("2024-05-06 10:00"))
                return ChangeDraft(ticket: r.ticket, summary: r.summary, operation: r.operation, byWorkflow: true)
            }
        }
        #expect(counter.count == 0)
    }
}
