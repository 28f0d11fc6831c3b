import ArgumentParser
import TicketCore

/// `gitdesk resolve ID --solution S [--root-cause S]`
struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Record the solution; the ticket waits for the customer (待确认).",
        discussion: HelpText.fitted("Complaints and faults need their root cause (根因分析) first: give --root-cause or set it beforehand.")
    )

    @Argument(help: "Ticket ID or a unique prefix.", completion: DeskCompletion.ticketIDs) var id: String
    @Option(help: "What was done, by whom, by when.") var solution: String
    @Option(help: "Root-cause analysis (5W1H).") var rootCause: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try WorkflowSession(global).apply(id) { engine, ticket, person, now in
            try engine.resolve(ticket, solution: solution, rootCause: rootCause, by: person, at: now)
        }
    }
}
