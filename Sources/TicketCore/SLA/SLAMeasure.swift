/// One SLA clock of a ticket (first response or resolution) read at a moment.
public struct SLAMeasure: Equatable, Sendable {
    /// Where the clock stands.
    public enum State: String, Equatable, Sendable, Codable {
        /// Running, less than the warning share used.
        case ok
        /// Running, at or past the warning share (due soon).
        case warning
        /// Past the deadline (running, or stopped too late).
        case breached
        /// Stopped in time.
        case met
    }

    /// When counting started (creation, or the last SLA restart).
    public var start: Timestamp
    /// Counted seconds allowed (round the clock or working time, see `basis`).
    public var budget: Int64
    public var basis: SLATarget.Basis
    /// The deadline with every pause so far added.
    public var due: Timestamp
    /// Counted seconds used so far (up to `stopped`).
    public var elapsed: Int64
    /// Wall-clock seconds the clock was paused (waiting on the customer).
    public var paused: Int64
    /// When the clock stopped (responded, resolved), if it has.
    public var stopped: Timestamp?
    public var state: State

    public init(start: Timestamp, budget: Int64, basis: SLATarget.Basis, due: Timestamp, elapsed: Int64,
                paused: Int64, stopped: Timestamp?, state: State) {
        self.start = start; self.budget = budget; self.basis = basis; self.due = due; self.elapsed = elapsed
        self.paused = paused; self.stopped = stopped; self.state = state
    }

    /// Share of the budget used (1.0 = the deadline).
    public var share: Double { budget > 0 ? Double(elapsed) / Double(budget) : 1 }
    /// Counted seconds left before the deadline (0 once breached).
    public var remaining: Int64 { max(0, budget - elapsed) }
    /// Counted seconds past the deadline (0 if not breached).
    public var overrun: Int64 { max(0, elapsed - budget) }
}

/// Both SLA clocks of a ticket.
public struct SLAStatus: Equatable, Sendable {
    /// First response, if the policy has a target for the ticket's priority.
    public var respond: SLAMeasure?
    /// Resolution, if the ticket has a `due` or the policy a target.
    public var resolve: SLAMeasure?
    /// The clock is paused now (the ticket waits on the customer).
    public var pausedNow: Bool

    public init(respond: SLAMeasure?, resolve: SLAMeasure?, pausedNow: Bool) {
        self.respond = respond; self.resolve = resolve; self.pausedNow = pausedNow
    }

    /// Open and past its resolution deadline.
    public var isOverdue: Bool { resolve?.stopped == nil && resolve?.state == .breached }
    /// Open and past the warning share but not yet overdue.
    public var isDueSoon: Bool { resolve?.stopped == nil && resolve?.state == .warning }
}
