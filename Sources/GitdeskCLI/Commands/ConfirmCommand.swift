import ArgumentParser
import TicketCore

/// `gitdesk confirm ID --rating 1..5 [--feedback S]`
struct ConfirmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Record the customer's confirmation and rating; the ticket is resolved (已解决).",
        discussion: "The rating is 1–5, or 满意 / 一般 / 不满意 (5 / 3 / 1). A customer who rejects the solution: gitdesk reopen --reason."
    )

    /// A rating as typed: a number, or one of the documents' words.
    struct Rating: ExpressibleByArgument {
        static let words = ["满意": 5, "一般": 3, "不满意": 1]
        var value: Int
        init?(argument: String) {
            guard let v = Int(argument.trimmed()) ?? Self.words[argument.trimmed()] else { return nil }
            value = v
        }
    }

    @Argument(help: "Ticket ID or a unique prefix.", completion: DeskCompletion.ticketIDs) var id: String
    @Option(help: ArgumentHelp("1–5, or 满意 / 一般 / 不满意.", valueName: "1..5")) var rating: Rating
    @Option(help: "What was told to the customer, and how (反馈结果).") var feedback: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try WorkflowSession(global).apply(id) { engine, ticket, person, now in
            try engine.confirm(ticket, rating: rating.value, feedback: feedback, by: person, at: now)
        }
    }
}
