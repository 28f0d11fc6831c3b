/// What people type for a field or a value: the key (`closed`), or its
/// Chinese or English label (`已关闭`, `Closed`), everywhere a value is typed.
extension Schema {
    /// Why a typed name was not understood.
    public enum TypedNameError: Error, Equatable, Sendable, CataloguedMessage {
        /// Several keys have this label.
        case ambiguous(what: String, typed: String, choices: [String])

        public var message: Message {
            switch self {
            case .ambiguous(let what, let typed, let choices):
                return Message(.ambiguousName, ["what": .field(what), "typed": .text(typed), "choices": .texts(choices)])
            }
        }
    }

    /// The field key for what was typed (a key, or a field's zh or en label;
    /// English case-insensitively). Unknown names come back as typed, for the
    /// caller's "unknown field" message.
    public func fieldKey(typed: String) throws(TypedNameError) -> String {
        let t = typed.trimmed()
        if field(t) != nil { return t }
        let matches = fields.filter { $0.zh == t || $0.en.lowercased() == t.lowercased() }.map(\.key)
        return try Self.one(matches, typed: t, what: "field")
    }

    /// The value key for what was typed into field `key` (status, enums,
    /// departments; a list field's comma-separated parts each). Other fields,
    /// and values no label matches, come back as typed.
    public func valueKey(typed: String, of key: String) throws(TypedNameError) -> String {
        let t = typed.trimmed()
        let candidates: [(key: String, zh: String, en: String)]
        if key == "status" {
            candidates = workflow.statuses.map { ($0.key, $0.zh, $0.en) }
        } else if let name = field(key)?.enumName {
            candidates = values(of: name).map { ($0.key, $0.zh, $0.en) }
        } else {
            return typed
        }
        func resolve(_ part: String) throws(TypedNameError) -> String {
            if candidates.contains(where: { $0.key == part }) { return part }
            let lower = part.lowercased()
            let matches = candidates.filter { $0.zh == part || $0.en.lowercased() == lower }.map(\.key)
            return try Self.one(matches, typed: part, what: key)
        }
        if field(key)?.type == .list {
            var parts: [String] = []
            for part in t.split(separator: ",") { parts.append(try resolve(part.trimmed())) }
            return parts.joined(separator: ", ")
        }
        return try resolve(t)
    }

    private static func one(_ matches: [String], typed: String, what: String) throws(TypedNameError) -> String {
        var unique: [String] = []
        for m in matches where !unique.contains(m) { unique.append(m) }
        switch unique.count {
        case 0: return typed
        case 1: return unique[0]
        default: throw .ambiguous(what: what, typed: typed, choices: unique)
        }
    }
}
