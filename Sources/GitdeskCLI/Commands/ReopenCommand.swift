import ArgumentParser
import TicketCore

/// `gitdesk reopen ID --reason S [--priority P] [--description S]`
struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen",
        abstract: "Reopen a ticket: the customer rejected the solution, or the problem recurred.",
        usage: HelpText.usage("gitdesk reopen <id> --reason <reason> [--priority <priority>] [--description <description>] [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: """
            Needs a reason. A new priority replaces the old one; --description is added \
            under a dated line. Rating, confirmation and archiving are cleared, and a \
            recurring ticket gets a new deadline from the SLA policy.
            """
    )

    @Argument(help: "Ticket ID or a unique prefix.", completion: DeskCompletion.ticketIDs) var id: String
    @Option(help: "Why it is reopened (logged).") var reason: String
    @Option(help: "A new priority: urgent, high, medium, low.") var priority: String?
    @Option(help: "What is new about the problem.") var description: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try WorkflowSession(global).apply(id) { engine, ticket, person, now in
            try engine.reopen(ticket, reason: reason, priority: priority, description: description, by: person, at: now)
        }
    }
}
