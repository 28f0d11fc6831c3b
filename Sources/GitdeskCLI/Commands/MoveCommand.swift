import ArgumentParser
import TicketCore

/// `gitdesk move ID STATUS [--reason S]`
struct MoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: "Move a ticket to another status (a workflow transition).",
        usage: HelpText.usage("gitdesk move <id> <status> [--reason <reason>] [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: """
            The allowed moves, who may make them and which need a reason come from \
            .gitdesk/schema/workflow.yaml; a refused move names the statuses allowed from here.
            """
    )

    @Argument(help: "Ticket ID or a unique prefix.", completion: DeskCompletion.ticketIDs) var id: String
    @Argument(help: "The status key to move to, e.g. in_progress.") var status: String
    @Option(help: "Why (logged; some transitions require it).") var reason: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try WorkflowSession(global).apply(id) { engine, ticket, person, now in
            try engine.move(ticket, to: status, reason: reason, by: person, at: now)
        }
    }
}
