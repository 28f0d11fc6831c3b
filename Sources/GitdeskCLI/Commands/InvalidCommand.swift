import ArgumentParser
import TicketCore

/// `gitdesk invalid ID --reason S`
struct InvalidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invalid",
        abstract: "Mark spam or irrelevant feedback invalid (无效): kept on file, never processed.",
        usage: HelpText.usage("gitdesk invalid <id> --reason <reason> [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: "Needs a reason. A supervisor or QA can restore it with gitdesk reopen."
    )

    @Argument(help: "Ticket ID or a unique prefix.", completion: DeskCompletion.ticketIDs) var id: String
    @Option(help: "Why it is invalid (logged).") var reason: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try WorkflowSession(global).apply(id) { engine, ticket, person, now in
            try engine.invalid(ticket, reason: reason, by: person, at: now)
        }
    }
}
