import ArgumentParser
import TicketCore

/// `gitdesk approve ID [--reject] [--reason S]`
struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve (or --reject) a ticket's pending extension; supervisors only.",
        usage: HelpText.usage("gitdesk approve <id> [--reject] [--reason <reason>] [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: "Approving moves `due` to the time asked for; rejecting keeps it."
    )

    @Argument(help: "Ticket ID or a unique prefix.", completion: DeskCompletion.ticketIDs) var id: String
    @Flag(help: "Reject the extension instead.") var reject = false
    @Option(help: "Why (logged).") var reason: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try WorkflowSession(global).apply(id) { engine, ticket, person, now in
            try engine.approve(ticket, reject: reject, reason: reason, by: person, at: now)
        }
    }
}
