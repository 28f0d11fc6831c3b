import ArgumentParser
import TicketCore
import TicketStore

/// `gitdesk repair` (after a killed write) and `gitdesk repair ID FIELD=VALUE... --reason S`
/// (a ticket holding a value the schema does not know).
struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Finish what a killed gitdesk write left, or repair a ticket holding a value the schema does not know.",
        usage: HelpText.usage("gitdesk repair [<id> <assignments> ... --reason <reason>] [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: """
            Without arguments: a write killed after it moved the branch leaves the working tree and the index behind \
            (git status shows its files as deleted or changed, and the client hooks refuse commits). \
            repair brings those files to what the branch holds and removes the temporary files and \
            the branch lock of dead gitdesk processes. It commits nothing; the next gitdesk write does the same.
            With ID FIELD=VALUE... --reason S (admin, supervisor): for a ticket edited by hand past the checks \
            (status: bogus, a field the schema lacks), takes each named field from its unknown value to a valid \
            one (an empty VALUE removes an unknown field), logged with the reason. Fields that hold a valid value \
            are refused: their own commands apply.
            """
    )

    @Argument(help: "Ticket ID or a unique prefix (to repair a value).", completion: DeskCompletion.ticketIDs) var id: String?
    @Argument(help: "FIELD=VALUE pairs.") var assignments: [String] = []
    @Option(help: "Why the ticket is repaired (logged).") var reason: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard id != nil else {
            if reason != nil { throw ValidationError("--reason goes with ID FIELD=VALUE") }
            return
        }
        guard !assignments.isEmpty else { throw ValidationError("give at least one FIELD=VALUE after the ID") }
        for a in assignments where !a.contains("=") {
            throw ValidationError("'\(a)' is not FIELD=VALUE")
        }
    }

    func run() throws {
        guard let id else {
            let desk = try global.openDesk()
            let repaired = try desk.repairInterruptedWrite()
            if repaired.isEmpty { print(Speech.say(Message(.nothingToRepair))) }
            for line in repaired { print(Speech.say(line)) }
            return
        }
        let values = assignments.map { a -> (key: String, value: String) in
            let eq = a.firstIndex(of: "=")!
            return (String(a[..<eq]).trimmed(), String(a[a.index(after: eq)...]))
        }
        try WorkflowSession(global).apply(id) { engine, ticket, person, now in
            try engine.repair(ticket, values: values, reason: reason, by: person, at: now)
        }
    }
}
