/// The ticket file format: reading and canonical writing.
///
/// ```
/// ---
/// id: CS-20240501-7K3FQ2
/// created: 2024-05-01T14:30:00+08:00
/// title: 支付成功但订单未生成
/// status: in_progress
/// ---
///
/// ## description
///
/// 支付成功但订单未生成,导致重复下单
///
/// ## contacts
///
/// - 2024-05-01T15:30:00+08:00 li: phone
///   summary: 客户来电确认订单已生成
///   follow-up: 明日电话回访
///   by: 2024-05-02T18:00:00+08:00
///   state: open
///
/// ## log
///
/// - 2024-05-01T14:45:00+08:00 zhang: 技术排查发现接口超时
/// ```
///
/// Front matter holds one `key: value` line per one-line field in the
/// schema's order (not general YAML: the value is the rest of the line);
/// long texts are `## key` sections; the communication log and the
/// append-only processing log come last so a change reads as one or two
/// lines in a diff. `render(parse(x)) == x` for every file gitdesk writes.
public enum TicketFile {
    /// The section that holds the processing log.
    public static let logSection = "log"
    /// The section that holds the communication log.
    public static let contactsSection = "contacts"

    // MARK: Rendering

    /// Renders a ticket canonically. Fields the layout does not know are kept
    /// (after the known ones, sorted) so nothing a person typed is lost.
    public static func render(_ ticket: Ticket, layout: TicketLayout) -> String {
        var out = "---\n"
        let known = Set(layout.frontMatter).union(layout.sections)
        var extraFront: [String] = []
        var extraSections: [String] = []
        for key in ticket.fields.keys.sorted() where !known.contains(key) {
            if ticket.fields[key]!.hasNewline { extraSections.append(key) } else { extraFront.append(key) }
        }
        for key in layout.frontMatter + extraFront {
            guard let value = ticket.fields[key] else { continue }
            if value.hasNewline { continue }  // written as a section below
            out += key; out += ": "; out += quoteIfNeeded(value); out += "\n"
        }
        out += "---\n"
        var sectionKeys = layout.sections + extraSections
        for key in layout.frontMatter where ticket.fields[key]?.hasNewline == true {
            sectionKeys.append(key)
        }
        for key in sectionKeys {
            guard let value = ticket.fields[key] else { continue }
            out += "\n## "; out += key; out += "\n\n"
            for line in value.splitLines() {
                out += escapeSectionLine(line); out += "\n"
            }
        }
        if !ticket.contacts.isEmpty {
            out += "\n## \(contactsSection)\n\n"
            for c in ticket.contacts {
                out += "- \(c.time.iso8601) \(c.operator): \(c.channel)\n"
                out += "  summary: \(c.summary)\n"
                if let f = c.followUp { out += "  follow-up: \(f)\n" }
                if let by = c.followUpBy { out += "  by: \(by.iso8601)\n" }
                out += "  state: \(c.done ? "done" : "open")\n"
            }
        }
        if !ticket.log.isEmpty {
            out += "\n## \(logSection)\n\n"
            for e in ticket.log {
                let lines = entryLines(e.text)
                // An indented first line goes below the head, so its indentation stays.
                let head = lines.first.flatMap { startsWithBlank($0) ? nil : $0 }
                out += "- \(e.time.iso8601) \(e.operator): \(head ?? "")\n"
                for more in lines.dropFirst(head == nil ? 0 : 1) {
                    if more.isEmpty { out += "\n" } else { out += "  "; out += more; out += "\n" }
                }
            }
        }
        return out
    }

    /// The lines a log entry's text is written as: CRLF read as LF, trailing
    /// whitespace dropped (editors drop it too), blank lines at the start and
    /// end dropped; blank lines inside and indentation (a pasted stack trace,
    /// a code block) kept.
    static func entryLines(_ text: String) -> [String] {
        let lines = text.replacingCRLF().split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingTrailingWhitespace() }
        // By index, not removeFirst() per line (quadratic on many blank lines).
        let start = lines.firstIndex { !$0.isEmpty } ?? lines.endIndex
        let end = lines[start...].lastIndex { !$0.isEmpty }.map { $0 + 1 } ?? start
        return Array(lines[start..<end])
    }

    /// True if `line` starts with what the parser trims (space, tab, U+3000).
    private static func startsWithBlank(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first else { return false }
        return first == " " || first == "\t" || first == "\u{3000}"
    }

    private static func quoteIfNeeded(_ value: String) -> String {
        guard value.first == "\"" && value.last == "\"" && value.count >= 2 else { return value }
        return "\"" + value.replacingOccurrences("\\", "\\\\").replacingOccurrences("\"", "\\\"") + "\""
    }

    /// Section text lines that would read as a heading get a backslash.
    private static func escapeSectionLine(_ line: Substring) -> String {
        var rest = line[...]
        while rest.first == "\\" { rest = rest.dropFirst() }
        return rest.hasPrefix("## ") || rest == "##" ? "\\" + line : String(line)
    }

    private static func unescapeSectionLine(_ line: Substring) -> String {
        var rest = line[...]
        while rest.first == "\\" { rest = rest.dropFirst() }
        if line.first == "\\" && (rest.hasPrefix("## ") || rest == "##") { return String(line.dropFirst()) }
        return String(line)
    }

    /// Why a file that parses still holds no ticket (empty, `---\n---\n`,
    /// front matter without an `id`), or nil. `list` names such a file rather
    /// than passing over it; the validator refuses it by its missing fields.
    public static func hollowReason(_ parsed: ParsedTicket) -> Message? {
        guard parsed.ticket["id"]?.isEmpty ?? true else { return nil }
        return Message(parsed.fieldLines.isEmpty ? .hollowNoFrontMatter : .hollowNoID)
    }

    // MARK: Parsing

    /// Parses a ticket file. Accepts hand edits that a person would expect to
    /// work (CRLF, a byte-order mark, quoted values, a long text written in
    /// the front matter, extra blank lines); refuses anything ambiguous with
    /// the line number.
    public static func parse(_ text: String) throws(TicketFileError) -> ParsedTicket {
        do { return try parseBody(text) } catch {
            // A file that does not read because it is an unfinished merge: say so.
            if case .malformed = error, let line = conflictMarkerLine(text) {
                throw .malformed(line: line, Message(.parseConflictMarker))
            }
            throw error
        }
    }

    /// The 1-based line of the first git conflict marker (`<<<<<<< `) in `text`, if any.
    static func conflictMarkerLine(_ text: String) -> Int? {
        text.replacingCRLF().splitLines().firstIndex { $0.hasPrefix("<<<<<<< ") || $0.hasPrefix(">>>>>>> ") }.map { $0 + 1 }
    }

    static func parseBody(_ text: String) throws(TicketFileError) -> ParsedTicket {
        guard text.utf8.count <= TicketLimits.fileBytes else { throw .tooLarge(bytes: text.utf8.count) }
        var body = text
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        let lines = body.replacingCRLF().splitLines()
        var result = ParsedTicket()
        var i = 0
        // Leading blank lines are tolerated.
        while i < lines.count, lines[i].trimmed().isEmpty { i += 1 }
        // Nothing but blank lines (or 0 bytes): said as such, not as a missing '---'.
        guard i < lines.count else { throw .empty }
        guard lines[i].trimmed() == "---" else {
            throw .malformed(line: i + 1, Message(.parseNoOpeningDashes))
        }
        i += 1
        var closed = false
        while i < lines.count {
            let raw = lines[i]
            let lineNo = i + 1
            i += 1
            let line = raw.trimmingTrailingWhitespace()
            if line.trimmed() == "---" { closed = true; break }
            if line.trimmed().isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw .malformed(line: lineNo, Message(.parseNotFieldLine))
            }
            let key = String(line[..<colon]).trimmed()
            guard isFieldKey(key) else {
                throw .malformed(line: lineNo, Message(.parseBadFieldName, ["key": .text(key)]))
            }
            guard result.fieldLines[key] == nil else {
                throw .malformed(line: lineNo, Message(.parseFieldTwice, ["key": .text(key), "line": .number(result.fieldLines[key]!)]))
            }
            var value = String(line[line.index(after: colon)...]).trimmed()
            if value.count >= 2 && value.first == "\"" && value.last == "\"" {
                value = unquote(value.dropFirst().dropLast())
            }
            result.fieldLines[key] = lineNo
            result.ticket[key] = value
        }
        guard closed else {
            throw .malformed(line: lines.last?.isEmpty == true ? max(1, lines.count - 1) : lines.count,
                             Message(.parseNoClosingDashes))
        }

        // Sections.
        var current: (key: String, line: Int)? = nil
        var buffer: [Substring] = []
        func flush() throws(TicketFileError) {
            guard let (key, line) = current else { return }
            switch key {
            case logSection: try parseLog(buffer, firstLine: line + 1, into: &result)
            case contactsSection: try parseContacts(buffer, firstLine: line + 1, into: &result)
            default:
                if result.fieldLines[key] != nil {
                    throw .malformed(line: line, Message(.parseFieldAndSection, ["key": .text(key), "line": .number(result.fieldLines[key]!)]))
                }
                result.fieldLines[key] = line
                result.ticket[key] = buffer.map(unescapeSectionLine).joined(separator: "\n")
            }
        }
        while i < lines.count {
            let line = lines[i]
            let lineNo = i + 1
            i += 1
            if line.hasPrefix("## ") {
                try flush()
                let key = String(line.dropFirst(3)).trimmed()
                guard isFieldKey(key) else {
                    throw .malformed(line: lineNo, Message(.parseBadSectionName, ["key": .text(key)]))
                }
                if result.sectionLines[key] != nil {
                    throw .malformed(line: lineNo, Message(.parseSectionTwice, ["key": .text(key)]))
                }
                result.sectionLines[key] = lineNo
                current = (key, lineNo)
                buffer = []
            } else if current != nil {
                buffer.append(line)
            } else if !line.trimmed().isEmpty {
                throw .malformed(line: lineNo, Message(.parseTextOutsideSection))
            }
        }
        try flush()
        return result
    }

    private static func parseLog(_ lines: [Substring], firstLine: Int, into result: inout ParsedTicket) throws(TicketFileError) {
        // Blank lines belong to an entry only when more of its indented text follows.
        var blanks = 0
        for (offset, line) in lines.enumerated() {
            let lineNo = firstLine + offset
            if line.trimmed().isEmpty { blanks += 1; continue }
            defer { blanks = 0 }
            if line.hasPrefix("- ") {
                let (time, op, text) = try entryHead(line.dropFirst(2), lineNo: lineNo)
                result.ticket.log.append(LogEntry(time: time, operator: op, text: text))
                result.logLines.append(lineNo)
            } else if line.hasPrefix(" "), !result.ticket.log.isEmpty {
                let n = result.ticket.log.count - 1
                // The two spaces that mark a continuation go; deeper indentation is the text's.
                let indent = line.utf8.prefix(2).prefix { $0 == 32 }.count
                let more = Substring(line.trimmingTrailingWhitespace().utf8.dropFirst(indent))
                if result.ticket.log[n].text.isEmpty {
                    result.ticket.log[n].text = String(more)
                } else {
                    result.ticket.log[n].text += String(repeating: "\n", count: 1 + blanks) + more
                }
            } else {
                throw .malformed(line: lineNo, Message(.parseLogEntryShape))
            }
        }
    }

    private static func parseContacts(_ lines: [Substring], firstLine: Int, into result: inout ParsedTicket) throws(TicketFileError) {
        for (offset, line) in lines.enumerated() {
            let lineNo = firstLine + offset
            if line.trimmed().isEmpty { continue }
            if line.hasPrefix("- ") {
                let (time, op, channel) = try entryHead(line.dropFirst(2), lineNo: lineNo)
                result.ticket.contacts.append(ContactEntry(time: time, operator: op, channel: channel, summary: ""))
                result.contactLines.append(lineNo)
                continue
            }
            guard line.hasPrefix(" "), !result.ticket.contacts.isEmpty, let colon = line.firstIndex(of: ":") else {
                throw .malformed(line: lineNo, Message(.parseContactShape))
            }
            let key = line[..<colon].trimmed()
            let value = line[line.index(after: colon)...].trimmed()
            let n = result.ticket.contacts.count - 1
            switch key {
            case "summary": result.ticket.contacts[n].summary = value
            case "follow-up": result.ticket.contacts[n].followUp = value.isEmpty ? nil : value
            case "by":
                guard let t = Timestamp.parse(value) else {
                    throw .malformed(line: lineNo, Message(.parseNotDateTime, ["value": .text(value)]))
                }
                result.ticket.contacts[n].followUpBy = t
            case "state":
                guard value == "open" || value == "done" else {
                    throw .malformed(line: lineNo, Message(.parseContactState))
                }
                result.ticket.contacts[n].done = value == "done"
            default:
                throw .malformed(line: lineNo, Message(.parseUnknownContactLine, ["key": .text(key)]))
            }
        }
    }

    /// `TIME OPERATOR: rest`
    private static func entryHead(_ s: Substring, lineNo: Int) throws(TicketFileError) -> (Timestamp, String, String) {
        guard let space = s.firstIndex(of: " "), let time = Timestamp.parse(String(s[..<space])) else {
            throw .malformed(line: lineNo, Message(.parseEntryStartsWithTime))
        }
        let rest = s[s.index(after: space)...]
        guard let colon = rest.firstIndex(of: ":") else {
            throw .malformed(line: lineNo, Message(.parseEntryShape))
        }
        let op = rest[..<colon].trimmed()
        guard isHandle(op) else {
            throw .malformed(line: lineNo, Message(.parseNotHandle, ["value": .text(op)]))
        }
        return (time, op, rest[rest.index(after: colon)...].trimmed())
    }

    private static func unquote(_ s: Substring) -> String {
        var out = ""
        var escaping = false
        for ch in s {
            if escaping { out.append(ch); escaping = false } else if ch == "\\" { escaping = true } else { out.append(ch) }
        }
        return out
    }

    /// Field keys: lowercase ASCII letters, digits and `_`, starting with a letter.
    public static func isFieldKey(_ s: String) -> Bool {
        guard let f = s.utf8.first, f >= 97 && f <= 122 else { return false }
        return s.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
    }

    /// Operator handles: ASCII letters, digits, `.`, `_`, `-`.
    public static func isHandle(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= 64 && s.utf8.allSatisfy {
            ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 95 || $0 == 46 || $0 == 45
        }
    }
}

/// A parsed ticket with the line each part came from, for findings.
public struct ParsedTicket: Equatable, Sendable {
    public var ticket = Ticket()
    /// The line of each field (front matter line or section heading).
    public var fieldLines: [String: Int] = [:]
    /// The heading line of each section.
    public var sectionLines: [String: Int] = [:]
    /// The line of each log entry, in order.
    public var logLines: [Int] = []
    /// The line of each contact entry, in order.
    public var contactLines: [Int] = []

    public init() {}

    /// The line to point at for `key` (1 if unknown: the file's start).
    public func line(of key: String) -> Int { fieldLines[key] ?? 1 }
}

/// Why a ticket file could not be read.
public enum TicketFileError: Error, Equatable, Sendable, CataloguedMessage {
    case malformed(line: Int, Message)
    /// Bytes that are not UTF-8 text (or a NUL byte), first seen on `line`.
    case notUTF8(line: Int)
    /// A file larger than ``TicketLimits/fileBytes``: not read at all.
    case tooLarge(bytes: Int)
    /// A file of 0 bytes or only blank lines (a truncated copy, `touch`, a failed editor save).
    case empty

    public var line: Int {
        switch self {
        case .malformed(let line, _): return line
        case .notUTF8(let line): return line
        case .tooLarge, .empty: return 1
        }
    }

    public var message: Message {
        switch self {
        case .malformed(_, let message): return message
        case .notUTF8: return Message(.fileNotUTF8)
        case .empty: return Message(.emptyTicketFile)
        case .tooLarge(let bytes):
            return Message(.fileTooLarge, ["size": .text(TicketLimits.describe(bytes: bytes)),
                                           "limit": .text(TicketLimits.describe(bytes: TicketLimits.fileBytes))])
        }
    }
}

extension TicketFile {
    /// Parses raw bytes, refusing anything that is not UTF-8 text.
    public static func parse(bytes: [UInt8]) throws(TicketFileError) -> ParsedTicket {
        guard bytes.count <= TicketLimits.fileBytes else { throw .tooLarge(bytes: bytes.count) }
        guard !bytes.contains(0), let text = String(validating: bytes, as: UTF8.self) else {
            throw .notUTF8(line: firstInvalidLine(bytes))
        }
        return try parse(text)
    }

    /// The line holding the first byte that is not part of valid UTF-8.
    static func firstInvalidLine(_ bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (i, b) in bytes.enumerated() where b == 10 || b == 0 || i == bytes.count - 1 {
            let end = b == 10 ? i : i + 1
            if bytes[start..<end].contains(0) || String(validating: bytes[start..<end], as: UTF8.self) == nil { return line }
            if b == 10 { line += 1; start = i + 1 }
        }
        return line
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
