/// One customer-service ticket: its fields, its communication log and its
/// processing log.
///
/// Fields are kept by their schema key as canonical text (the schema, not the
/// code, decides which fields exist), so a desk can add a field without a
/// rebuild. Empty values are absent.
public struct Ticket: Equatable, Sendable {
    /// Field values by schema key (`id`, `title`, `status`, ...), never empty strings.
    public internal(set) var fields: [String: String]
    /// 沟通记录: each contact with the customer.
    public var contacts: [ContactEntry]
    /// 处理记录: append-only, one entry per action.
    public var log: [LogEntry]

    public init(fields: [String: String] = [:], contacts: [ContactEntry] = [], log: [LogEntry] = []) {
        self.fields = [:]
        self.contacts = contacts
        self.log = log
        for (k, v) in fields { self[k] = v }
    }

    /// A field's value, or nil when it is empty. Setting nil or blank text removes it.
    public subscript(key: String) -> String? {
        get { fields[key] }
        set {
            let trimmed = newValue.map(Ticket.normalise) ?? ""
            fields[key] = trimmed.isEmpty ? nil : trimmed
        }
    }

    /// 问题编号.
    public var id: String { fields["id"] ?? "" }
    /// 处理状态 (a workflow status key).
    public var status: String? { fields["status"] }
    /// 提交时间.
    public var created: Timestamp? { fields["created"].flatMap { Timestamp.parse($0) } }

    /// Normalises a value the way every write stores it: line endings as
    /// `\n`, trailing spaces on each line and blank lines at both ends removed.
    public static func normalise(_ text: String) -> String {
        if isNormalised(text) { return text }
        let lines = text.replacingCRLF().split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingTrailingWhitespace() }
        // Cut the blank ends by index: removeFirst() per blank line shifts the
        // whole array each time, quadratic for 400k leading blank lines (issue 10).
        let start = lines.firstIndex { !$0.utf8.allSatisfy({ $0 == 32 || $0 == 9 }) } ?? lines.endIndex
        let end = lines[start...].lastIndex { !$0.isEmpty }.map { $0 + 1 } ?? start
        if end - start == 1 { return lines[start].trimmingLeadingWhitespace() }
        return lines[start..<end].joined(separator: "\n")
    }
}

extension Ticket {
    /// True when `normalise` would return `text` unchanged, decided on its
    /// bytes (every file gitdesk wrote is normalised, and `list` parses them
    /// all). False only means "run the full normalisation".
    static func isNormalised(_ text: String) -> Bool {
        var lineStart = true
        var sawNewline = false
        var previous: UInt8 = 0
        var tail: (UInt8, UInt8) = (0, 0)   // the two bytes before `previous`
        for byte in text.utf8 {
            switch byte {
            case 13: return false
            case 10:
                // A line may not be empty (leading or trailing blank lines, or a blank line in a
                // one-liner) nor end in whitespace.
                if lineStart || endsInWhitespace(previous, tail) { return false }
                sawNewline = true
                lineStart = true
            default:
                if lineStart, !sawNewline, byte == 32 || byte == 9 || byte == 0xE3 { return false }
                lineStart = false
            }
            tail = (tail.1, previous)
            previous = byte
        }
        return !lineStart && !endsInWhitespace(previous, tail)
    }

    /// True if the bytes end in a space, a tab or U+3000 (E3 80 80).
    private static func endsInWhitespace(_ last: UInt8, _ before: (UInt8, UInt8)) -> Bool {
        last == 32 || last == 9 || (last == 0x80 && before == (0xE3, 0x80))
    }
}

/// One entry of the processing log (处理记录): when, who, what.
public struct LogEntry: Equatable, Sendable {
    public var time: Timestamp
    /// The operator's handle from team.yaml.
    public var `operator`: String
    /// What happened; may span lines.
    public var text: String

    public init(time: Timestamp, operator: String, text: String) {
        self.time = time
        self.operator = `operator`
        self.text = LogEntry.normalise(text)
    }

    /// Log text as the file keeps it: line endings as `\n`, trailing
    /// whitespace and blank lines at both ends dropped, a single line trimmed;
    /// blank lines inside and indentation (a code block, a pasted trace) kept.
    public static func normalise(_ text: String) -> String {
        let lines = TicketFile.entryLines(text)
        if lines.count == 1 { return lines[0].trimmed() }
        return lines.joined(separator: "\n")
    }
}

/// One contact with the customer (沟通记录): channel, summary, and an optional
/// follow-up action that stays open until done.
public struct ContactEntry: Equatable, Sendable {
    public var time: Timestamp
    public var `operator`: String
    /// A channel key (`phone`, `online_chat`, ...).
    public var channel: String
    /// What was said and agreed.
    public var summary: String
    /// A follow-up action, e.g. 明日电话确认.
    public var followUp: String?
    /// When the follow-up is due.
    public var followUpBy: Timestamp?
    /// True once the follow-up is done (or when there is none).
    public var done: Bool

    public init(time: Timestamp, operator: String, channel: String, summary: String,
                followUp: String? = nil, followUpBy: Timestamp? = nil, done: Bool? = nil) {
        self.time = time
        self.operator = `operator`
        self.channel = channel
        self.summary = Ticket.normalise(summary).replacingNewlines()
        let f = followUp.map { Ticket.normalise($0).replacingNewlines() }
        self.followUp = (f?.isEmpty ?? true) ? nil : f
        self.followUpBy = followUpBy
        self.done = done ?? (self.followUp == nil)
    }
}

extension String {
    /// `\r\n` and lone `\r` as `\n`, on bytes: as Characters, `\r\n` is one
    /// grapheme, and `"\r\r\n"` split at Characters left a CR behind.
    func replacingCRLF() -> String {
        guard utf8.contains(13) else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var afterCR = false
        for byte in utf8 {
            if byte == 10, afterCR { afterCR = false; continue }  // the CR already became \n
            afterCR = byte == 13
            out.append(afterCR ? 10 : byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The lines between `\n`s, split on bytes (a `\n` is always a character
    /// boundary once `\r\n` is gone; splitting Characters costs a grapheme
    /// break check per character, measurable when `list` parses 10k files).
    func splitLines() -> [Substring] {
        utf8.split(separator: 10, omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// True if the text holds a line break. Decided on bytes: Foundation's
    /// `contains("\n")` compares like NSString and misses a newline followed
    /// by a combining mark (a fuzz finding: such a value went to the front
    /// matter and the file no longer parsed).
    public var hasNewline: Bool { utf8.contains(10) }

    public func replacingNewlines() -> String {
        guard utf8.contains(10) else { return self }
        return split(separator: "\n").map { $0.trimmingLeadingWhitespace() }.joined(separator: " ")
    }
}

extension Substring {
    // Whitespace is trimmed on bytes (space, tab, U+3000 = E3 80 80), not on
    // Characters: a space followed by a combining mark is one Character, so
    // Character-wise trimming kept " \u{073C}x" whole while the file's
    // parser, after `key: `, saw it differently (a fuzz finding: rendering was
    // not a fixpoint). Cutting before a space or after U+3000 always lands on
    // a scalar boundary.
    func trimmingTrailingWhitespace() -> String {
        let whole = self
        let bytes = whole.utf8
        var end = bytes.endIndex
        while end > bytes.startIndex {
            let prev = bytes.index(before: end)
            let b = bytes[prev]
            if b == 32 || b == 9 { end = prev; continue }
            if b == 0x80, let p1 = bytes.index(prev, offsetBy: -2, limitedBy: bytes.startIndex),
               bytes[p1] == 0xE3, bytes[bytes.index(after: p1)] == 0x80 {
                end = p1
                continue
            }
            break
        }
        return String(whole[whole.startIndex..<end])
    }

    func trimmingLeadingWhitespace() -> String {
        let whole = self
        let bytes = whole.utf8
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let b = bytes[start]
            if b == 32 || b == 9 { start = bytes.index(after: start); continue }
            if b == 0xE3, let end = bytes.index(start, offsetBy: 3, limitedBy: bytes.endIndex),
               bytes[bytes.index(after: start)] == 0x80, bytes[bytes.index(start, offsetBy: 2)] == 0x80 {
                start = end
                continue
            }
            break
        }
        return String(whole[start..<whole.endIndex])
    }

    /// Trimmed of spaces and tabs at both ends.
    public func trimmed() -> String { trimmingLeadingWhitespace().trimmingTrailingWhitespace() }
}

extension String {
    func trimmingTrailingWhitespace() -> String { self[...].trimmingTrailingWhitespace() }
    func trimmingLeadingWhitespace() -> String { self[...].trimmingLeadingWhitespace() }
    /// Trimmed of spaces and tabs at both ends.
    public func trimmed() -> String { self[...].trimmed() }
}
