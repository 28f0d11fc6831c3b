import ArgumentParser
import TicketCore
import TicketStore

/// `gitdesk set ID FIELD=VALUE...`
struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set fields of a ticket (one commit for all of them).",
        discussion: "FIELD is a schema key (title, priority, module, ...); an empty VALUE clears the field. Status changes go through 'gitdesk move'."
    )

    @Argument(help: "Ticket ID or a unique prefix.") var id: String
    @Argument(help: "FIELD=VALUE pairs.") var assignments: [String]
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard !assignments.isEmpty else { throw ValidationError("give at least one FIELD=VALUE") }
        for a in assignments where !a.contains("=") {
            throw ValidationError("'\(a)' is not FIELD=VALUE")
        }
    }

    func run() throws {
        let desk = try global.openDesk()
        let person = try global.person(in: desk)
        let now = try global.now(in: desk)
        var pairs: [(String, String)] = []
        for a in assignments {
            let eq = a.firstIndex(of: "=")!
            let key = String(a[..<eq]).trimmed()
            let value = String(a[a.index(after: eq)...]).trimmed()
            guard let field = desk.schema.field(key) else {
                throw CLIError("unknown field '\(key)' (fields: \(desk.schema.fields.map(\.key).joined(separator: ", ")))")
            }
            if field.system == true {
                throw CLIError("\(key) is set by gitdesk (use the workflow commands, e.g. 'gitdesk move' for status)")
            }
            pairs.append((key, value))
        }
        let result = try desk.update(id, operation: "set", by: person, at: now) { old in
            var ticket = old
            var changed: [String] = []
            for (key, value) in pairs {
                if !value.isEmpty, let problem = FieldValueCheck.problem(key: key, value: value, schema: desk.schema,
                                                                         team: desk.team, ticketType: pairs.first { $0.0 == "type" }?.1 ?? old["type"]) {
                    throw DeskError.invalidInput("\(key): \(problem)")
                }
                if ticket[key] != (value.isEmpty ? nil : Ticket.normalise(value)) {
                    ticket[key] = value
                    changed.append(key)
                }
            }
            guard !changed.isEmpty else { throw DeskError.nothingChanged(old.id) }
            let shown = changed.map { key in
                desk.schema.field(key)?.type == .longtext ? key : "\(key)=\(ticket[key] ?? "")"
            }
            ticket.log.append(LogEntry(time: now, operator: person.handle, text: "修改 (set) " + shown.joined(separator: ", ")))
            return (ticket, "set " + shown.joined(separator: ", "))
        }
        print("\(result.id): \(result.summary)".terminalSafe)
    }
}
