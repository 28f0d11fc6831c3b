import ArgumentParser
import TicketCore
import TicketStore

/// `gitdesk list`
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List tickets, newest first, with filters."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @OptionGroup var filters: FilterOptions
    @OptionGroup var order: OrderOptions
    @Option(help: "Output format: table, json or csv.") var format: Format = .table
    @OptionGroup var display: DisplayOptions
    @OptionGroup var revision: RevisionOption
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let head = try global.openDesk()
        PendingRepairNotice.say(head.interruptedWrite)
        let (desk, now) = try revision.apply(to: head, now: try global.now(in: head))
        // Filters may name a value by key or by its zh / en label (--status 已关闭).
        let filter = try filters.filter(desk: desk, now: now)
        let (sort, limit) = try order.order(desk: desk)
        let answer = try desk.query(filter, sort: sort, limit: limit, at: now)
        for bad in answer.unreadable {  // a parse error already names file:line
            printError("warning: " + (bad.error.hasPrefix(bad.path) ? bad.error : "\(bad.path): \(bad.error)"))
        }
        // A hand-edited file may hold raw personal data: masked on the way out.
        let tickets = answer.tickets.map { PrivacyGuard.displayed($0, schema: desk.schema) }
        let lang = global.language(for: desk)
        let palette = display.start()
        let presenter = TicketPresenter(schema: desk.schema, language: lang, palette: palette)
        switch format {
        case .json:
            print(JSONValue.array(tickets.map { presenter.json($0, sla: SLAClock.status(of: $0, at: now, schema: desk.schema)) }).serialised())
        case .csv:
            let keys = desk.schema.fields.map(\.key)
            var out = CSVWriter.line(keys)
            for t in tickets { out += CSVWriter.line(keys.map { t[$0] ?? "" }) }
            print(out, terminator: "")
        case .table:
            let columns = ["id", "status", "priority", "type", "title", "assignee", "due"]
            var table = TextTable(headers: columns.map { desk.schema.label(field: $0, lang) })
            table.palette = palette
            for t in tickets {
                let sla = t["due"] == nil ? nil : SLAClock.status(of: t, at: now, schema: desk.schema)
                table.append(columns.map { presenter.display(t, $0, sla: sla) },
                             styles: columns.map { presenter.style(of: $0, in: t, sla: sla) })
            }
            print(table.render(), terminator: "")
            if tickets.isEmpty { print(lang == .zh ? "（没有符合条件的工单）" : "(no tickets match)") }
        }
    }
}
