import ArgumentParser
import TicketCore
import TicketStore

/// `gitdesk remind [--all] [--json]`
struct RemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "What you must act on: overdue and due-soon tickets, open follow-ups, extensions to approve.",
        usage: HelpText.usage("gitdesk remind [--all] [--json] [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: """
            Shows the operator's own items (--as HANDLE, GITDESK_OPERATOR or git config), \
            or everyone's with --all. Overdue and due-soon tickets go to their assignee, \
            open follow-ups to whoever logged the contact, pending extensions to the \
            supervisors who approve them.
            """
    )

    @Flag(help: "Everyone's items, not just the operator's.") var all = false
    @Flag(help: "Print an array of {kind, ticket, handle, due, detail}.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let desk = try global.openDesk()
        let now = try global.now(in: desk)
        let handle = all ? nil : try global.person(in: desk).handle
        let (tickets, unreadable) = try desk.allTickets()
        for bad in unreadable { printError("warning: \(bad.path): \(bad.error)") }
        let reminders = Reminders.compute(tickets: tickets, team: desk.team, now: now, for: handle, schema: desk.schema)
        if json {
            print(JSONValue.array(reminders.map { r in
                .object([
                    ("kind", .string(r.kind.rawValue)), ("ticket", .string(r.ticketID)), ("handle", .string(r.handle)),
                    ("due", r.due.map { .string($0.iso8601) } ?? .null), ("detail", .string(r.detail)),
                ])
            }).serialised())
            return
        }
        let p = TicketPresenter(schema: desk.schema, language: global.language(for: desk))
        guard !reminders.isEmpty else {
            print(p.say("没有待办事项。", "Nothing to act on."))
            return
        }
        var headers = [p.say("事项", "What"), p.schema.label(field: "id", p.language), p.say("截止", "Due"), p.say("内容", "Detail")]
        if all { headers.insert(p.say("负责人", "Who"), at: 1) }
        var table = TextTable(headers: headers)
        table.maxColumnWidth = 60
        for r in reminders {
            var row = [r.kind.label(p.language), r.ticketID, r.due?.shortDisplay ?? "-", r.detail]
            if all { row.insert(r.handle, at: 1) }
            table.append(row)
        }
        print(table.render(), terminator: "")
    }
}
