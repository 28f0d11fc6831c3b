import Testing
import TicketCore
import TestSupport

/// 延期: asked for by a handler at least 4 h before the deadline, with a
/// reason; `due` moves only when a supervisor approves.
@Suite struct ExtensionTests {
    let schema = Fixtures.schema
    var engine: WorkflowEngine { WorkflowEngine(schema: schema, team: Fixtures.team) }
    func t(_ s: String) -> Timestamp { Fixtures.t(s) }

    /// A high-priority fault created Monday 09:00, due Tuesday 09:00.
    func ticket() throws -> Ticket {
        var fields = Fixtures.faultFields
        fields["priority"] = "high"
        let created = try engine.create(id: "CS-20240513-EXT001", fields: fields, by: Fixtures.li, at: t("2024-05-13 09:00")).ticket
        return try engine.move(created, to: "in_progress", by: Fixtures.zhang, at: t("2024-05-13 09:30")).ticket
    }

    @Test func approvedExtensionMovesDue() throws {
        let asked = try engine.extend(try ticket(), until: t("2024-05-15 18:00"), reason: "等待厂家返修件", by: Fixtures.zhang, at: t("2024-05-13 20:00"))
        #expect(asked.ticket["due"] == "2024-05-14T09:00:00+08:00")
        #expect(asked.ticket["extension_until"] == "2024-05-15T18:00:00+08:00")
        #expect(throws: WorkflowError.extensionPending(until: "2024-05-15T18:00:00+08:00")) {
            try engine.extend(asked.ticket, until: t("2024-05-16 18:00"), reason: "再等", by: Fixtures.zhang, at: t("2024-05-13 20:30"))
        }
        #expect(throws: WorkflowError.roleNotAllowed(handle: "zhang", action: "approve", roles: ["supervisor"])) {
            try engine.approve(asked.ticket, by: Fixtures.zhang, at: t("2024-05-13 21:00"))
        }
        let approved = try engine.approve(asked.ticket, by: Fixtures.wang, at: t("2024-05-13 21:00"))
        #expect(approved.ticket["due"] == "2024-05-15T18:00:00+08:00")
        #expect(approved.ticket["extension_until"] == nil)
        #expect(approved.summary == "approve extension until 2024-05-15 18:00")
        #expect(throws: WorkflowError.nothingToApprove) {
            try engine.approve(approved.ticket, by: Fixtures.wang, at: t("2024-05-13 21:05"))
        }
    }

    @Test func rejectedExtensionKeepsDue() throws {
        let asked = try engine.extend(try ticket(), until: t("2024-05-15 18:00"), reason: "等待厂家返修件", by: Fixtures.zhang, at: t("2024-05-13 20:00"))
        let rejected = try engine.approve(asked.ticket, reject: true, reason: "请先更换备用机", by: Fixtures.wang, at: t("2024-05-13 21:00"))
        #expect(rejected.ticket["due"] == "2024-05-14T09:00:00+08:00")
        #expect(rejected.ticket["extension_until"] == nil)
        #expect(rejected.operation == "reject")
    }

    @Test func tooLateWithoutReasonOrNotLaterIsRefused() throws {
        let ticket = try ticket()
        #expect(throws: WorkflowError.extensionTooLate(due: "2024-05-14 09:00", latest: "2024-05-14 05:00", notice: 14_400)) {
            try engine.extend(ticket, until: t("2024-05-15 18:00"), reason: "来不及", by: Fixtures.zhang, at: t("2024-05-14 05:01"))
        }
        #expect(throws: WorkflowError.reasonRequired(action: "extend")) {
            try engine.extend(ticket, until: t("2024-05-15 18:00"), reason: " ", by: Fixtures.zhang, at: t("2024-05-13 12:00"))
        }
        #expect(throws: WorkflowError.extensionNotLater(until: "2024-05-13 18:00", due: "2024-05-14 09:00")) {
            try engine.extend(ticket, until: t("2024-05-13 18:00"), reason: "x", by: Fixtures.zhang, at: t("2024-05-13 12:00"))
        }
        #expect(throws: WorkflowError.roleNotAllowed(handle: "li", action: "extend", roles: ["handler", "supervisor"])) {
            try engine.extend(ticket, until: t("2024-05-15 18:00"), reason: "x", by: Fixtures.li, at: t("2024-05-13 12:00"))
        }
    }

    @Test func dueChangedByHandIsRefused() throws {
        let old = try ticket()
        var new = old
        new["due"] = "2024-05-20T18:00:00+08:00"
        let findings = engine.validate(old: old, new: new, author: Fixtures.wang)
        #expect(findings.map(\.rule) == ["due-change"])
        let lines = TicketFile.render(new, layout: schema.layout).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[findings[0].line - 1].hasPrefix("due: "))
        #expect(findings[0].file == "tickets/2024/05/CS-20240513-EXT001.md")
    }
}
