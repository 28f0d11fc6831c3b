/// Ticket IDs: prefix + creation date + random suffix, e.g. `CS-20240501-7K3FQ2`.
///
/// Unique across clones without coordination: the suffix is 30 random bits in
/// Crockford base32 (no I, L, O, U), so two clones creating tickets on the same
/// day collide with odds of about one in a billion per pair. Legacy IDs such
/// as `CS20240501001` are kept as they are.
public enum TicketID {
    /// Crockford's base32 alphabet.
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// A new ID for a ticket created at `created` (its local date).
    public static func generate<R: RandomNumberGenerator>(
        prefix: String, created: Timestamp, suffixLength: Int = 6, using rng: inout R
    ) -> String {
        var suffix = [UInt8]()
        suffix.reserveCapacity(suffixLength)
        for _ in 0..<suffixLength { suffix.append(alphabet[Int(rng.next() % 32)]) }
        let c = created.local
        return "\(prefix)-\(pad(c.year, 4))\(pad(c.month, 2))\(pad(c.day, 2))-\(String(decoding: suffix, as: UTF8.self))"
    }

    /// A new ID using the system's random source.
    public static func generate(prefix: String, created: Timestamp) -> String {
        var rng = SystemRandomNumberGenerator()
        return generate(prefix: prefix, created: created, using: &rng)
    }

    /// True if `text` is a well-formed ticket ID: letters, digits and inner
    /// hyphens, 4–40 characters, starting with a letter.
    public static func isWellFormed(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard (4...40).contains(b.count), let first = b.first, isLetter(first),
              b.last != UInt8(ascii: "-") else { return false }
        var prevHyphen = false
        for c in b {
            if c == UInt8(ascii: "-") {
                if prevHyphen { return false }
                prevHyphen = true
            } else {
                guard isLetter(c) || (c >= 48 && c <= 57) else { return false }
                prevHyphen = false
            }
        }
        return true
    }

    /// The random suffix of a generated ID (after its last hyphen), or nil for a legacy ID.
    public static func suffix(of id: String) -> Substring? {
        guard let dash = id.lastIndex(of: "-") else { return nil }
        return id[id.index(after: dash)...]
    }

    /// True if `query` (case-insensitive) names `id`: the whole ID, a prefix
    /// of it, or a prefix of its random suffix.
    public static func matches(_ query: String, id: String) -> Bool {
        let q = query.uppercased()
        guard !q.isEmpty else { return false }
        if id.uppercased().hasPrefix(q) { return true }
        if let s = suffix(of: id), s.uppercased().hasPrefix(q) { return true }
        return false
    }

    /// Resolves `query` against known IDs, most exact first: the whole ID
    /// (a legacy `CS2024050100` even when it is also the prefix of another
    /// ID), then one ID whose whole random suffix it is, then the one ID it is
    /// a unique prefix of (of the ID or of its suffix); several → ambiguous.
    public static func resolve(_ query: String, among ids: some Sequence<String>) -> Resolution {
        var found: [String] = []
        var wholeSuffix: [String] = []
        let upper = query.uppercased()
        for id in ids {
            if id.uppercased() == upper { return .found(id) }
            if matches(query, id: id) {
                found.append(id)
                if let s = suffix(of: id), s.uppercased() == upper { wholeSuffix.append(id) }
            }
        }
        if wholeSuffix.count == 1 { return .found(wholeSuffix[0]) }
        switch found.count {
        case 0: return .notFound
        case 1: return .found(found[0])
        default: return .ambiguous(found.sorted())
        }
    }

    /// The outcome of resolving an ID typed on the command line.
    public enum Resolution: Equatable, Sendable {
        case found(String)
        case notFound
        case ambiguous([String])
    }

    private static func isLetter(_ c: UInt8) -> Bool {
        (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
    }
}
