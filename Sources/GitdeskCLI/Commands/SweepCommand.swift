import ArgumentParser
import TicketCore
import TicketStore

/// `gitdesk sweep [--json]`
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Do what the desk does on its own: auto-confirm, close, archive, flag overdue.",
        discussion: """
            Follows workflow.yaml's `automation` (no answer 24 h after resolve counts as \
            confirmed; resolved for 24 h → closed; closed → archived) and flags open \
            tickets past their deadline. One commit per ticket changed; running it again \
            changes nothing. QA and supervisors run it (e.g. from cron: gitdesk sweep --as zhao).
            """
    )

    @Flag(help: "Print an array of {id, operations, summary, status, commit}.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let session = try WorkflowSession(global)
        let (desk, person, now) = (session.desk, session.person, session.now)
        let workflow = desk.schema.workflow
        guard workflow.permits("sweep", person) else {
            throw DeskError.workflow(.roleNotAllowed(handle: person.handle, action: "sweep", roles: workflow.roles(for: "sweep") ?? []))
        }
        let (tickets, unreadable) = try desk.allTickets()
        for bad in unreadable { printError("warning: \(bad.path): \(bad.error)") }
        var done: [(operations: [Sweep.Operation], result: ChangeResult)] = []
        var failures: [String] = []
        for action in Sweep.plan(tickets: tickets, now: now, schema: desk.schema) {
            do {
                if let applied = try Self.sweep(action.ticketID, desk: desk, by: person, at: now) { done.append(applied) }
            } catch {
                failures.append(action.ticketID)
                printError("gitdesk: \(action.ticketID): \(Speech.say(error))")
            }
        }
        if json {
            print(JSONValue.array(done.map { ops, r in
                .object([
                    ("id", .string(r.id)),
                    ("operations", .array(ops.map { .string($0.rawValue) })),
                    ("summary", .string(r.summary)),
                    ("status", r.ticket.status.map(JSONValue.string) ?? .null),
                    ("commit", .string(r.commit.hex)),
                ])
            }).serialised())
        } else if done.isEmpty {
            print(session.presenter.say("没有需要自动处理的工单。", "Nothing to do."))
        } else {
            for (_, r) in done { print(session.presenter.outcome(r), terminator: "") }
        }
        if !failures.isEmpty {
            throw CLIError(.sweepLeftSome, ["count": .number(failures.count)])
        }
    }

    /// Sweeps one ticket as one commit, planned again on the ticket as the
    /// branch holds it now so a concurrent sweep or edit is never undone or
    /// repeated; nil when nothing is left to do.
    static func sweep(_ id: String, desk: Desk, by person: Person,
                      at now: Timestamp) throws(DeskError) -> (operations: [Sweep.Operation], result: ChangeResult)? {
        let applied = AppliedAction()
        do {
            let result = try desk.apply(id, by: person, at: now) { engine, ticket in
                guard let fresh = Sweep.plan(tickets: [ticket], now: now, schema: engine.schema).first else {
                    throw DeskError.nothingChanged(ticket.id)
                }
                applied.operations = fresh.operations
                return try Sweep.apply(fresh, to: ticket, engine: engine, by: person, at: now)
            }
            return (applied.operations, result)
        } catch {
            if case .nothingChanged = error { return nil }
            throw error
        }
    }
}

/// The operations the last run of a sweep's change applied (the change may
/// run again on a newer tip).
private final class AppliedAction {
    var operations: [Sweep.Operation] = []
}
