import Foundation
import Testing
import TicketCore
import TestSupport

/// A desk edits its schema YAML; gitdesk follows without code changes.
@Suite struct CustomWorkflowTests {
    /// The default files with an `escalated` (已升级) status between
    /// in_progress and resolution, open to supervisors only, clock running.
    static func escalatedFiles() -> [String: String] {
        var files = SchemaLoader.defaultFiles
        files["workflow.yaml"] = files["workflow.yaml"]!
            .replacingOccurrences(of: "  - { key: closed, zh: 已关闭",
                                  with: "  - { key: escalated, zh: 已升级, en: Escalated, clock: running }\n  - { key: closed, zh: 已关闭")
            .replacingOccurrences(of: "\npermissions:", with: """

              - { operation: escalate, zh: 升级处理, en: Escalate, from: [in_progress], to: escalated, roles: [supervisor], reason: true }
              - { zh: 升级处理完成, from: [escalated], to: in_progress, roles: [supervisor, handler] }

            permissions:
            """)
        return files
    }

    @Test func aCustomStatusWorksWithoutARebuild() throws {
        let schema = try SchemaLoader.load(files: Self.escalatedFiles())
        #expect(schema.label(status: "escalated", .zh) == "已升级")
        let engine = WorkflowEngine(schema: schema, team: Fixtures.team)
        var ticket = try engine.create(id: "CS-20240513-ESC001", fields: Fixtures.complaintFields, by: Fixtures.li,
                                       at: Fixtures.t("2024-05-13 10:00")).ticket
        ticket = try engine.move(ticket, to: "in_progress", by: Fixtures.zhang, at: Fixtures.t("2024-05-13 10:05")).ticket
        #expect(throws: WorkflowError.roleNotAllowed(handle: "zhang", action: "escalate", roles: ["supervisor"])) {
            try engine.move(ticket, to: "escalated", reason: "涉及多部门", by: Fixtures.zhang, at: Fixtures.t("2024-05-13 10:10"))
        }
        #expect(throws: WorkflowError.reasonRequired(action: "escalate")) {
            try engine.move(ticket, to: "escalated", by: Fixtures.wang, at: Fixtures.t("2024-05-13 10:10"))
        }
        let up = try engine.move(ticket, to: "escalated", reason: "涉及多部门", by: Fixtures.wang, at: Fixtures.t("2024-05-13 10:10"))
        #expect(up.ticket.status == "escalated")
        #expect(up.ticket.log.last!.text.hasPrefix("升级处理：处理中 → 已升级 [status: in_progress → escalated]"))
        let back = try engine.move(up.ticket, to: "in_progress", by: Fixtures.zhang, at: Fixtures.t("2024-05-13 11:00"))
        #expect(back.ticket.status == "in_progress")
        // The validator reads the same table: a hand edit into the new status is checked too.
        #expect(engine.validate(old: ticket, new: up.ticket, author: Fixtures.wang).isEmpty)
        #expect(engine.validate(old: ticket, new: up.ticket, author: Fixtures.li).map(\.rule) == ["transition-role", "log-author"])
    }

    @Test func otherTargetsAndHoursWithoutARebuild() throws {
        var files = SchemaLoader.defaultFiles
        files["sla.yaml"] = files["sla.yaml"]!
            .replacingOccurrences(of: "urgent: { respond: 2h, resolve: 4h }", with: "urgent: { respond: 1h, resolve: 2 working hours }")
            .replacingOccurrences(of: "working_hours: [\"09:00-18:00\"]", with: "working_hours: [\"09:00-12:00\", \"13:30-18:00\"]")
        let schema = try SchemaLoader.load(files: files)
        // Friday 11:00: 1h before lunch, 1h after → 14:30.
        #expect(schema.sla?.resolveDue(from: Fixtures.t("2024-05-10 11:00"), priority: "urgent") == Fixtures.t("2024-05-10 14:30"))
    }
}
