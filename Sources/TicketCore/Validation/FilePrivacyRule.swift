import Yams

/// Values and files the scan of files outside `tickets/` lets through:
/// documentation a desk ships on purpose (the examples in privacy.yaml, a
/// masking guide). Read from `.gitdesk/privacy-exceptions.yaml`, which, like
/// everything under `.gitdesk/`, only an admin may change:
///
/// ```yaml
/// exceptions:
///   - value: "13812345678"
///     reason: the example of masking in privacy.yaml
///   - path: templates/masking-guide.md
///     reason: shows agents what a raw value looks like
/// ```
public struct PrivacyExceptions: Sendable, Equatable {
    /// Exact values (as typed in the file) that are examples, not personal data.
    public var values: Set<String>
    /// Files (exact paths) that are not scanned at all.
    public var paths: Set<String>

    public init(values: Set<String> = [], paths: Set<String> = []) {
        self.values = values; self.paths = paths
    }

    /// The file, relative to the desk's root.
    public static let path = ".gitdesk/privacy-exceptions.yaml"

    /// Both lists together.
    public func merging(_ other: PrivacyExceptions) -> PrivacyExceptions {
        PrivacyExceptions(values: values.union(other.values), paths: paths.union(other.paths))
    }

    /// Reads the file's text; each entry needs a `reason` and one of `value` or `path`.
    public static func decode(yaml: String) throws(ConfigurationError) -> PrivacyExceptions {
        struct Entry: Decodable { var value: String?; var path: String?; var reason: String? }
        struct File: Decodable { var exceptions: [Entry]? }
        let file: File
        do {
            file = try YAMLDecoder().decode(File.self, from: yaml)
        } catch {
            throw ConfigurationError(file: path, line: 1, Message(.exceptionsNotAList, ["problem": .text(Finding.redacted(String(describing: error)))]))
        }
        var result = PrivacyExceptions()
        for (i, entry) in (file.exceptions ?? []).enumerated() {
            guard let reason = entry.reason, !reason.trimmed().isEmpty else {
                throw ConfigurationError(file: path, line: 1, Message(.exceptionNoReason, ["number": .number(i + 1)]))
            }
            switch (entry.value, entry.path) {
            case (let v?, nil): result.values.insert(v)
            case (nil, let p?): result.paths.insert(p)
            default:
                throw ConfigurationError(file: path, line: 1, Message(.exceptionValueOrPath, ["number": .number(i + 1)]))
            }
        }
        return result
    }
}

/// `pii` for whole trees: no raw personal data in any file outside
/// `tickets/` (templates, notes at the root, `.gitdesk/` files, team.yaml)
/// and in no file name anywhere, tickets included. Ticket files themselves
/// are judged field by field by ``PrivacyRule``. Binary files are not read.
/// Values and paths in ``PrivacyExceptions`` pass; messages show values only
/// masked.
public struct FilePrivacyRule: Sendable {
    public static let id = "pii"
    public var options: PIIScanOptions
    public var exceptions: PrivacyExceptions

    public init(options: PIIScanOptions = .standard, exceptions: PrivacyExceptions = PrivacyExceptions()) {
        self.options = options; self.exceptions = exceptions
    }

    /// Personal data in the path itself (`notes/13812345678.md`).
    public func checkName(_ path: String) -> [Finding] {
        guard !exceptions.paths.contains(path) else { return [] }
        // Each component alone: `2024/05/...` must not join a name's digits into a longer run.
        let matches = path.split(separator: "/").flatMap { part -> [PIIMatch] in
            let name = String(part)
            let whole = allowed(PIIScanner.scan(name, options: options), in: name)
            guard whole.isEmpty, let dot = name.lastIndex(of: "."), dot != name.startIndex else { return whole }
            let stem = String(name[..<dot])
            return allowed(PIIScanner.scan(stem, options: options), in: stem)
        }
        return matches.map { match in
            Finding(file: path, line: 1, rule: Self.id, field: nil,
                    Message(.piiInFileName, ["kind": .piiKind(match.kind), "masked": .text(match.masked)]))
        }
    }

    /// Personal data in the text of a file outside `tickets/`.
    public func checkContent(path: String, bytes: [UInt8]) -> [Finding] {
        guard !exceptions.paths.contains(path) else { return [] }
        // Not only UTF-8 text: a GBK note or a file with NUL bytes holds its digits
        // and addresses in ASCII all the same. Scanned as read, NUL as a line break
        // and bytes that are not UTF-8 as U+FFFD, so no encoding hides a value.
        let text = String(validating: bytes, as: UTF8.self)
            ?? String(decoding: bytes.map { $0 == 0 ? 10 : $0 }, as: UTF8.self)
        let matches = allowed(PIIScanner.scan(text, options: options), in: text)
        // Lines from one pass over the text (asking from its start per match
        // was quadratic: 20k numbers in one file held a push for minutes), and
        // at most `findingsPerFile` findings, then one that counts the rest.
        var counter = PIILineCounter(text)
        var findings = matches.prefix(Self.findingsPerFile).map { match in
            Finding(file: path, line: counter.line(at: match.utf8Range.lowerBound), rule: Self.id, field: nil,
                    TemplateFile.isTemplatePath(path)
                        // A template holds no contact data, masked or not (template-pii): the placeholder is the fix that passes.
                        ? Message(.piiInTemplateFile, ["kind": .piiKind(match.kind), "masked": .text(match.masked),
                                                       "placeholder": .text(TemplateScrub.placeholder(match.kind.zh))])
                        : Message(.piiInOtherFile, ["kind": .piiKind(match.kind), "masked": .text(match.masked), "exceptions": .text(PrivacyExceptions.path)]))
        }
        if matches.count > Self.findingsPerFile {
            let rest = matches[Self.findingsPerFile...]
            let line = counter.line(at: rest.first!.utf8Range.lowerBound)
            findings.append(Finding(file: path, line: line, rule: Self.id, field: nil,
                                    Message(.piiMoreInFile, ["count": .number(rest.count), "exceptions": .text(PrivacyExceptions.path)])))
        }
        return findings
    }

    /// How many findings one file outside `tickets/` reports one by one: a
    /// file of 20k phone numbers must not print 20k lines.
    public static let findingsPerFile = 20

    /// The raw values `text` holds, exactly as typed (for the built-in exceptions).
    public static func values(in text: String, options: PIIScanOptions = .standard) -> [String] {
        let utf8 = Array(text.utf8)
        return PIIScanner.scan(text, options: options).map { String(decoding: utf8[$0.utf8Range], as: UTF8.self) }
    }

    private func allowed(_ matches: [PIIMatch], in text: String) -> [PIIMatch] {
        guard !exceptions.values.isEmpty, !matches.isEmpty else { return matches }
        let utf8 = Array(text.utf8)
        return matches.filter { !exceptions.values.contains(String(decoding: utf8[$0.utf8Range], as: UTF8.self)) }
    }
}
