/// What reports need to know about one ticket, read from its file as it
/// stood at a moment (`now`): log entries written later are ignored, so a
/// report of a closed period does not change when the ticket moves on.
///
/// A ticket's work comes in rounds: the first starts at creation, and each
/// reopen of a resolved, followed-up or closed ticket (a transition with
/// `restart_sla`) starts another. Each round keeps its own times, rating and
/// SLA outcome, read from the log's markers (`[status: …]`, `[due: …]`,
/// `[rating: N]`), so a reopen never hides the earlier round.
public struct TicketFacts: Equatable, Sendable {
    /// One round of work.
    public struct Round: Equatable, Sendable {
        public var start: Timestamp
        /// When the round ended: the ticket entered a stopped status (resolved, follow-up, closed).
        public var end: Timestamp?
        /// Seconds from start to end (or `now`) less the time waiting on the customer.
        public var wallSeconds: Int64
        /// The same span counted in the calendar's working hours, less the waits.
        public var workingSeconds: Int64
        /// The deadline in force for the round, with waits added.
        public var due: Timestamp?
        /// met / breached, or nil while the round runs within its deadline (or has none).
        public var sla: SLAMeasure.State?
        /// The customer's rating given at the end of the round, if any.
        public var rating: Int?
        /// When that rating was logged (a period counts it by this time).
        public var ratedAt: Timestamp? = nil
    }

    public var id: String
    public var created: Timestamp
    /// The status at `now`.
    public var status: String
    /// Marked invalid (无效): counted apart, excluded from every rate.
    public var invalid: Bool
    /// Not yet in a stopped status at `now` (the backlog).
    public var open: Bool
    public var fields: [String: String]
    /// Seconds from creation to the first response, wall-clock and working hours.
    public var firstResponse: (wall: Int64, working: Int64)?
    public var rounds: [Round]
    /// Times the customer rejected a solution or the problem recurred.
    public var reopens: Int
    /// True once a solution was given (the ticket entered the resolve transition's status).
    public var everResolved: Bool
    /// Every operator who wrote in the log, in order of first appearance, and the assignee.
    public var participants: [String]
    /// When a solution was given (each entry into the resolve transition's status or a stopped one).
    public var resolvedAt: [Timestamp] = []
    /// When the customer rejected a solution or the problem recurred.
    public var reopenedAt: [Timestamp] = []
    /// Handler, department and priority over time (reports attribute an event by the state at it).
    public var history: FieldHistory = FieldHistory(changes: [], initial: [:], current: [:])

    public static func == (a: TicketFacts, b: TicketFacts) -> Bool {
        a.id == b.id && a.status == b.status && a.rounds == b.rounds && a.fields == b.fields
            && a.firstResponse?.wall == b.firstResponse?.wall && a.firstResponse?.working == b.firstResponse?.working
    }

    /// Every rating given, round by round.
    public var ratings: [Int] { rounds.compactMap(\.rating) }
    /// Counted handling time of the finished rounds (every round, not only the last).
    public var resolution: (wall: Int64, working: Int64)? {
        let done = rounds.filter { $0.end != nil }
        guard !open, !invalid, !done.isEmpty else { return nil }
        return (done.reduce(0) { $0 + $1.wallSeconds }, done.reduce(0) { $0 + $1.workingSeconds })
    }
    /// The ticket's SLA outcome: breached if any round breached, met if every round is over and met,
    /// nil while open within its deadline, without a deadline, or invalid.
    public var slaOutcome: SLAMeasure.State? {
        if invalid { return nil }
        if rounds.contains(where: { $0.sla == .breached }) { return .breached }
        if !open, !rounds.isEmpty, rounds.allSatisfy({ $0.sla == .met }) { return .met }
        return nil
    }
    /// Age at `now` in seconds (for the backlog).
    public func age(at now: Timestamp) -> Int64 { max(0, now.seconds - created.seconds) }

    /// The ticket as it stood at `now`; nil if it did not exist yet (or has no creation time).
    public static func read(_ ticket: Ticket, at now: Timestamp, schema: Schema) -> TicketFacts? {
        read(ticket, at: now, schema: schema, counter: nil)
    }

    /// ``read(_:at:schema:)``, counting in `counter` the entries, status changes and spans the
    /// per-round walk looks at (tests hold the walk linear in the number of rounds by this count).
    static func read(_ ticket: Ticket, at now: Timestamp, schema: Schema, counter: WalkCounter?) -> TicketFacts? {
        guard let created = ticket.created, created <= now else { return nil }
        let workflow = schema.workflow
        let log = ticket.log.filter { $0.time <= now }
        var snapshot = ticket
        snapshot.log = log
        let changes = log.compactMap { e in WorkflowLog.statusChange(in: e.text).map { (entry: e, from: $0.from, to: $0.to) } }
        let status = changes.last?.to ?? (changes.isEmpty && ticket.log.count == log.count ? ticket.status : nil)
            ?? ticket.log.lazy.compactMap { WorkflowLog.statusChange(in: $0.text)?.from }.first ?? workflow.initial
        snapshot["status"] = status
        let spans = StatusHistory.spans(of: snapshot)
        let invalid = workflow.isInvalid(status)
        let open = workflow.clock(in: status) != .stopped

        var fields = ticket.fields
        fields["status"] = status
        let policy = schema.sla
        let calendar = policy?.calendar ?? BusinessCalendar()

        var firstResponse: (Int64, Int64)? = nil
        if let responded = ticket["responded"].flatMap({ Timestamp.parse($0) }), responded <= now {
            firstResponse = (max(0, responded.seconds - created.seconds),
                             calendar.counted(from: created, to: responded, basis: .business))
        }

        // Round boundaries: restart_sla transitions out of a stopped status that is not invalid.
        // Restoring an invalid ticket (restart_sla out of invalid) restarts the round it was in:
        // the SLA clock restarts there (as `show` measures it), so the round is timed from the
        // restore, not over the span before it was marked invalid as well (one round, one span).
        var starts: [(time: Timestamp, dueBefore: String?)] = []
        var firstStart = created
        var reopens = 0
        var everResolved = false
        var resolvedAt: [Timestamp] = [], reopenedAt: [Timestamp] = []
        let resolveTarget = workflow.transitions.first { $0.operation == "resolve" }?.to
        for c in changes {
            let t = workflow.transition(from: c.from, to: c.to)
            if t?.operation == "reopen", !workflow.isInvalid(c.from) { reopens += 1; reopenedAt.append(c.entry.time) }
            if c.to == resolveTarget || (workflow.clock(in: c.to) == .stopped && !workflow.isInvalid(c.to)) {
                // A confirm, follow-up or close after a resolve is the same solution, not another one.
                if c.to == resolveTarget || (c.from != resolveTarget && workflow.clock(in: c.from) != .stopped) {
                    resolvedAt.append(c.entry.time)
                }
                everResolved = true
            }
            if t?.restartSLA == true, workflow.clock(in: c.from) == .stopped, !workflow.isInvalid(c.from) {
                starts.append((c.entry.time, dueMarker(in: c.entry.text)?.old))
            } else if t?.restartSLA == true, workflow.isInvalid(c.from) {
                if starts.isEmpty { firstStart = c.entry.time } else { starts[starts.count - 1].time = c.entry.time }
            }
        }
        var rounds: [Round] = []
        let boundaries = [firstStart] + starts.map(\.time)
        // Each round looks up its end, its waits and its rating by binary search in lists
        // ordered by time, so the walk is linear in the log (it was once per round over the
        // whole log: 800 rounds took 11 s). A log out of time order (a hand edit) is searched whole.
        let ordered = zip(log, log.dropFirst()).allSatisfy { $0.time <= $1.time }
        let stops = changes.filter { workflow.clock(in: $0.to) == .stopped && !workflow.isInvalid($0.to) }.map(\.entry.time)
        let waits = spans.filter { workflow.clock(in: $0.status) != .running }
        let ratings = log.filter { WorkflowLog.statusChange(in: $0.text) != nil && WorkflowLog.rating(in: $0.text) != nil }
        /// The first index of `0..<count` where `isAfter` holds (it holds from some index on).
        func firstIndex(_ count: Int, _ isAfter: (Int) -> Bool) -> Int {
            var low = 0, high = count
            while low < high {
                counter?.steps += 1
                let mid = (low + high) / 2
                if isAfter(mid) { high = mid } else { low = mid + 1 }
            }
            return low
        }
        for (i, start) in boundaries.enumerated() {
            let limit = i + 1 < boundaries.count ? boundaries[i + 1] : now
            let last = i + 1 == boundaries.count
            // The round ends when it first enters a stopped status.
            let end: Timestamp?
            if ordered {
                let k = firstIndex(stops.count) { stops[$0] >= start }
                end = k < stops.count && stops[k] <= limit ? stops[k] : nil
            } else {
                counter?.steps += stops.count
                end = stops.first { $0 >= start && $0 <= limit }
            }
            let stop = end ?? now
            // The waits on the customer that overlap the round.
            var roundWaits = waits[...]
            if ordered {
                let from = firstIndex(waits.count) { waits[$0].end.map { $0 > start } ?? true }
                let to = firstIndex(waits.count) { waits[$0].start >= stop }
                roundWaits = waits[from..<max(from, to)]
            }
            counter?.steps += roundWaits.count
            let pauses = SLAClock.pauses(spans: Array(roundWaits), from: start, to: stop, workflow: workflow)
            let pausedWall = pauses.reduce(Int64(0)) { $0 + $1.seconds }
            let wall = max(0, stop.seconds - start.seconds - pausedWall)
            let working = calendar.counted(from: start, to: stop, basis: .business, pauses: pauses)
            let dueText = i + 1 < boundaries.count ? starts[i].dueBefore : dueInForce(ticket: ticket, at: now)
            var round = Round(start: start, end: end, wallSeconds: wall, workingSeconds: working, due: nil, sla: nil,
                              rating: nil)
            // The round's rating: the last confirmation logged in it (a status step with a rating).
            let inRound = { (t: Timestamp) in t >= start && (t < limit || (last && t == limit)) }
            let rated: LogEntry?
            if ordered {
                let k = firstIndex(ratings.count) { last ? ratings[$0].time > limit : ratings[$0].time >= limit } - 1
                rated = k >= 0 && inRound(ratings[k].time) ? ratings[k] : nil
            } else {
                counter?.steps += ratings.count
                rated = ratings.last { inRound($0.time) }
            }
            round.rating = rated.flatMap { WorkflowLog.rating(in: $0.text) }
            round.ratedAt = rated?.time
            if !invalid, let policy {
                let targets = policy.targets(for: ticket["priority"])
                let basis = targets?.resolve.basis ?? .calendar
                var budget = targets.map { $0.resolve.countedSeconds(on: policy.calendar) }
                if let due = dueText.flatMap({ Timestamp.parse($0) }) { budget = policy.calendar.counted(from: start, to: due, basis: basis) }
                if let budget {
                    let m = SLAClock.measure(start: start, budget: budget, basis: basis, stop: end, now: now, spans: Array(roundWaits),
                                             workflow: workflow, policy: policy)
                    round.due = m.due
                    round.sla = m.state == .met || m.state == .breached ? m.state : nil
                }
            }
            rounds.append(round)
        }
        var participants: [String] = []
        for e in log where !participants.contains(e.operator) { participants.append(e.operator) }
        if let a = ticket["assignee"], !participants.contains(a) { participants.append(a) }
        return TicketFacts(id: ticket.id, created: created, status: status, invalid: invalid, open: open, fields: fields,
                           firstResponse: firstResponse, rounds: rounds, reopens: reopens, everResolved: everResolved,
                           participants: participants, resolvedAt: resolvedAt, reopenedAt: reopenedAt,
                           history: FieldHistory.read(ticket, schema: schema))
    }

    /// The `due` in force at `now`: the NEW of the last due change logged by then, or the OLD
    /// of the first one logged later, else the field.
    static func dueInForce(ticket: Ticket, at now: Timestamp) -> String? {
        var current: String? = nil
        for e in ticket.log {
            guard let marker = dueMarker(in: e.text) else { continue }
            if e.time <= now { current = marker.new } else { return current ?? marker.old }
        }
        return current ?? ticket["due"]
    }

    /// `[due: OLD → NEW]`, `-` read as none.
    static func dueMarker(in text: String) -> (old: String?, new: String?)? {
        guard let start = text.range(of: WorkflowLog.duePrefix) else { return nil }
        let rest = text[start.upperBound...]
        guard let close = rest.firstIndex(of: "]"), let arrow = rest[..<close].range(of: WorkflowLog.arrow) else { return nil }
        let old = String(rest[..<arrow.lowerBound]).trimmed(), new = String(rest[arrow.upperBound..<close]).trimmed()
        return (old == "-" ? nil : old, new == "-" ? nil : new)
    }
}


/// How much work a walk did (see ``TicketFacts/read(_:at:schema:counter:)``).
final class WalkCounter {
    var steps = 0
}
