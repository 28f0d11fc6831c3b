import ArgumentParser
import TicketCore
import TicketStore

/// `gitdesk set ID FIELD=VALUE...`
struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set fields of a ticket (one commit for all of them).",
        usage: HelpText.usage("gitdesk set <id> <assignments> ... [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: """
            FIELD is a schema key (title, priority, module, ...); an empty VALUE clears the \
            field. Fields a workflow step owns are changed by that step's command: status \
            (move), satisfaction (confirm), due (extend + approve), archived (archive), \
            assignee and department (assign). A new priority recomputes the deadline.
            """
    )

    @Argument(help: "Ticket ID or a unique prefix.", completion: DeskCompletion.ticketIDs) var id: String
    @Argument(help: "FIELD=VALUE pairs.") var assignments: [String]
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
        let session = try WorkflowSession(global)
        try session.apply(id) { engine, ticket, person, now in
            try engine.set(ticket, values: values, by: person, at: now) { session.desk.parseTime($0, near: now) }
        }
    }
}
