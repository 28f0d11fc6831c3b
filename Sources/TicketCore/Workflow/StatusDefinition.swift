/// One status of the workflow (处理状态) with its labels and what the SLA
/// clock does while a ticket is in it.
public struct StatusDefinition: Codable, Equatable, Sendable {
    public var key: String
    public var zh: String
    public var en: String
    /// What the SLA clock does in this status (running when not given).
    public var clock: ClockBehaviour
    /// Nothing more is expected of a ticket in this status: no reminders, never overdue.
    public var terminal: Bool

    enum CodingKeys: String, CodingKey { case key, zh, en, clock, terminal }

    public init(key: String, zh: String, en: String, clock: ClockBehaviour = .running, terminal: Bool = false) {
        self.key = key; self.zh = zh; self.en = en; self.clock = clock; self.terminal = terminal
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(String.self, forKey: .key)
        zh = try c.decode(String.self, forKey: .zh)
        en = try c.decode(String.self, forKey: .en)
        clock = try c.decodeIfPresent(ClockBehaviour.self, forKey: .clock) ?? .running
        terminal = try c.decodeIfPresent(Bool.self, forKey: .terminal) ?? false
    }

    /// The label in a language.
    public func label(_ lang: Language) -> String { lang == .zh ? zh : en }

    /// The status as a plain enum value (key and labels).
    public var enumValue: EnumValue { EnumValue(key: key, zh: zh, en: en) }
}

/// What the SLA clock does while a ticket is in a status.
public enum ClockBehaviour: String, Codable, Sendable, CaseIterable {
    /// The deadline keeps counting.
    case running
    /// Waiting on the customer: time here does not count.
    case paused
    /// The work is done: the clock is read when the ticket enters the status.
    case stopped
}
