import ArgumentParser
import TicketCore
import TicketStore

/// `gitdesk show ID`
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one ticket: fields, SLA clocks, texts, contacts and log.",
        usage: HelpText.usage("gitdesk show <id> [--json] [--color <when>] [--no-color] [--no-pager] [--at <REV>] [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: "ID may be the whole ID or a unique prefix of it or of its random suffix."
    )

    @Argument(help: "Ticket ID or a unique prefix of it or of its suffix.", completion: DeskCompletion.ticketIDs) var id: String
    @Flag(help: "Print one JSON object keyed by the schema's field keys, plus contacts, log and sla.") var json = false
    @OptionGroup var display: DisplayOptions
    @OptionGroup var revision: RevisionOption
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let head = try global.openDesk()
        PendingRepairNotice.say(head.interruptedWrite)
        let (desk, now) = try revision.apply(to: head, now: try global.now(in: head))
        let (_, path, parsed) = try desk.ticket(id)
        let sla = SLAClock.status(of: parsed.ticket, at: now, schema: desk.schema)
        let arrivals = desk.slaArrivals(path: path, ticket: parsed.ticket, sla: sla)
        let presenter = TicketPresenter(schema: desk.schema, language: global.language(for: desk), palette: display.start())
        // A hand-edited file may hold raw personal data: masked on the way out.
        let shown = PrivacyGuard.displayed(parsed.ticket, schema: desk.schema)
        if json {
            print(presenter.json(shown, sla: sla, arrivals: arrivals).serialised())
        } else {
            print(presenter.text(shown, sla: sla, arrivals: arrivals), terminator: "")
        }
    }
}
