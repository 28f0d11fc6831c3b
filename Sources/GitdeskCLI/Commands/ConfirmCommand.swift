import ArgumentParser
import TicketCore

/// `gitdesk confirm ID --rating 1..5 [--feedback S]`
struct ConfirmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Record the customer's confirmation and rating; the ticket is resolved (已解决).",
        usage: HelpText.usage("gitdesk confirm <id> --rating <1..5> [--feedback <feedback>] [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: HelpText.fitted("The rating is 1–5, or a word: 满意 / 一般 / 不满意 (5 / 3 / 1), 非常满意 (5), 比较满意 (4), 不太满意 (2), 非常不满意 (1), or in English: very satisfied, satisfied, fairly satisfied, neutral, fairly dissatisfied, dissatisfied, very dissatisfied. A customer who rejects the solution: gitdesk reopen --reason.")
    )

    /// A rating as typed: a number, or a word for it in Chinese or English.
    struct Rating: ExpressibleByArgument {
        var value: Int
        init?(argument: String) {
            guard let v = Int(argument.trimmed()) ?? SatisfactionWords.value(of: argument) else { return nil }
            value = v
        }
    }

    @Argument(help: "Ticket ID or a unique prefix.", completion: DeskCompletion.ticketIDs) var id: String
    @Option(help: ArgumentHelp("1–5, or a word (满意, satisfied: see above).", valueName: "1..5")) var rating: Rating
    @Option(help: "What was told to the customer, and how (反馈结果).") var feedback: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try WorkflowSession(global).apply(id) { engine, ticket, person, now in
            try engine.confirm(ticket, rating: rating.value, feedback: feedback, by: person, at: now)
        }
    }
}
