import TicketCore

/// The merge conflicts recorded in the desk's tickets (`gitdesk conflicts`):
/// every `Conflict:` log entry (``ConflictLine``) with its time and operator.
public enum ConflictLog {
    /// One recorded conflict.
    public struct Record: Sendable, Equatable {
        public var time: Timestamp
        /// Who merged (the entry's operator).
        public var `operator`: String
        public var conflict: MergeConflict
    }

    /// Which records to list.
    public struct Filter: Sendable {
        /// Only conflicts recorded at or after this time.
        public var since: Timestamp?
        /// Only this ticket (an ID or a unique prefix, resolved by the caller).
        public var ticketID: String?
        /// Only this field.
        public var field: String?

        public init(since: Timestamp? = nil, ticketID: String? = nil, field: String? = nil) {
            self.since = since; self.ticketID = ticketID; self.field = field
        }
    }

    /// The recorded conflicts at the desk's revision, oldest first.
    public static func records(in desk: Desk, filter: Filter = Filter()) throws(DeskError) -> [Record] {
        let tickets: [Ticket]
        if let id = filter.ticketID {
            tickets = [try desk.ticket(id).parsed.ticket]
        } else {
            tickets = try desk.allTickets().tickets
        }
        var records: [Record] = []
        for ticket in tickets {
            for entry in ticket.log {
                guard let c = ConflictLine.parse(entry, ticketID: ticket.id) else { continue }
                if let since = filter.since, entry.time < since { continue }
                if let field = filter.field, c.field != field { continue }
                records.append(Record(time: entry.time, operator: entry.operator, conflict: c))
            }
        }
        return records.sorted { ($0.time.seconds, $0.conflict.ticketID) < ($1.time.seconds, $1.conflict.ticketID) }
    }
}
