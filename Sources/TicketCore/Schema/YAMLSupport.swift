import Yams

/// A problem in a desk's configuration file, with the file and line to fix.
public struct ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// The English text (logs, tests); ``catalogued`` is what people read.
    public var message: String
    /// The problem as a catalogue sentence (nil: a library's own words, said as they are).
    public var catalogued: Message?

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// A problem whose words come from the catalogue.
    public init(file: String, line: Int, _ message: Message) {
        self.init(file: file, line: line, message: message.render(.en))
        catalogued = message
    }

    /// The problem as a catalogue sentence: `file:line: problem`.
    public var sentence: Message {
        Message(.settingsProblem, ["file": .text(file), "line": .number(line),
                                   "problem": catalogued.map { .message($0) } ?? .text(message)])
    }

    public var description: String { "\(file):\(line): \(message)" }
}

/// Decodes YAML into typed Codable structs (never into `Any`: untyped
/// loading turns `no` into false and `0123` into 83), reporting failures
/// with the file and line of the offending node.
public struct YAMLFile {
    public let name: String
    public let text: String
    let root: Node?

    public init(name: String, text: String) throws(ConfigurationError) {
        self.name = name
        self.text = text
        // Named here with its line and column: libyaml reports a control
        // character as a reader error at a byte offset (said as line 1), and
        // would quote the line around it.
        // A leading byte order mark (Windows editors write one) is no control character here.
        if let found = ControlCharacters.first(in: (text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text).replacingCRLF()) {
            throw ConfigurationError(file: name, line: found.line, Message(.settingsControlCharacter,
                ["character": .text(ControlCharacters.name(found.scalar)), "column": .number(found.column)]))
        }
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigurationError(file: name, line: YAMLFile.line(of: error), message: YAMLFile.describe(error))
        } catch {
            throw ConfigurationError(file: name, line: 1, Message(.settingsNotYAML, ["problem": .text("\(error)")]))
        }
    }

    /// Decodes the whole document.
    public func decode<T: Decodable>(_ type: T.Type) throws(ConfigurationError) -> T {
        guard let root else { throw ConfigurationError(file: name, line: 1, Message(.settingsEmptyFile)) }
        do {
            return try YAMLDecoder().decode(T.self, from: root)
        } catch let error as DecodingError {
            let (path, message) = YAMLFile.describe(error)
            throw ConfigurationError(file: name, line: line(at: path), message: message)
        } catch {
            throw ConfigurationError(file: name, line: 1, message: "\(error)")
        }
    }

    /// The line of the node at a coding path (the nearest existing ancestor).
    public func line(at path: [any CodingKey]) -> Int {
        guard var node = root else { return 1 }
        var line = node.mark?.line ?? 1
        for key in path {
            var next: Node?
            if let index = key.intValue, let seq = node.sequence, index < seq.count {
                next = seq[index]
            } else if let map = node.mapping {
                for (k, v) in map where k.string == key.stringValue {
                    next = v
                    line = k.mark?.line ?? line
                }
            }
            guard let n = next else { break }
            node = n
            line = n.mark?.line ?? line
        }
        return line
    }

    /// The line of a path written as keys and indexes, e.g. `["fields", 3, "type"]`.
    public func line(at path: [PathComponent]) -> Int {
        line(at: path.map { $0.codingKey })
    }

    /// A step in a path into a YAML document.
    public enum PathComponent: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, Sendable {
        case key(String)
        case index(Int)
        public init(stringLiteral value: String) { self = .key(value) }
        public init(integerLiteral value: Int) { self = .index(value) }
        var codingKey: any CodingKey {
            switch self {
            case .key(let k): return AnyKey(stringValue: k)
            case .index(let i): return AnyKey(intValue: i)
            }
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(stringValue: String) { self.stringValue = stringValue }
        init(intValue: Int) { self.intValue = intValue; self.stringValue = String(intValue) }
    }

    static func describe(_ error: DecodingError) -> ([any CodingKey], String) {
        func where_(_ path: [any CodingKey]) -> String {
            let p = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return p.isEmpty ? "" : " at \(p)"
        }
        switch error {
        case .keyNotFound(let key, let ctx):
            return (ctx.codingPath, "missing key '\(key.stringValue)'\(where_(ctx.codingPath))")
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx):
            return (ctx.codingPath, "\(ctx.debugDescription)\(where_(ctx.codingPath))")
        case .dataCorrupted(let ctx):
            return (ctx.codingPath, "\(ctx.debugDescription)\(where_(ctx.codingPath))")
        @unknown default:
            return ([], "\(error)")
        }
    }

    static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return 1
        }
    }

    static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return "not valid YAML: \(problem)"
        default:
            return "not valid YAML: \(error)"
        }
    }
}
