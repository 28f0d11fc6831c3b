/// The desk's service-level policy (服务时效), read from sla.yaml: per
/// priority a first-response and a resolution target, the business calendar,
/// the warning threshold and the notice an extension needs.
public struct SLAPolicy: Codable, Equatable, Sendable {
    /// Targets of one priority.
    public struct Targets: Codable, Equatable, Sendable {
        /// First response (首次响应).
        public var respond: SLATarget
        /// Resolution (解决时限): sets a new ticket's `due`.
        public var resolve: SLATarget

        public init(respond: SLATarget, resolve: SLATarget) { self.respond = respond; self.resolve = resolve }
    }

    public var calendar: BusinessCalendar
    /// Targets by priority key.
    public var targets: [String: Targets]
    /// Share of the target elapsed from which a ticket is "due soon" (0.8 = 80%).
    public var warningAt: Double
    /// An extension must be asked for at least this long before the deadline (seconds).
    public var extensionNotice: Int64

    public init(calendar: BusinessCalendar, targets: [String: Targets], warningAt: Double = 0.8,
                extensionNotice: Int64 = 4 * 3600) {
        self.calendar = calendar; self.targets = targets; self.warningAt = warningAt
        self.extensionNotice = extensionNotice
    }

    /// The targets for a priority, if the policy has them.
    public func targets(for priority: String?) -> Targets? { priority.flatMap { targets[$0] } }

    /// The resolution deadline of a ticket created (or restarted) at `start`
    /// with `priority`, before any pause; nil if the priority has no target.
    public func resolveDue(from start: Timestamp, priority: String?) -> Timestamp? {
        guard let t = targets(for: priority) else { return nil }
        return calendar.deadline(from: start, target: t.resolve)
    }

    /// The same policy with the calendar in another UTC offset (the desk's
    /// time zone resolved by the caller).
    public func withOffset(_ minutes: Int) -> SLAPolicy {
        var p = self
        p.calendar.offsetMinutes = minutes
        return p
    }
}
