import TicketCore

/// The words `search` looks through: title, description, the processing log,
/// the communication log, root cause and solution, one per line.
enum SearchText {
    static let fields = ["title", "description", "root_cause", "solution"]

    static func of(_ ticket: Ticket) -> String {
        var parts = fields.compactMap { ticket[$0] }
        for entry in ticket.log { parts.append(entry.text) }
        for contact in ticket.contacts {
            parts.append(contact.summary)
            if let followUp = contact.followUp { parts.append(followUp) }
        }
        return parts.joined(separator: "\n")
    }
}
