/// How a field's value is written and checked.
public enum FieldType: String, Codable, Sendable, CaseIterable {
    /// The ticket ID (问题编号).
    case id
    /// One line of text.
    case text
    /// Several lines of text, written as a `## key` section.
    case longtext
    /// One key of an enum from enums.yaml.
    case `enum`
    /// A handle from team.yaml.
    case person
    /// A department key (the `department` enum).
    case department
    /// An ISO 8601 date-time with offset.
    case datetime
    /// A duration such as `4h`, `30m`, `3d`.
    case duration
    /// A satisfaction rating 1–5.
    case rating
    /// A contact detail, stored masked only (`138****5678`, `尾号5678`).
    case contact
    /// A comma-separated list (of enum keys when `enum` is set).
    case list
}

/// One field of the ticket record, as the schema defines it.
public struct FieldDefinition: Codable, Equatable, Sendable {
    public var key: String
    public var zh: String
    public var en: String
    public var type: FieldType
    /// For `enum`, `department` and `list`: the enum its values come from.
    public var `enum`: String?
    /// Every ticket must have it.
    public var required: Bool?
    /// Statuses in which it must be filled.
    public var requiredIn: [String]?
    /// Limits `required` / `requiredIn` to these ticket types.
    public var requiredForTypes: [String]?
    /// Set by gitdesk itself: `set` refuses it.
    public var system: Bool?
    /// Lifts `required` / `requiredIn` while another field holds one of the
    /// listed values (e.g. `satisfaction` is not required when `confirmation` is `auto`).
    public var requiredUnless: [String: [String]]?
    /// How a merge settles this field when both sides changed it differently
    /// (a ``MergeRule`` name); nil: the default for the field (``MergeRule/default(for:)``).
    public var merge: String?

    enum CodingKeys: String, CodingKey {
        case key, zh, en, type, `enum`, required, system, merge
        case requiredIn = "required_in"
        case requiredForTypes = "required_for_types"
        case requiredUnless = "required_unless"
    }

    public init(key: String, zh: String, en: String, type: FieldType, enum: String? = nil,
                required: Bool? = nil, requiredIn: [String]? = nil, requiredForTypes: [String]? = nil,
                system: Bool? = nil, requiredUnless: [String: [String]]? = nil, merge: String? = nil) {
        self.key = key; self.zh = zh; self.en = en; self.type = type; self.enum = `enum`
        self.required = required; self.requiredIn = requiredIn; self.requiredForTypes = requiredForTypes
        self.system = system; self.requiredUnless = requiredUnless; self.merge = merge
    }

    /// True if the field must be filled in this ticket (its status, its type
    /// and the fields `requiredUnless` looks at).
    public func isRequired(in ticket: Ticket) -> Bool {
        if let unless = requiredUnless {
            for (other, values) in unless where ticket[other].map(values.contains) == true { return false }
        }
        return isRequired(status: ticket.status, type: ticket["type"])
    }

    /// The label in a language.
    public func label(_ lang: Language) -> String { lang == .zh ? zh : en }

    /// True if the field must be filled for a ticket of `type` in `status`.
    public func isRequired(status: String?, type ticketType: String?) -> Bool {
        if let types = requiredForTypes, !types.contains(ticketType ?? "") { return false }
        if required == true { return true }
        if let statuses = requiredIn, let status { return statuses.contains(status) }
        return false
    }

    /// The enum values come from (`department` fields default to `department`).
    public var enumName: String? {
        self.enum ?? (type == .department ? "department" : nil)
    }
}

/// A value of an enumeration with its labels.
public struct EnumValue: Codable, Equatable, Sendable {
    public var key: String
    public var zh: String
    public var en: String
    /// For sub-values (subtypes): the parent value's key.
    public var parent: String?

    public init(key: String, zh: String, en: String, parent: String? = nil) {
        self.key = key; self.zh = zh; self.en = en; self.parent = parent
    }

    public func label(_ lang: Language) -> String { lang == .zh ? zh : en }
}

/// The language labels are shown in. Keys in files and JSON stay English.
public enum Language: String, Codable, Sendable, CaseIterable {
    case zh, en

    /// The language from a locale string such as `zh_CN.UTF-8` or `en_US`.
    public init?(locale: String) {
        let l = locale.lowercased()
        // C/POSIX is the untranslated locale: English.
        if l.hasPrefix("zh") { self = .zh } else if l.hasPrefix("en") || l == "c" || l.hasPrefix("c.") || l == "posix" { self = .en } else { return nil }
    }

    /// A phrase in this language.
    public func say(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }
}
