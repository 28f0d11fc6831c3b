import TicketCore

/// Where things live in a desk (the ticket repository).
public enum DeskLayout {
    public static let configPath = ".gitdesk/config.yaml"
    public static let schemaDirectory = ".gitdesk/schema"
    public static let teamPath = "team.yaml"
    public static let ticketsDirectory = "tickets"
    public static let templatesDirectory = "templates"
    public static let gitattributesPath = ".gitattributes"
}
