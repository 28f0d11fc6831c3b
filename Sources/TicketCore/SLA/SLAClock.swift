/// Reads a ticket's SLA clocks: its deadline with pauses added, the time
/// used, and whether it is ok, due soon, breached or met.
///
/// The resolution clock starts at creation (or at the last transition with
/// `restart_sla`), runs in statuses whose clock is `running`, and stops when
/// the ticket enters a `stopped` status. Its budget is the working (or
/// round-the-clock) time between the start and the ticket's `due`, so an
/// approved extension lengthens it; time in `paused` statuses moves the
/// deadline out. The first-response clock runs from creation to `responded`.
public enum SLAClock {
    /// Both clocks of `ticket` at `now`.
    public static func status(of ticket: Ticket, at now: Timestamp, schema: Schema) -> SLAStatus {
        let workflow = schema.workflow
        let pausedNow = workflow.clock(in: ticket.status) == .paused
        // An invalid ticket (spam, irrelevant) was never worked: no clock was met or breached.
        guard let policy = schema.sla, let created = ticket.created, !workflow.isInvalid(ticket.status) else {
            return SLAStatus(respond: nil, resolve: nil, pausedNow: pausedNow)
        }
        let spans = StatusHistory.spans(of: ticket)
        let targets = policy.targets(for: ticket["priority"])

        var respond: SLAMeasure? = nil
        if let t = targets?.respond {
            let stop = ticket["responded"].flatMap { Timestamp.parse($0) }
            respond = measure(start: created, budget: t.countedSeconds(on: policy.calendar), basis: t.basis,
                              stop: stop, now: now, spans: spans, workflow: workflow, policy: policy)
        }

        var resolve: SLAMeasure? = nil
        let start = self.start(of: ticket, workflow: workflow) ?? created
        let basis = targets?.resolve.basis ?? .calendar
        var budget: Int64? = targets.map { $0.resolve.countedSeconds(on: policy.calendar) }
        if let due = ticket["due"].flatMap({ Timestamp.parse($0) }) {
            budget = policy.calendar.counted(from: start, to: due, basis: basis)
        }
        if let budget {
            var stop: Timestamp? = nil
            if workflow.clock(in: ticket.status) == .stopped { stop = spans.last?.start ?? now }
            resolve = measure(start: start, budget: budget, basis: basis, stop: stop, now: now,
                              spans: spans, workflow: workflow, policy: policy)
        }
        return SLAStatus(respond: respond, resolve: resolve, pausedNow: pausedNow)
    }

    /// When the resolution clock (re)started: the last logged transition with
    /// `restart_sla`, else nil (creation).
    public static func start(of ticket: Ticket, workflow: WorkflowDefinition) -> Timestamp? {
        ticket.log.last { entry in
            guard let change = WorkflowLog.statusChange(in: entry.text) else { return false }
            return workflow.transition(from: change.from, to: change.to)?.restartSLA == true
        }?.time
    }

    /// The stretches after `start` and before `now` during which the clock did not run.
    public static func pauses(spans: [StatusSpan], from start: Timestamp, to now: Timestamp,
                              workflow: WorkflowDefinition) -> [Pause] {
        spans.compactMap { span in
            guard workflow.clock(in: span.status) != .running else { return nil }
            let s = max(span.start, start)
            let e = min(span.end ?? now, now)
            return e > s ? Pause(start: s, end: e) : nil
        }
    }

    static func measure(start: Timestamp, budget: Int64, basis: SLATarget.Basis, stop: Timestamp?, now: Timestamp,
                        spans: [StatusSpan], workflow: WorkflowDefinition, policy: SLAPolicy) -> SLAMeasure {
        let end = min(stop ?? now, now)
        let pauses = self.pauses(spans: spans, from: start, to: end, workflow: workflow)
        let calendar = policy.calendar
        let due = calendar.advance(from: start, by: budget, basis: basis, pauses: pauses)
        let elapsed = calendar.counted(from: start, to: end, basis: basis, pauses: pauses)
        let paused = pauses.reduce(Int64(0)) { $0 + $1.seconds }
        let state: SLAMeasure.State
        if let stop, stop <= now {
            state = stop <= due ? .met : .breached
        } else if now > due {
            state = .breached
        } else if budget > 0, Double(elapsed) / Double(budget) >= policy.warningAt {
            state = .warning
        } else {
            state = .ok
        }
        return SLAMeasure(start: start, budget: budget, basis: basis, due: due, elapsed: elapsed,
                          paused: paused, stopped: stop.flatMap { $0 <= now ? $0 : nil }, state: state)
    }
}
