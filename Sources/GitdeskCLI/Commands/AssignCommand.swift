import ArgumentParser
import TicketCore

/// `gitdesk assign ID HANDLE [--department D]`
struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Name a ticket's handler (处理人) and responsible department.",
        usage: HelpText.usage("gitdesk assign <id> <handle> [--department <department>] [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: "The department defaults to the handler's own department in team.yaml."
    )

    @Argument(help: "Ticket ID or a unique prefix.", completion: DeskCompletion.ticketIDs) var id: String
    @Argument(help: "The handler's handle from team.yaml.") var handle: String
    @Option(help: "Responsible department key, e.g. after_sales.") var department: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try WorkflowSession(global).apply(id) { engine, ticket, person, now in
            try engine.assign(ticket, to: handle, department: department, by: person, at: now)
        }
    }
}
