/// `id-shape`: a ticket a change adds carries an ID the way `gitdesk new`
/// makes it — `PREFIX-YYYYMMDD-XXXXXX`, upper case, the date its `created`
/// day (in the time zone `created` is written in, the desk's), the suffix six
/// Crockford base32 characters (no I, L, O, U). Legacy IDs (`CS20240501001`)
/// are brought only by those holding the `import` permission. Judged for
/// commits with a known author (TreeValidator), not for gitdesk's own demo
/// and seed desks, which write legacy IDs through the engine.
public enum TicketIDShape {
    public static let rule = "id-shape"

    /// Why `id` may not be a new ticket's ID (nil: it may).
    public static func problem(id: String, created: Timestamp?, author: Person, schema: Schema) -> Message? {
        let importers = schema.workflow.roles(for: "import") ?? ["admin"]
        if importers.contains(where: author.has(role:)) { return nil }
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].count == 8, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return Message(.idNotGitdeskShape, ["id": .text(id)])
        }
        if id != id.uppercased() { return Message(.idLowerCase, ["id": .text(id)]) }
        let suffix = parts[2]
        let alphabet = Set(TicketID.alphabet)
        guard suffix.utf8.count == 6, suffix.utf8.allSatisfy(alphabet.contains) else {
            return Message(.idBadSuffix, ["id": .text(id), "suffix": .text(String(suffix))])
        }
        if let created {
            let c = created.local
            let day = "\(pad(c.year, 4))\(pad(c.month, 2))\(pad(c.day, 2))"
            if parts[1] != day { return Message(.idWrongDate, ["id": .text(id), "date": .text(String(parts[1])), "day": .text(day)]) }
        }
        return nil
    }

    /// The key IDs are compared by for `duplicate-id`: upper case, and
    /// Crockford's look-alikes read as the digits they stand for (O → 0,
    /// I and L → 1), so `DKQOQX` and `DKQ0QX` are one ID.
    public static func key(_ id: String) -> String {
        String(id.uppercased().map { c -> Character in
            switch c { case "O": "0"; case "I", "L": "1"; default: c }
        })
    }
}
