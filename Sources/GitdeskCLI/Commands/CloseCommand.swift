import ArgumentParser
import TicketCore

/// `gitdesk close ID`
struct CloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Close a resolved ticket (已关闭).",
        discussion: "gitdesk sweep closes resolved tickets on its own after 24 h."
    )

    @Argument(help: "Ticket ID or a unique prefix.", completion: DeskCompletion.ticketIDs) var id: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try WorkflowSession(global).apply(id) { engine, ticket, person, now in
            try engine.close(ticket, by: person, at: now)
        }
    }
}
