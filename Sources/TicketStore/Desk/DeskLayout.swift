import TicketCore

/// Where things live in a desk (the ticket repository).
public enum DeskLayout {
    public static let configPath = ".gitdesk/config.yaml"
    public static let schemaDirectory = ".gitdesk/schema"
    public static let teamPath = "team.yaml"
    public static let ticketsDirectory = "tickets"
    /// A desk's own reports as code: `reports/NAME.sql`, run by `report --query NAME`.
    public static let reportsDirectory = "reports"
    public static let templatesDirectory = "templates"
    public static let gitattributesPath = ".gitattributes"

    /// The files that set how the desk reads and merges (schema, roster, git's
    /// attributes, mail map and submodules): changed by an admin only. A
    /// `.gitattributes` anywhere can re-encode tickets or drop the merge driver.
    public static func isSettingsPath(_ path: String) -> Bool {
        path.hasPrefix(".gitdesk/") || path == teamPath || path == ".mailmap" || path == ".gitmodules"
            || path == gitattributesPath || path.hasSuffix("/" + gitattributesPath)
    }
}
