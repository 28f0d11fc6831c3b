import ArgumentParser
import TicketCore

/// `gitdesk contact ID --channel C --summary S [--follow-up S --by TIME]`,
/// `gitdesk contact ID --done N [--note S]`
struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact",
        abstract: "Log a contact (沟通记录), or close its follow-up with --done N.",
        usage: HelpText.usage("gitdesk contact <id> [--channel <channel>] [--summary <summary>] [--follow-up <follow-up>] [--by <time>] [--done <n>] [--note <note>] [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: """
            A follow-up ('call back tomorrow') stays open, and shows in gitdesk remind \
            for whoever logged it, until `gitdesk contact ID --done N` (N = the contact's \
            number in gitdesk show).
            """
    )

    @Argument(help: "Ticket ID or a unique prefix.", completion: DeskCompletion.ticketIDs) var id: String
    @Option(help: "Channel: phone, online_chat, email, social, community, app, web, offline.") var channel: String?
    @Option(help: "What was said and agreed.") var summary: String?
    @Option(help: "A follow-up action, e.g. 明日电话确认.") var followUp: String?
    @Option(help: ArgumentHelp("When the follow-up is due.", valueName: "time")) var by: String?
    @Option(help: ArgumentHelp("Close the open follow-up of contact number N.", valueName: "n")) var done: Int?
    @Option(help: "What was done (with --done).") var note: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if done != nil {
            guard channel == nil, summary == nil, followUp == nil, by == nil else {
                throw ValidationError("--done closes a follow-up: it takes only --note")
            }
        } else {
            guard channel != nil, summary != nil else { throw ValidationError("give --channel and --summary (or --done N)") }
            guard note == nil else { throw ValidationError("--note goes with --done") }
            if by != nil, followUp == nil { throw ValidationError("--by needs --follow-up") }
        }
    }

    func run() throws {
        let session = try WorkflowSession(global)
        if let done {
            try session.apply(id) { engine, ticket, person, now in
                try engine.completeFollowUp(ticket, number: done, note: note, by: person, at: now)
            }
            return
        }
        let due = try by.map { try session.time($0, option: "--by") }
        try session.apply(id) { engine, ticket, person, now in
            try engine.contact(ticket, channel: channel ?? "", summary: summary ?? "", followUp: followUp,
                               followUpBy: due, by: person, at: now)
        }
    }
}
