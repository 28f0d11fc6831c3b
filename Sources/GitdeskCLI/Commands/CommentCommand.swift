import ArgumentParser
import TicketCore
import TicketStore

/// `gitdesk comment ID TEXT`
struct CommentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comment",
        abstract: "Add an entry to a ticket's processing log (处理记录)."
    )

    @Argument(help: "Ticket ID or a unique prefix.", completion: DeskCompletion.ticketIDs) var id: String
    @Argument(help: "What was done or found.") var text: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let desk = try global.openDesk()
        guard !text.trimmed().isEmpty else { throw CLIError(.emptyComment) }
        let person = try global.person(in: desk)
        let now = try global.now(in: desk)
        let result = try desk.apply(id, by: person, at: now) { engine, ticket in
            try engine.comment(ticket, text: text, by: person, at: now)
        }
        let language = global.language(for: desk)
        print(Message(.commentLogged, ["id": .text(result.id)]).render(language))
        MaskNotice.print(result, schema: desk.schema, language: language)
    }
}
