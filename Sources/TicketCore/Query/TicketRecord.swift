/// A parsed ticket as compact bytes, for the query cache: every field, contact
/// and log entry exactly as the parser produced them, so a query decodes rows
/// instead of parsing ticket files again (the parse, with its normalisation of
/// every value, was most of a warm `list` at 10k tickets).
///
/// Layout: a version byte, then the fields (count, then key and value), the
/// contacts and the log entries; numbers as LEB128 varints (times zigzag),
/// texts as a length and their UTF-8 bytes. `decode(encode(t)) == t` for every
/// ticket (TicketRecordTests); the values were normalised when the file was
/// parsed, so decoding does not normalise them again.
public enum TicketRecord {
    /// Bump with the cache's format when the layout changes.
    static let version: UInt8 = 1

    /// The bytes of `ticket`.
    public static func encode(_ ticket: Ticket) -> [UInt8] {
        var out: [UInt8] = [version]
        out.reserveCapacity(512)
        put(UInt64(ticket.fields.count), &out)
        for (key, value) in ticket.fields.sorted(by: { $0.key < $1.key }) {
            put(key, &out)
            put(value, &out)
        }
        put(UInt64(ticket.contacts.count), &out)
        for c in ticket.contacts {
            put(c.time, &out)
            put(c.operator, &out)
            put(c.channel, &out)
            put(c.summary, &out)
            out.append((c.followUp == nil ? 0 : 1) | (c.followUpBy == nil ? 0 : 2) | (c.done ? 4 : 0))
            if let f = c.followUp { put(f, &out) }
            if let by = c.followUpBy { put(by, &out) }
        }
        put(UInt64(ticket.log.count), &out)
        for e in ticket.log {
            put(e.time, &out)
            put(e.operator, &out)
            put(e.text, &out)
        }
        return out
    }

    /// The ticket of `bytes`, or nil when they are not a record of this version
    /// (the cache then reads the file again).
    public static func decode(_ bytes: [UInt8]) -> Ticket? {
        bytes.withUnsafeBufferPointer { decode($0) }
    }

    /// The ticket of the bytes at `bytes` (a database row's blob, read in place).
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> Ticket? {
        decode(bytes.bindMemory(to: UInt8.self))
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Ticket? {
        var r = Reader(bytes: bytes, at: 0)
        guard r.byte() == version else { return nil }
        var fields: [String: String] = [:]
        guard let nFields = r.count() else { return nil }
        fields.reserveCapacity(nFields)
        for _ in 0..<nFields {
            guard let key = r.string(), let value = r.string() else { return nil }
            fields[key] = value
        }
        guard let nContacts = r.count() else { return nil }
        var contacts: [ContactEntry] = []
        contacts.reserveCapacity(nContacts)
        for _ in 0..<nContacts {
            guard let time = r.time(), let who = r.string(), let channel = r.string(), let summary = r.string(),
                  let flags = r.byte() else { return nil }
            var followUp: String? = nil
            var by: Timestamp? = nil
            if flags & 1 != 0 { guard let f = r.string() else { return nil }; followUp = f }
            if flags & 2 != 0 { guard let t = r.time() else { return nil }; by = t }
            contacts.append(ContactEntry(verbatim: time, operator: who, channel: channel, summary: summary,
                                         followUp: followUp, followUpBy: by, done: flags & 4 != 0))
        }
        guard let nLog = r.count() else { return nil }
        var log: [LogEntry] = []
        log.reserveCapacity(nLog)
        for _ in 0..<nLog {
            guard let time = r.time(), let who = r.string(), let text = r.string() else { return nil }
            log.append(LogEntry(verbatim: time, operator: who, text: text))
        }
        guard r.at == bytes.count else { return nil }
        return Ticket(verbatim: fields, contacts: contacts, log: log)
    }

    private static func put(_ n: UInt64, _ out: inout [UInt8]) {
        var n = n
        while n >= 0x80 {
            out.append(UInt8(n & 0x7F) | 0x80)
            n >>= 7
        }
        out.append(UInt8(n))
    }

    private static func put(_ s: String, _ out: inout [UInt8]) {
        put(UInt64(s.utf8.count), &out)
        out.append(contentsOf: s.utf8)
    }

    private static func put(_ t: Timestamp, _ out: inout [UInt8]) {
        put(UInt64(bitPattern: (t.seconds << 1) ^ (t.seconds >> 63)), &out)
        let m = Int64(t.offsetMinutes)
        put(UInt64(bitPattern: (m << 1) ^ (m >> 63)), &out)
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var at: Int

        mutating func byte() -> UInt8? {
            guard at < bytes.count else { return nil }
            defer { at += 1 }
            return bytes[at]
        }

        mutating func varint() -> UInt64? {
            var n: UInt64 = 0
            var shift: UInt64 = 0
            while shift < 64, let b = byte() {
                n |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return n }
                shift += 7
            }
            return nil
        }

        /// A count or length no larger than the bytes left (a damaged record
        /// cannot ask for a huge allocation).
        mutating func count() -> Int? {
            guard let n = varint(), n <= UInt64(bytes.count - at) else { return nil }
            return Int(n)
        }

        mutating func string() -> String? {
            guard let n = count() else { return nil }
            defer { at += n }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[at..<(at + n)]), as: UTF8.self)
        }

        mutating func signed() -> Int64? {
            guard let z = varint() else { return nil }
            return Int64(bitPattern: z >> 1) ^ -Int64(bitPattern: z & 1)
        }

        mutating func time() -> Timestamp? {
            guard let s = signed(), let m = signed(), let minutes = Int(exactly: m) else { return nil }
            return Timestamp(seconds: s, offsetMinutes: minutes)
        }
    }
}

extension Ticket {
    /// A ticket from values already normalised (a decoded cache record).
    init(verbatim fields: [String: String], contacts: [ContactEntry], log: [LogEntry]) {
        self.init(contacts: contacts, log: log)
        self.fields = fields
    }
}

extension LogEntry {
    /// An entry whose text is already normalised.
    init(verbatim time: Timestamp, operator who: String, text: String) {
        self.init(time: time, operator: who, text: "")
        self.text = text
    }
}

extension ContactEntry {
    /// A contact whose texts are already normalised.
    init(verbatim time: Timestamp, operator who: String, channel: String, summary: String,
         followUp: String?, followUpBy: Timestamp?, done: Bool) {
        self.init(time: time, operator: who, channel: channel, summary: "")
        self.summary = summary
        self.followUp = followUp
        self.followUpBy = followUpBy
        self.done = done
    }
}
