/// One user-facing sentence: a catalogue key and its typed arguments.
///
/// Errors stay typed enums; their rendering goes through a `Message`, so the
/// words come from one catalogue (``MessageCatalogue``) in the language the
/// operator reads. Values people typed and ticket content are arguments of
/// kind ``Argument/text(_:)`` and are inserted as they are, never translated.
public struct Message: Sendable, Equatable {
    public var key: MessageKey
    public var arguments: [String: Argument]

    public init(_ key: MessageKey, _ arguments: [String: Argument] = [:]) {
        self.key = key; self.arguments = arguments
    }

    /// What fills a `{placeholder}`. Keys of the schema (statuses, fields,
    /// roles, values) are shown by their label in the language when a
    /// ``MessageLabels`` is at hand.
    public indirect enum Argument: Sendable, Equatable {
        /// Typed by a person, or ticket content: printed as is.
        case text(String)
        case number(Int)
        /// Values as typed, joined the language's way (`a, b` / `a、b`).
        case texts([String])
        case status(String)
        case statuses([String])
        case field(String)
        case fields([String])
        /// Values of an enum of the schema (`channel`, `status`...) by key:
        /// their labels in Chinese, the keys people type in English.
        case values(enumName: String, keys: [String])
        /// Roles joined with "or" (`supervisor or admin` / `客服主管或管理员`).
        case roles([String])
        /// Roles a person holds, all of them (`agent, handler` / `客服专员、处理人`).
        case heldRoles([String])
        /// An operation of the workflow (`priority`, `close`), as a verb phrase.
        case operation(String)
        /// Another sentence of the catalogue.
        case message(Message)
        /// Sentences one after the other (none: empty).
        case messages([Message])
        /// A validation finding's message (personal data masked).
        case finding(Finding)
        /// A kind of personal data (`a mobile number` / `手机号`).
        case piiKind(PIIKind)
        /// A kind of personal data as a name (`mobile number` / `手机号`).
        case piiKindName(PIIKind)
        /// A field of a solution template by key: its Chinese label in Chinese.
        case templateField(String)
        /// A span of seconds (`3h 20m` / `3小时20分`).
        case duration(Int64)

        /// "(and N more)" after the first of `count` (nothing for one).
        public static func andMore(_ count: Int) -> Argument {
            .messages(count > 1 ? [Message(.andMore, ["count": .number(count - 1)])] : [])
        }
    }

    /// The sentence in `lang`; keys of the schema by their labels in `labels`.
    public func render(_ lang: Language, labels: (any MessageLabels)? = nil) -> String {
        let template = MessageCatalogue.template(key, lang)
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            out += arguments[name].map { Self.render($0, lang, labels) } ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    static func render(_ argument: Argument, _ lang: Language, _ labels: (any MessageLabels)?) -> String {
        let list = lang == .zh ? "、" : ", "
        switch argument {
        case .text(let s): return s
        case .number(let n): return String(n)
        case .texts(let items): return items.joined(separator: list)
        case .status(let key): return labels?.statusLabel(key, lang) ?? key
        case .statuses(let keys): return keys.map { labels?.statusLabel($0, lang) ?? $0 }.joined(separator: list)
        case .field(let key): return labels?.fieldLabel(key, lang) ?? key
        case .fields(let keys): return keys.map { labels?.fieldLabel($0, lang) ?? $0 }.joined(separator: list)
        case .values(let name, let keys): return keys.map { labels?.valueLabel(enum: name, $0, lang) ?? $0 }.joined(separator: list)
        case .roles(let keys):
            return keys.map { labels?.roleLabel($0, lang) ?? $0 }.joined(separator: lang == .zh ? "或" : " or ")
        case .heldRoles(let keys): return keys.map { labels?.roleLabel($0, lang) ?? $0 }.joined(separator: list)
        case .operation(let key): return MessageCatalogue.operation(key, lang, labels)
        case .message(let m): return m.render(lang, labels: labels)
        case .messages(let ms): return ms.map { $0.render(lang, labels: labels) }.joined()
        case .finding(let f): return f.text(lang, labels: labels)
        case .piiKind(let kind): return lang == .zh ? kind.zh : kind.enWithArticle
        case .piiKindName(let kind): return lang == .zh ? kind.zh : kind.en
        case .duration(let seconds): return SLAMeasure.format(seconds: seconds, lang)
        case .templateField(let key):
            guard lang == .zh else { return key }
            return MessageCatalogue.templateFieldsZH[key] ?? labels?.fieldLabel(key, lang) ?? key
        }
    }

    /// The names of the `{placeholders}` in a template.
    public static func placeholders(in template: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

/// A value whose words for people come from the catalogue: every typed error
/// of gitdesk. `description` is its English rendering (logs, tests).
public protocol CataloguedMessage: CustomStringConvertible {
    var message: Message { get }
}

extension CataloguedMessage {
    public var description: String { message.render(.en) }
}

/// How keys of the schema read in a language. The desk's ``Schema`` is one;
/// without it a message shows the keys themselves.
public protocol MessageLabels: Sendable {
    func statusLabel(_ key: String, _ lang: Language) -> String
    func fieldLabel(_ key: String, _ lang: Language) -> String
    func roleLabel(_ key: String, _ lang: Language) -> String
    /// The label of the transition named `operation`, if the workflow has one.
    func operationLabel(_ operation: String, _ lang: Language) -> String?
    /// A value of the enum `name` (`channel`, `status`, `department`...).
    func valueLabel(enum name: String, _ key: String, _ lang: Language) -> String
}

extension MessageLabels {
    public func valueLabel(enum name: String, _ key: String, _ lang: Language) -> String { key }
}

extension Schema: MessageLabels {
    /// English messages keep the keys people type (`in_progress`,
    /// `root_cause`); Chinese ones show the labels.
    public func statusLabel(_ key: String, _ lang: Language) -> String { lang == .zh ? label(status: key, lang) : key }
    public func fieldLabel(_ key: String, _ lang: Language) -> String { lang == .zh ? (field(key)?.zh ?? key) : key }
    public func roleLabel(_ key: String, _ lang: Language) -> String { lang == .zh ? label(role: key, lang) : key }
    public func valueLabel(enum name: String, _ key: String, _ lang: Language) -> String {
        lang == .zh ? label(enum: name, value: key, lang) : key
    }
    public func operationLabel(_ operation: String, _ lang: Language) -> String? {
        lang == .zh ? workflow.transitions.first { $0.operation == operation }?.zh : nil
    }
}
