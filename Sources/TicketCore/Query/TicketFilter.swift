/// Which tickets a query (`list`, `search`, `export`) keeps: every condition
/// set must hold. Values are schema keys (the CLI resolves labels first).
///
/// The query cache narrows its candidates with the same conditions in SQL,
/// then runs `matches` on the parsed candidates, so a cached answer and a full
/// re-parse agree by construction.
public struct TicketFilter: Sendable, Equatable {
    /// Field key → accepted values (any of them); e.g. `status: [new, assigned]`.
    public var values: [String: Set<String>] = [:]
    /// 提交时间 at or after / before.
    public var createdFrom: Timestamp?
    public var createdBefore: Timestamp?
    /// Open tickets whose deadline (SLA, pauses counted) falls before / at or after this time.
    public var dueBefore: Timestamp?
    public var dueFrom: Timestamp?
    /// Only open tickets past their deadline.
    public var overdue = false
    /// Only tickets with a follow-up (沟通记录) not yet done.
    public var openFollowUps = false

    public init() {}

    /// The fields whose values can be matched exactly (the cache indexes them).
    public static let indexedFields = ["status", "type", "subtype", "channel", "priority", "module",
                                       "department", "assignee", "satisfaction"]

    /// True when the indexed fields and open follow-ups alone decide (no
    /// time range, no clock): the cache can then sort and limit in SQL.
    public var isIndexedOnly: Bool {
        !needsClock && createdFrom == nil && createdBefore == nil
            && values.keys.allSatisfy { Self.indexedFields.contains($0) }
    }

    /// True when nothing narrows the result.
    public var isEmpty: Bool { self == TicketFilter() }

    /// Whether the SLA clock must be read to decide.
    public var needsClock: Bool { overdue || dueBefore != nil || dueFrom != nil }

    /// True if `ticket` passes every condition at `now`.
    public func matches(_ ticket: Ticket, at now: Timestamp, schema: Schema) -> Bool {
        for (key, accepted) in values where !accepted.contains(ticket[key] ?? "") { return false }
        if createdFrom != nil || createdBefore != nil {
            guard let created = ticket.created else { return false }
            if let createdFrom, created < createdFrom { return false }
            if let createdBefore, !(created < createdBefore) { return false }
        }
        if openFollowUps && !ticket.contacts.contains(where: { !$0.done }) { return false }
        guard needsClock else { return true }
        let sla = SLAClock.status(of: ticket, at: now, schema: schema)
        if overdue && !sla.isOverdue { return false }
        if dueBefore != nil || dueFrom != nil {
            guard let resolve = sla.resolve, resolve.stopped == nil, !schema.workflow.isTerminal(ticket.status)
            else { return false }
            if let dueBefore, !(resolve.due < dueBefore) { return false }
            if let dueFrom, resolve.due < dueFrom { return false }
        }
        return true
    }
}

/// The order of a query's answer: a field, ascending or descending, ties
/// broken by ID in the same direction.
public struct TicketSort: Sendable, Equatable {
    public var field: String
    public var descending: Bool

    public init(field: String = "created", descending: Bool = true) {
        self.field = field
        self.descending = descending
    }

    /// Parses `created`, `priority:asc`, `due:desc`.
    public init?(text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map { String($0).trimmed() }
        guard let field = parts.first, !field.isEmpty else { return nil }
        self.field = field
        switch parts.count > 1 ? parts[1].lowercased() : "asc" {
        case "asc": descending = false
        case "desc": descending = true
        default: return nil
        }
    }

    /// `tickets` in this order. Enum fields sort by the schema's order of
    /// their values (statuses as the workflow lists them), priority by
    /// urgency (`priority:desc`: urgent first), others by text.
    public func sorted(_ tickets: [Ticket], schema: Schema) -> [Ticket] {
        let rank = Self.ranks(of: field, schema: schema)
        func key(_ t: Ticket) -> (Int, String) {
            let v = t[field] ?? ""
            if let rank { return (rank[v] ?? Int.max, "") }
            return (0, v)
        }
        return tickets.map { (key($0), $0) }.sorted { a, b in
            let l = (a.0.0, a.0.1, a.1.id), r = (b.0.0, b.0.1, b.1.id)
            return descending ? l > r : l < r
        }.map(\.1)
    }

    private static func ranks(of field: String, schema: Schema) -> [String: Int]? {
        var keys: [String]
        if field == "status" {
            keys = schema.workflow.statuses.map(\.key)
        } else if let name = schema.field(field)?.enumName {
            keys = schema.values(of: name).map(\.key)
            // Priorities are listed most urgent first: `priority:desc`
            // (highest first) puts urgent at the top, as a reader expects.
            if name == "priority" { keys.reverse() }
        } else {
            return nil
        }
        return Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }
}
