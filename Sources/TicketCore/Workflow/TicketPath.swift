/// Where a ticket file lives in a desk: `tickets/YYYY/MM/<ID>.md`, by the
/// local month of its creation time.
public enum TicketPath {
    /// The path of a ticket with `id` created at `created`.
    public static func path(id: String, created: Timestamp) -> String {
        let c = created.local
        return "tickets/\(pad(c.year, 4))/\(pad(c.month, 2))/\(id).md"
    }

    /// The path a ticket belongs at, if it has an ID and a creation time.
    public static func path(of ticket: Ticket) -> String? {
        guard !ticket.id.isEmpty, let created = ticket.created else { return nil }
        return path(id: ticket.id, created: created)
    }
}
