/// The statuses, roles, transitions, permissions and sweep automation of a
/// desk, read from workflow.yaml.
public struct WorkflowDefinition: Codable, Equatable, Sendable {
    /// The status a new ticket starts in.
    public var initial: String
    public var roles: [EnumValue]
    public var statuses: [StatusDefinition]
    /// Every allowed move between statuses.
    public var transitions: [Transition]
    /// Roles allowed to run operations that keep the status (`assign`,
    /// `extend`, `approve`, `archive`, `contact`, `create`, `sweep`).
    /// An operation not listed is open to everyone on the roster.
    public var permissions: [String: [String]]
    /// What `gitdesk sweep` does on its own.
    public var automation: [AutomationRule]

    enum CodingKeys: String, CodingKey { case initial, roles, statuses, transitions, permissions, automation }

    public init(initial: String, roles: [EnumValue], statuses: [StatusDefinition],
                transitions: [Transition] = [], permissions: [String: [String]] = [:],
                automation: [AutomationRule] = []) {
        self.initial = initial; self.roles = roles; self.statuses = statuses
        self.transitions = transitions; self.permissions = permissions; self.automation = automation
    }

    /// The original shape: statuses as plain enum values (clock running, not terminal).
    public init(initial: String, roles: [EnumValue], statuses: [EnumValue]) {
        self.init(initial: initial, roles: roles,
                  statuses: statuses.map { StatusDefinition(key: $0.key, zh: $0.zh, en: $0.en) })
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        initial = try c.decode(String.self, forKey: .initial)
        roles = try c.decode([EnumValue].self, forKey: .roles)
        statuses = try c.decode([StatusDefinition].self, forKey: .statuses)
        transitions = try c.decodeIfPresent([Transition].self, forKey: .transitions) ?? []
        permissions = try c.decodeIfPresent([String: [String]].self, forKey: .permissions) ?? [:]
        automation = try c.decodeIfPresent([AutomationRule].self, forKey: .automation) ?? []
    }

    /// The definition of a status.
    public func status(_ key: String) -> StatusDefinition? { statuses.first { $0.key == key } }

    /// The transition from one status to another, if the table allows it.
    public func transition(from: String, to: String) -> Transition? {
        transitions.first { $0.from.contains(from) && $0.to == to }
    }

    /// The transition a named operation makes from a status.
    public func transition(operation: String, from: String) -> Transition? {
        transitions.first { $0.operation == operation && $0.from.contains(from) }
    }

    /// Every transition out of a status.
    public func transitions(from: String) -> [Transition] {
        transitions.filter { $0.from.contains(from) }
    }

    /// The statuses a ticket may move to from `status` (any role).
    public func targets(from status: String) -> [String] {
        transitions(from: status).map(\.to)
    }

    /// The roles allowed to run an operation that keeps the status
    /// (nil: everyone on the roster).
    public func roles(for operation: String) -> [String]? { permissions[operation] }

    /// True if the person may run an operation that keeps the status.
    public func permits(_ operation: String, _ person: Person) -> Bool {
        guard let roles = permissions[operation] else { return true }
        return roles.contains { person.has(role: $0) }
    }

    /// The SLA clock in a status (running for unknown statuses).
    public func clock(in status: String?) -> ClockBehaviour {
        status.flatMap { self.status($0)?.clock } ?? .running
    }

    /// True if a status is where the `invalid` operation leads (无效): such a
    /// ticket was never worked, so it has no SLA outcome and reports count it apart.
    public func isInvalid(_ status: String?) -> Bool {
        guard let status else { return false }
        return transitions.contains { $0.operation == "invalid" && $0.to == status }
    }

    /// True if a status is terminal.
    public func isTerminal(_ status: String?) -> Bool {
        status.flatMap { self.status($0)?.terminal } ?? false
    }
}
