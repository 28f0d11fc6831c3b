import Testing
import TicketCore
import TestSupport

/// The workflow's validation rules on hand-edited files, as the git hooks see them.
@Suite struct ValidationRuleTests {
    let schema = Fixtures.schema
    var engine: WorkflowEngine { WorkflowEngine(schema: schema, team: Fixtures.team) }
    func t(_ s: String) -> Timestamp { Fixtures.t(s) }

    func inProgress() throws -> Ticket {
        let created = try engine.create(id: "CS-20240513-VAL001", fields: Fixtures.complaintFields, by: Fixtures.li, at: t("2024-05-13 09:00")).ticket
        return try engine.move(created, to: "in_progress", by: Fixtures.zhang, at: t("2024-05-13 09:10")).ticket
    }

    func rules(_ old: Ticket, _ new: Ticket, _ author: Person = Fixtures.zhang, path: String? = nil) -> [String] {
        let parsed = try! TicketFile.parse(TicketFile.render(new, layout: schema.layout))
        let context = ValidationContext(schema: schema, team: Fixtures.team, path: path ?? TicketPath.path(of: new)!,
                                        old: old, new: parsed, author: author)
        return Validator().validate(context).map(\.rule)
    }

    @Test func theEnginesOwnChangesPass() throws {
        let old = try inProgress()
        let new = try engine.comment(old, text: "已联系技术排查", by: Fixtures.zhang, at: t("2024-05-13 09:20")).ticket
        #expect(rules(old, new).isEmpty)
    }

    @Test func logIsAppendOnly() throws {
        let old = try inProgress()
        var edited = old
        edited.log[0].text = "改写历史"
        #expect(rules(old, edited) == ["append-only"])
        var removed = old
        removed.log.removeLast()
        #expect(rules(old, removed).contains("append-only"))
    }

    @Test func onlyAnOpenFollowUpMayChangeInTheCommunicationLog() throws {
        let base = try inProgress()
        let old = try engine.contact(base, channel: "phone", summary: "客户来电", followUp: "明日电话确认",
                                     followUpBy: t("2024-05-14 18:00"), by: Fixtures.li, at: t("2024-05-13 10:00")).ticket
        var done = old
        done.contacts[0].done = true
        #expect(rules(old, done).isEmpty)
        var rewritten = old
        rewritten.contacts[0].summary = "改写"
        #expect(rules(old, rewritten) == ["append-only"])
    }

    @Test func idAndCreatedAreImmutableAndThePathFollowsThem() throws {
        let old = try inProgress()
        var moved = old
        moved["created"] = "2024-06-01T09:00:00+08:00"
        #expect(rules(old, moved, path: "tickets/2024/05/CS-20240513-VAL001.md") == ["immutable", "path"])
        #expect(rules(old, old, path: "tickets/2024/06/CS-20240513-VAL001.md") == ["path"])
    }

    @Test func reasonMustBeLoggedWhereTheTableRequiresIt() throws {
        let old = try inProgress()
        var new = old
        new["status"] = "invalid"
        new.log.append(LogEntry(time: t("2024-05-13 09:30"), operator: "zhang", text: "标记为无效 [status: in_progress → invalid]"))
        #expect(rules(old, new) == ["reason"])
        new.log[new.log.count - 1].text += "\n原因：重复提交"
        #expect(rules(old, new).isEmpty)
    }

    @Test func archivingByHandNeedsTheArchivePermission() throws {
        var closed = try inProgress()
        closed = try engine.resolve(closed, solution: "修复", rootCause: "接口超时", by: Fixtures.zhang, at: t("2024-05-13 10:00")).ticket
        closed = try engine.confirm(closed, rating: 3, by: Fixtures.li, at: t("2024-05-13 11:00")).ticket
        closed = try engine.close(closed, by: Fixtures.li, at: t("2024-05-13 12:00")).ticket
        var archived = closed
        archived["archived"] = t("2024-05-13 13:00").iso8601
        // Without the archive entry the field changed without its step.
        #expect(rules(closed, archived, Fixtures.zhao) == ["step-field"])
        for who in [Fixtures.li, Fixtures.zhao] {
            archived.log = closed.log + [LogEntry(time: t("2024-05-13 13:00"), operator: who.handle, text: "归档 [archived]")]
            #expect(rules(closed, archived, who) == (who.handle == "li" ? ["permission"] : []))
        }
    }

    @Test func satisfactionOutsideOneToFiveAndAForeignSubtypeAreFound() throws {
        let old = try inProgress()
        var new = old
        new["satisfaction"] = "6"
        new["subtype"] = "hardware"  // a fault subtype on a complaint
        // A rating only comes with a confirm step.
        #expect(Set(rules(old, new)) == ["field-value", "step-field"])
    }
}
