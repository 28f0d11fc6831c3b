/// What a merge needs besides the three versions: who is merging, when, and
/// when each side last changed the ticket (for the `later_change` rule).
public struct MergeContext: Sendable {
    /// The handle of the person merging: the author of the `Conflict:` log entries.
    public var operatorHandle: String
    /// The time written on the `Conflict:` log entries.
    public var now: Timestamp
    /// When our side last changed the ticket (its commit time); nil: the
    /// latest entry of our logs.
    public var oursTime: Timestamp?
    /// When their side last changed the ticket; nil: the latest entry of their logs.
    public var theirsTime: Timestamp?
    /// True when the result becomes a plain commit on top of ours (a rebase,
    /// a cherry-pick, a replay): ours' logs then stay a prefix, with their
    /// new entries after them in time order, so the append-only rule holds
    /// against ours. False (a merge commit): one union in time order,
    /// the same whichever side is ours.
    public var linear: Bool

    public init(operatorHandle: String, now: Timestamp, oursTime: Timestamp? = nil, theirsTime: Timestamp? = nil,
                linear: Bool = false) {
        self.operatorHandle = operatorHandle
        self.now = now
        self.oursTime = oursTime
        self.theirsTime = theirsTime
        self.linear = linear
    }
}

/// The outcome of merging one ticket.
public struct TicketMergeResult: Sendable {
    /// The merged ticket (with the `Conflict:` entries appended). When
    /// `unresolved` is not empty it is a best effort that must not be written.
    public var ticket: Ticket
    /// Conflicts a rule settled; each is logged in `ticket` as a `Conflict:` entry.
    public var conflicts: [MergeConflict]
    /// Conflicts no rule could settle, or problems of the merged ticket (an
    /// illegal state): the caller stops and leaves them to a person.
    public var unresolved: [MergeConflict]

    public init(ticket: Ticket, conflicts: [MergeConflict] = [], unresolved: [MergeConflict] = []) {
        self.ticket = ticket
        self.conflicts = conflicts
        self.unresolved = unresolved
    }

    /// True when the merged ticket may be written.
    public var isClean: Bool { unresolved.isEmpty }
}

/// One field both sides changed differently. Values are masked (never raw
/// personal data) and long texts shortened, exactly as the `Conflict:` log
/// line shows them.
public struct MergeConflict: Sendable, Equatable, Codable {
    public var ticketID: String
    /// The field key (`priority`), or `ticket` for a problem of the whole merged ticket.
    public var field: String
    /// Our value (nil: absent).
    public var ours: String?
    /// Their value (nil: absent).
    public var theirs: String?
    /// The value kept (nil: absent, or nothing chosen when unresolved).
    public var chosen: String?
    /// The rule that settled it (a ``MergeRule`` name), or why nothing could.
    public var rule: String
    /// For an unresolved conflict: what a person must do.
    public var note: String?

    public init(ticketID: String, field: String, ours: String?, theirs: String?, chosen: String?, rule: String, note: String? = nil) {
        self.ticketID = ticketID; self.field = field; self.ours = ours; self.theirs = theirs
        self.chosen = chosen; self.rule = rule; self.note = note
    }
}
