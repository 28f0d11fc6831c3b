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

    /// The ID of `tickets/YYYY/MM/<ID>.md`; nil for any other path.
    public static func ticketID(fromPath path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "tickets",
              parts[1].count == 4, parts[1].allSatisfy(\.isASCIIDigit),
              parts[2].count == 2, parts[2].allSatisfy(\.isASCIIDigit),
              parts[3].hasSuffix(".md"), parts[3].count > 3 else { return nil }
        let id = String(parts[3].dropLast(3))
        return TicketFile.isHandle(id) ? id : nil
    }

    /// The creation year and month an ID carries (`CS-20240501-7K3FQ2`,
    /// `CS20240501001`): for IDs gitdesk made, the folder the file lives in.
    public static func embeddedMonth(in id: String) -> (year: Int, month: Int)? {
        let bytes = Array(id.utf8)
        var i = 0
        while i < bytes.count {
            guard bytes[i] >= 48 && bytes[i] <= 57 else { i += 1; continue }
            var j = i
            while j < bytes.count, bytes[j] >= 48 && bytes[j] <= 57 { j += 1 }
            if j - i >= 8 {
                let d = bytes[i..<i + 8].map { Int($0 - 48) }
                let y = d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3]
                let m = d[4] * 10 + d[5]
                if (1990...2200).contains(y), (1...12).contains(m) { return (y, m) }
            }
            i = j
        }
        return nil
    }

    /// Where a ticket with `id` lives if its creation month is the one its ID carries.
    public static func likelyPath(id: String) -> String? {
        embeddedMonth(in: id).map { "tickets/\(pad($0.year, 4))/\(pad($0.month, 2))/\(id).md" }
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
