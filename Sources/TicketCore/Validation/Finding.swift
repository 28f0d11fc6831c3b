/// One problem found by validation: where, which rule, what to do.
public struct Finding: Equatable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Codable, Sendable { case error, warning }

    /// Path of the file in the desk (e.g. `tickets/2024/05/CS-20240501-7K3FQ2.md`).
    public var file: String
    public var line: Int
    /// The rule's id, e.g. `required-field`.
    public var rule: String
    /// The field concerned, if any.
    public var field: String?
    public var message: String
    public var severity: Severity
    /// The message as a catalogue sentence, for rules converted to the
    /// catalogue; `message` is then its English text (JSON, logs).
    public var catalogued: Message?

    enum CodingKeys: String, CodingKey { case file, line, rule, field, message, severity }

    /// Makes a finding. The file and the message pass through ``redacted(_:)``,
    /// so no rule can print personal data back (a file named after a phone
    /// number, a raw value quoted in a message).
    public init(file: String, line: Int, rule: String, field: String? = nil, message: String, severity: Severity = .error) {
        self.file = Self.redacted(file); self.line = line; self.rule = rule; self.field = field
        self.message = Self.redacted(message); self.severity = severity
    }

    /// A finding whose words come from the catalogue.
    public init(file: String, line: Int, rule: String, field: String? = nil, _ message: Message, severity: Severity = .error) {
        self.init(file: file, line: line, rule: rule, field: field, message: message.render(.en), severity: severity)
        catalogued = message
    }

    /// The message in a language, personal data masked.
    public func text(_ lang: Language, labels: (any MessageLabels)? = nil) -> String {
        catalogued.map { Self.redacted($0.render(lang, labels: labels)) } ?? message
    }

    /// `text` with every value of personal data masked (`138****5678`): the
    /// one helper every finding, refusal and report line goes through.
    public static func redacted(_ text: String) -> String {
        let masked = PIIScanner.mask(text).text
        guard masked.contains("/") else { return masked }
        // Path components one by one too: `2024/05/13812345678` must not read as one long digit run.
        return masked.split(separator: "/", omittingEmptySubsequences: false)
            .map { maskedName(String($0)) }.joined(separator: "/")
    }

    /// One file name masked: its stem alone too (`13812345678.md`), since a
    /// value glued to an extension may not read as one.
    static func maskedName(_ name: String) -> String {
        let whole = PIIScanner.mask(name).text
        guard whole == name, let dot = name.lastIndex(of: "."), dot != name.startIndex else { return whole }
        return PIIScanner.mask(String(name[..<dot])).text + name[dot...]
    }

    /// `file:line: rule: message`
    public var description: String { "\(file):\(line): \(rule): \(message)" }
}

/// Everything a rule may look at for one ticket version.
public struct ValidationContext: Sendable {
    public var schema: Schema
    /// The roster at the parent revision (nil: roster checks are skipped).
    public var team: Team?
    /// The file's path in the desk.
    public var path: String
    /// The version before the change (nil for a new ticket).
    public var old: Ticket?
    /// The version being checked, with its line numbers.
    public var new: ParsedTicket
    /// Who made the change (the operator, or the commit's author).
    public var author: Person?

    public init(schema: Schema, team: Team?, path: String, old: Ticket?, new: ParsedTicket, author: Person?) {
        self.schema = schema; self.team = team; self.path = path; self.old = old; self.new = new; self.author = author
    }

    /// A finding at a field's line.
    public func finding(_ rule: String, field: String?, _ message: String, severity: Finding.Severity = .error) -> Finding {
        Finding(file: path, line: field.map { new.line(of: $0) } ?? 1, rule: rule, field: field, message: message, severity: severity)
    }

    /// A finding at a field's line, its words from the catalogue.
    public func finding(_ rule: String, field: String?, _ message: Message, severity: Finding.Severity = .error) -> Finding {
        Finding(file: path, line: field.map { new.line(of: $0) } ?? 1, rule: rule, field: field, message, severity: severity)
    }
}

/// A validation rule: one small type with an id, a doc comment and a test.
public protocol ValidationRule: Sendable {
    /// Stable id shown in findings (`required-field`).
    var id: String { get }
    func check(_ context: ValidationContext) -> [Finding]
}
