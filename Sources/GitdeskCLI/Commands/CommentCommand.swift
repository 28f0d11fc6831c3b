import ArgumentParser
import TicketCore
import TicketStore

/// `gitdesk comment ID TEXT`
struct CommentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comment",
        abstract: "Add an entry to a ticket's processing log (处理记录)."
    )

    @Argument(help: "Ticket ID or a unique prefix.") var id: String
    @Argument(help: "What was done or found.") var text: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let body = text.trimmed()
        guard !body.isEmpty else { throw CLIError("the comment is empty") }
        let desk = try global.openDesk()
        let person = try global.person(in: desk)
        let now = try global.now(in: desk)
        let result = try desk.update(id, operation: "comment", by: person, at: now) { old in
            var ticket = old
            ticket.log.append(LogEntry(time: now, operator: person.handle, text: body))
            let first = body.split(separator: "\n").first.map(String.init) ?? body
            return (ticket, "comment: " + (first.count > 60 ? String(first.prefix(60)) + "…" : first))
        }
        print("\(result.id): logged")
    }
}
