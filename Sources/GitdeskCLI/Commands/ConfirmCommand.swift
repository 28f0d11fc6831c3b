import ArgumentParser
import TicketCore

/// `gitdesk confirm ID --rating 1..5 [--feedback S]`
struct ConfirmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Record the customer's confirmation and rating; the ticket is resolved (已解决).",
        discussion: "The rating is 1–5, or 满意 / 一般 / 不满意 (5 / 3 / 1). A customer who rejects the solution: gitdesk reopen --reason."
    )

    /// A rating as typed: a number, or a word for it in Chinese or English.
    struct Rating: ExpressibleByArgument {
        var value: Int
        init?(argument: String) {
            guard let v = Int(argument.trimmed()) ?? SatisfactionWords.value(of: argument) else { return nil }
            value = v
        }
        static var allValueStrings: [String] { ["1", "2", "3", "4", "5"] + SatisfactionWords.all.map(\.word) }
    }

    @Argument(help: "Ticket ID or a unique prefix.", completion: DeskCompletion.ticketIDs) var id: String
    @Option(help: ArgumentHelp("1–5, or a word: 满意, 非常满意, satisfied …", valueName: "1..5")) var rating: Rating
    @Option(help: "What was told to the customer, and how (反馈结果).") var feedback: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try WorkflowSession(global).apply(id) { engine, ticket, person, now in
            try engine.confirm(ticket, rating: rating.value, feedback: feedback, by: person, at: now)
        }
    }
}
