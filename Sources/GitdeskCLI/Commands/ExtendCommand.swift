import ArgumentParser
import TicketCore

/// `gitdesk extend ID --until TIME --reason S`
struct ExtendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend",
        abstract: "Ask for a later deadline (延期申请); a supervisor approves it with gitdesk approve.",
        usage: HelpText.usage("gitdesk extend <id> --until <time> --reason <reason> [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: """
            Ask at least the SLA policy's extension_notice (4 h, at most a quarter of the \
            ticket's resolution target: 1 h for urgent) before the ticket falls due, with a reason. `due` changes only once the extension is approved. TIME \
            without an offset is read in the desk's time zone: '2024-05-21 18:00'.
            """
    )

    @Argument(help: "Ticket ID or a unique prefix.", completion: DeskCompletion.ticketIDs) var id: String
    @Option(help: ArgumentHelp("The new deadline asked for.", valueName: "time")) var until: String
    @Option(help: "Why the deadline cannot be met (logged).") var reason: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let session = try WorkflowSession(global)
        let until = try session.time(self.until, option: "--until")
        try session.apply(id) { engine, ticket, person, now in
            try engine.extend(ticket, until: until, reason: reason, by: person, at: now)
        }
    }
}
