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

    @Option(help: "Only this status (a key, e.g. in_progress).") var status: String?
    @Option(help: "Only this type.") var type: String?
    @Option(help: "Only this priority.") var priority: String?
    @Option(help: "Only tickets assigned to this handle.") var assignee: String?
    @Flag(help: "Only open tickets past their resolution deadline (SLA, pauses counted).") var overdue = false
    @Option(help: ArgumentHelp("Only open tickets whose deadline (SLA, pauses counted) falls before this time.", valueName: "time"))
    var dueBefore: String?
    @Option(help: "Output format: table, json or csv.") var format: Format = .table
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let desk = try global.openDesk()
        // Filters may name a value by key or by its zh / en label (--status 已关闭).
        let status = try resolve("status", self.status, desk)
        let type = try resolve("type", self.type, desk)
        let priority = try resolve("priority", self.priority, desk)
        let now = try global.now(in: desk)
        let before = try dueBefore.map { text in
            guard let t = desk.parseTime(text, near: now) else {
                throw CLIError("--due-before '\(text)' is not a date-time like 2024-05-02 18:00")
            }
            return t
        }
        let (all, unreadable) = try desk.allTickets()
        for bad in unreadable {  // a parse error already names file:line
            printError("warning: " + (bad.error.hasPrefix(bad.path) ? bad.error : "\(bad.path): \(bad.error)"))
        }
        let tickets = all.filter { t in
            guard (status == nil || t.status == status) && (type == nil || t["type"] == type)
                && (priority == nil || t["priority"] == priority) && (assignee == nil || t["assignee"] == assignee)
            else { return false }
            guard overdue || before != nil else { return true }
            let sla = SLAClock.status(of: t, at: now, schema: desk.schema)
            if overdue && !sla.isOverdue { return false }
            if let before {
                guard let resolve = sla.resolve, resolve.stopped == nil, !desk.schema.workflow.isTerminal(t.status),
                      resolve.due < before else { return false }
            }
            return true
        }.sorted { ($0["created"] ?? "", $0.id) > ($1["created"] ?? "", $1.id) }
        let lang = global.language(for: desk)
        let presenter = TicketPresenter(schema: desk.schema, language: lang)
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
            for t in tickets {
                let sla = t["due"] == nil ? nil : SLAClock.status(of: t, at: now, schema: desk.schema)
                table.append(columns.map { presenter.display(t, $0, sla: sla) })
            }
            print(table.render(), terminator: "")
            if tickets.isEmpty { print(lang == .zh ? "（没有符合条件的工单）" : "(no tickets match)") }
        }
    }

    private func resolve(_ key: String, _ typed: String?, _ desk: Desk) throws -> String? {
        guard let typed else { return nil }
        let value: String
        do { value = try desk.schema.valueKey(typed: typed, of: key) } catch { throw CLIError("--\(key): \(error.description)") }
        try checkFilter(key, value, desk)
        return value
    }

    private func checkFilter(_ key: String, _ value: String?, _ desk: Desk) throws {
        guard let value else { return }
        if let problem = FieldValueCheck.problem(key: key, value: value, schema: desk.schema, team: nil) {
            throw CLIError("--\(key): \(problem)")
        }
    }
}
