/// A stretch of time a ticket spent in one status.
public struct StatusSpan: Equatable, Sendable {
    public var status: String
    public var start: Timestamp
    /// Nil while the ticket is still in it.
    public var end: Timestamp?

    public init(status: String, start: Timestamp, end: Timestamp?) {
        self.status = status; self.start = start; self.end = end
    }
}

/// The statuses a ticket went through, read from the status markers of its
/// log (`[status: new → in_progress]`); reports and the SLA clock use it.
public enum StatusHistory {
    /// The spans from creation to now. A ticket whose log has no markers
    /// (e.g. imported) has been in its current status since it was created.
    public static func spans(of ticket: Ticket) -> [StatusSpan] {
        guard let created = ticket.created else { return [] }
        let changes = ticket.log.compactMap { e in WorkflowLog.statusChange(in: e.text).map { (e.time, $0.from, $0.to) } }
        guard let first = changes.first else {
            return ticket.status.map { [StatusSpan(status: $0, start: created, end: nil)] } ?? []
        }
        var spans = [StatusSpan(status: first.1, start: created, end: nil)]
        for (time, _, to) in changes {
            spans[spans.count - 1].end = time
            spans.append(StatusSpan(status: to, start: time, end: nil))
        }
        return spans
    }

    /// When the ticket entered its current status.
    public static func enteredCurrentStatus(_ ticket: Ticket) -> Timestamp? {
        spans(of: ticket).last?.start
    }

    /// When the ticket last entered `status`, if it ever did.
    public static func lastEntered(_ status: String, in ticket: Ticket) -> Timestamp? {
        spans(of: ticket).last { $0.status == status }?.start
    }
}
