import ArgumentParser
import TicketCore

/// `gitdesk resolve ID --solution S [--root-cause S]`, `gitdesk resolve ID --template T`
struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Record the solution; the ticket waits for the customer (待确认).",
        usage: HelpText.usage("gitdesk resolve <id> [--solution <solution>] [--root-cause <root-cause>] [--template <template>] [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: HelpText.fitted("""
            Complaints and faults need their root cause (根因分析) first: give --root-cause or set it beforehand. \
            --template T fills the solution from template T's steps, the root cause (when the ticket has none) and \
            the feedback from its customer wording, and logs which template; a major template needs a supervisor's approval first.
            """)
    )

    @Argument(help: "Ticket ID or a unique prefix.", completion: DeskCompletion.ticketIDs) var id: String
    @Option(help: "What was done, by whom, by when.") var solution: String?
    @Option(help: "Root-cause analysis (5W1H).") var rootCause: String?
    @Option(help: "Use this template of the library (name or unique prefix).") var template: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard solution != nil || template != nil else { throw ValidationError("give --solution or --template") }
    }

    func run() throws {
        let session = try WorkflowSession(global)
        if let template {
            let result = try session.desk.resolve(id, template: template, solution: solution, rootCause: rootCause,
                                                  by: session.person, at: session.now)
            session.print(result)
            return
        }
        try session.apply(id) { engine, ticket, person, now in
            try engine.resolve(ticket, solution: solution!, rootCause: rootCause, by: person, at: now)
        }
    }
}
