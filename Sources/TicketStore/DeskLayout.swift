import TicketCore

/// Where things live in a desk (the ticket repository).
public enum DeskLayout {
    public static let configPath = ".gitdesk/config.yaml"
    public static let schemaDirectory = ".gitdesk/schema"
    public static let teamPath = "team.yaml"
    public static let ticketsDirectory = "tickets"
    public static let templatesDirectory = "templates"
    public static let gitattributesPath = ".gitattributes"

    /// `tickets/YYYY/MM/<ID>.md`, sharded by the creation month (its local date)
    /// so no directory grows past a month of tickets.
    public static func ticketPath(id: String, created: Timestamp) -> String {
        TicketPath.path(id: id, created: created)
    }

    /// The ID a ticket path names, if it is one (`tickets/2024/05/X.md` → `X`).
    public static func ticketID(fromPath path: String) -> String? { TicketPath.ticketID(fromPath: path) }
}
