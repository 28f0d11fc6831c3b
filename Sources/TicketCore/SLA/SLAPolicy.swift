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
    /// ...but never more than this share of the ticket's resolution target:
    /// with a notice as long as the target (urgent: 4 h, 4 h) no ticket could
    /// ever be extended.
    public var extensionNoticeShare: Double

    public init(calendar: BusinessCalendar, targets: [String: Targets], warningAt: Double = 0.8,
                extensionNotice: Int64 = 4 * 3600, extensionNoticeShare: Double = 0.25) {
        self.calendar = calendar; self.targets = targets; self.warningAt = warningAt
        self.extensionNotice = extensionNotice; self.extensionNoticeShare = extensionNoticeShare
    }

    /// How long before its deadline a ticket of `priority` must ask for an
    /// extension: `extension_notice`, capped at `extension_notice_share` of
    /// the resolution target (urgent 4 h × 25% = 1 h).
    public func extensionNotice(priority: String?) -> Int64 {
        guard let target = targets(for: priority)?.resolve else { return extensionNotice }
        let cap = Int64((Double(target.countedSeconds(on: calendar)) * extensionNoticeShare).rounded())
        return min(extensionNotice, cap)
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
