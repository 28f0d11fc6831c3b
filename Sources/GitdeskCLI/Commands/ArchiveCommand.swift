import ArgumentParser
import TicketCore

/// `gitdesk archive ID`
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Archive a closed or invalid ticket (归档): sets the archived time, the status stays.",
        discussion: "QA and supervisors archive; gitdesk sweep archives closed tickets on its own."
    )

    @Argument(help: "Ticket ID or a unique prefix.", completion: DeskCompletion.ticketIDs) var id: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try WorkflowSession(global).apply(id) { engine, ticket, person, now in
            try engine.archive(ticket, by: person, at: now)
        }
    }
}
