/// An SLA target: a span of time counted either round the clock (`4h`,
/// 24×7) or in working time only (`3 working days`, `8 working hours`).
public struct SLATarget: Codable, Equatable, Sendable, CustomStringConvertible {
    /// How time is counted.
    public enum Basis: String, Codable, Equatable, Sendable {
        /// Every hour counts (urgent tickets: 24×7).
        case calendar
        /// Only the calendar's working hours count.
        case business
    }

    public var basis: Basis
    /// For `calendar` and business hours: seconds of counted time.
    public var seconds: Int64
    /// For `N working days`: the number of days (each worth one working day's hours).
    public var workingDays: Int?
    /// The text it was written as.
    public var text: String

    public init(basis: Basis, seconds: Int64, workingDays: Int? = nil, text: String) {
        self.basis = basis; self.seconds = seconds; self.workingDays = workingDays; self.text = text
    }

    public var description: String { text }

    /// Counted seconds on a calendar (working days become working hours).
    public func countedSeconds(on calendar: BusinessCalendar) -> Int64 {
        if let days = workingDays { return Int64(days) * calendar.workingSecondsPerDay }
        return seconds
    }

    /// Parses `4h`, `90m`, `1d` (round the clock), `3 working days`,
    /// `8 working hours`, `3个工作日`, `8个工作小时`; nil if malformed.
    public static func parse(_ text: String) -> SLATarget? {
        let t = text.trimmed()
        let dayWords = ["working days", "working day", "个工作日", "工作日"]
        let hourWords = ["working hours", "working hour", "个工作小时", "工作小时"]
        for word in dayWords where t.hasSuffix(word) {
            guard let n = Int(String(t.dropLast(word.count)).trimmed()), n > 0 else { return nil }
            return SLATarget(basis: .business, seconds: 0, workingDays: n, text: t)
        }
        for word in hourWords where t.hasSuffix(word) {
            guard let n = Int(String(t.dropLast(word.count)).trimmed()), n > 0 else { return nil }
            return SLATarget(basis: .business, seconds: Int64(n) * 3600, text: t)
        }
        guard let s = Duration.parse(t), s > 0 else { return nil }
        return SLATarget(basis: .calendar, seconds: s, text: t)
    }
}
