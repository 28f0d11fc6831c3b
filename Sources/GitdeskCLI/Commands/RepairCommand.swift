import ArgumentParser
import TicketCore

/// `gitdesk repair ID FIELD=VALUE... --reason S`
struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Repair a ticket whose file holds a value the schema does not know (admin, supervisor).",
        usage: HelpText.usage("gitdesk repair <id> <assignments> ... --reason <reason> [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: """
            For a ticket edited by hand past the checks (status: bogus, a field the schema \
            lacks): takes each named field from its unknown value to a valid one (an empty \
            VALUE removes an unknown field), logged with the reason. Fields that hold a \
            valid value are refused: their own commands apply.
            """
    )

    @Argument(help: "Ticket ID or a unique prefix.", completion: DeskCompletion.ticketIDs) var id: String
    @Argument(help: "FIELD=VALUE pairs.") var assignments: [String]
    @Option(help: "Why the ticket is repaired (logged).") var reason: String
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard !assignments.isEmpty else { throw ValidationError("give at least one FIELD=VALUE") }
        for a in assignments where !a.contains("=") {
            throw ValidationError("'\(a)' is not FIELD=VALUE")
        }
    }

    func run() throws {
        let values = assignments.map { a -> (key: String, value: String) in
            let eq = a.firstIndex(of: "=")!
            return (String(a[..<eq]).trimmed(), String(a[a.index(after: eq)...]))
        }
        try WorkflowSession(global).apply(id) { engine, ticket, person, now in
            try engine.repair(ticket, values: values, reason: reason, by: person, at: now)
        }
    }
}
