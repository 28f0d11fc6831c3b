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
        let c = created.local
        return "\(ticketsDirectory)/\(pad4(c.year))/\(pad2(c.month))/\(id).md"
    }

    /// The ID a ticket path names, if it is one (`tickets/2024/05/X.md` → `X`).
    public static func ticketID(fromPath path: String) -> String? {
        guard path.hasPrefix(ticketsDirectory + "/"), path.hasSuffix(".md") else { return nil }
        let name = path.split(separator: "/").last!.dropLast(3)
        return name.isEmpty ? nil : String(name)
    }

    /// The year and month a ticket path is filed under.
    public static func month(fromPath path: String) -> (year: Int, month: Int)? {
        let parts = path.split(separator: "/")
        guard parts.count == 4, let y = Int(parts[1]), let m = Int(parts[2]) else { return nil }
        return (y, m)
    }

    /// The creation date an ID carries (`CS-20240501-7K3FQ2`, `CS20240501001`),
    /// which for IDs gitdesk made is the month folder the file lives in.
    public static func embeddedDate(in id: String) -> (year: Int, month: Int)? {
        let bytes = Array(id.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] >= 48 && bytes[i] <= 57 {
                var j = i
                while j < bytes.count, bytes[j] >= 48 && bytes[j] <= 57 { j += 1 }
                if j - i >= 8 {
                    let d = bytes[i..<i + 8].map { Int($0 - 48) }
                    let y = d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3]
                    let m = d[4] * 10 + d[5]
                    if (1990...2200).contains(y), (1...12).contains(m) { return (y, m) }
                }
                i = j
            } else { i += 1 }
        }
        return nil
    }

    private static func pad4(_ v: Int) -> String { v < 1000 ? String(repeating: "0", count: 4 - String(v).count) + String(v) : String(v) }
    private static func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
}
