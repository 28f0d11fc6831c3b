/// `gitdesk sweep`: what the desk does on its own, planned from the
/// tickets and the moment, then applied one commit per ticket.
///
/// From workflow.yaml's `automation`: no answer 24 h after resolve →
/// confirmed by default (resolved); resolved for 24 h → closed; closed →
/// archived. Open tickets past their deadline are flagged (`breached`).
/// Idempotent: planning again on the result finds nothing to do.
public enum Sweep {
    /// One thing sweep does to a ticket.
    public enum Operation: String, Equatable, Sendable {
        case autoConfirm = "confirm"
        case close
        case archive
        case flagOverdue = "overdue"
    }

    /// Everything sweep does to one ticket (one commit).
    public struct Action: Equatable, Sendable {
        public var ticketID: String
        public var operations: [Operation]
        public init(ticketID: String, operations: [Operation]) { self.ticketID = ticketID; self.operations = operations }

        /// One line for the commit message: `sweep: confirm, close, archive`.
        public var summary: String { "sweep: " + operations.map(\.rawValue).joined(separator: ", ") }
    }

    /// The actions due at `now`, in the order of `tickets`; tickets with nothing to do are left out.
    public static func plan(tickets: [Ticket], now: Timestamp, schema: Schema) -> [Action] {
        tickets.compactMap { ticket in
            let ops = operations(for: ticket, now: now, schema: schema)
            return ops.isEmpty ? nil : Action(ticketID: ticket.id, operations: ops)
        }
    }

    /// What is due for one ticket: the automation rules followed to a fixed
    /// point (a ticket closed now may be archived now when `after` is 0h).
    static func operations(for ticket: Ticket, now: Timestamp, schema: Schema) -> [Operation] {
        let workflow = schema.workflow
        guard var status = ticket.status, workflow.status(status) != nil else { return [] }
        var ops: [Operation] = []
        if ticket["breached"] == nil, !workflow.isTerminal(status),
           SLAClock.status(of: ticket, at: now, schema: schema).isOverdue {
            ops.append(.flagOverdue)
        }
        var entered = StatusHistory.enteredCurrentStatus(ticket) ?? now
        var archived = ticket["archived"] != nil
        var steps = 0
        while steps < 8, let rule = workflow.automation.first(where: { rule in
            rule.in.contains(status) && now.seconds - entered.seconds >= rule.afterSeconds
                && (rule.operation != "archive" || (!archived && workflow.isTerminal(status)))
        }) {
            steps += 1
            switch rule.operation {
            case "archive":
                ops.append(.archive)
                archived = true
            default:
                guard let t = workflow.transition(operation: rule.operation, from: status) else { return ops }
                ops.append(rule.operation == "confirm" ? .autoConfirm : .close)
                status = t.to
                entered = now
            }
        }
        return ops
    }

    /// Applies one action to its ticket as `person` (who needs the `sweep`
    /// permission), returning the ticket to write and the commit summary.
    public static func apply(_ action: Action, to ticket: Ticket, engine: WorkflowEngine, by person: Person,
                             at now: Timestamp) throws(WorkflowError) -> WorkflowResult {
        try engine.require("sweep", person)
        var current = ticket
        for op in action.operations {
            switch op {
            case .flagOverdue: current = try engine.flagOverdue(current, by: person, at: now).ticket
            case .autoConfirm: current = try engine.autoConfirm(current, by: person, at: now).ticket
            case .close: current = try engine.close(current, by: person, at: now, automatic: true).ticket
            case .archive: current = try engine.archive(current, by: person, at: now, automatic: true).ticket
            }
        }
        let result = try engine.finish(old: ticket, new: current, by: person, summary: action.summary, operation: "sweep")
        return result
    }
}
