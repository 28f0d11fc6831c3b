import Foundation
import ArgumentParser
import TicketCore

/// `gitdesk resolve ID --solution S [--root-cause S]`, `gitdesk resolve ID --template T`
struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Record the solution; the ticket waits for the customer (待确认).",
        usage: HelpText.usage("gitdesk resolve <id> [--solution <solution>] [--root-cause <root-cause>] [--template <template>] [--fill <NAME=VALUE> ...] [--force] [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: HelpText.fitted("""
            Complaints and faults need their root cause (根因分析) first: give --root-cause or set it beforehand. \
            --template T fills the solution from template T's steps, the root cause (when the ticket has none) and \
            the feedback from its customer wording, and logs which template; a major template needs a supervisor's approval first.
            """)
    )

    @Argument(help: "Ticket ID or a unique prefix.", completion: DeskCompletion.ticketIDs) var id: String
    @Option(help: "What was done, by whom, by when.") var solution: String?
    @Option(help: "Root-cause analysis (5W1H).") var rootCause: String?
    @Option(help: "Use this template of the library (name or unique prefix).") var template: String?
    @Option(help: ArgumentHelp("Fill a template placeholder: 客户=张女士 for 〔客户〕 (repeatable).", valueName: "NAME=VALUE")) var fill: [String] = []
    @Flag(help: "Use a template made for another type of ticket.") var force = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard solution != nil || template != nil else { throw ValidationError("give --solution or --template") }
    }

    func run() throws {
        let session = try WorkflowSession(global)
        if let template {
            var values: [String: String] = [:]
            for pair in fill {
                guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                    throw ValidationError("--fill \(pair): write NAME=VALUE, e.g. --fill 客户=张女士")
                }
                values[String(pair[..<eq]).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "〔", with: "").replacingOccurrences(of: "〕", with: "")] = String(pair[pair.index(after: eq)...])
            }
            let result = try session.desk.resolve(id, template: template, solution: solution, rootCause: rootCause,
                                                  fill: values, force: force, by: session.person, at: session.now)
            session.print(result)
            return
        }
        try session.apply(id) { engine, ticket, person, now in
            try engine.resolve(ticket, solution: solution!, rootCause: rootCause, by: person, at: now)
        }
    }
}
