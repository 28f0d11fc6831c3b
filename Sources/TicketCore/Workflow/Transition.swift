/// One allowed move between statuses, and who may make it.
///
/// `gitdesk move ID STATUS` and the named commands (`resolve`, `confirm`,
/// `close`, `reopen`, `invalid`...) all look transitions up in the same table,
/// so a status or transition added to workflow.yaml just works.
public struct Transition: Codable, Equatable, Sendable {
    /// The command that makes it (`resolve`, `confirm`...); nil: only `move`.
    public var operation: String?
    /// Statuses the transition starts from.
    public var from: [String]
    /// The status it ends in.
    public var to: String
    /// Roles allowed to make it (holding any one is enough; admin may do all).
    public var roles: [String]
    /// The change must carry a reason, written to the log.
    public var reason: Bool
    /// The deadline is computed afresh from the moment of the transition.
    public var restartSLA: Bool
    /// How the step reads in the log.
    public var zh: String?
    public var en: String?

    enum CodingKeys: String, CodingKey {
        case operation, from, to, roles, reason, zh, en
        case restartSLA = "restart_sla"
    }

    public init(operation: String? = nil, from: [String], to: String, roles: [String],
                reason: Bool = false, restartSLA: Bool = false, zh: String? = nil, en: String? = nil) {
        self.operation = operation; self.from = from; self.to = to; self.roles = roles
        self.reason = reason; self.restartSLA = restartSLA; self.zh = zh; self.en = en
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        operation = try c.decodeIfPresent(String.self, forKey: .operation)
        from = try c.decode([String].self, forKey: .from)
        to = try c.decode(String.self, forKey: .to)
        roles = try c.decode([String].self, forKey: .roles)
        reason = try c.decodeIfPresent(Bool.self, forKey: .reason) ?? false
        restartSLA = try c.decodeIfPresent(Bool.self, forKey: .restartSLA) ?? false
        zh = try c.decodeIfPresent(String.self, forKey: .zh)
        en = try c.decodeIfPresent(String.self, forKey: .en)
    }

    /// True if the person holds one of the roles.
    public func allows(_ person: Person) -> Bool { roles.contains { person.has(role: $0) } }

    /// How the step reads in a language (the operation's name, or `move`).
    public func label(_ lang: Language) -> String {
        (lang == .zh ? zh : en) ?? operation ?? "move"
    }
}

/// An operation `gitdesk sweep` runs on its own: `operation` on tickets that
/// have been in one of the statuses `in` for at least `after`.
public struct AutomationRule: Codable, Equatable, Sendable {
    public var operation: String
    public var `in`: [String]
    /// How long the ticket must have been in the status, e.g. `24h`.
    public var after: String

    public init(operation: String, in statuses: [String], after: String) {
        self.operation = operation; self.in = statuses; self.after = after
    }

    /// `after` in seconds (0 if malformed; the loader refuses malformed values).
    public var afterSeconds: Int64 { Duration.parse(after) ?? 0 }
}
