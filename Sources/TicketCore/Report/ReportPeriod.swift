/// The days a report covers, inclusive, in the desk's time zone:
/// `--month 2024-05`, `--week 2024-W21` (ISO 8601 week, Monday first) or
/// `--from 2024-05-01 --to 2024-05-31`.
public struct ReportPeriod: Equatable, Sendable {
    /// First day, as days since 1970-01-01 (local).
    public var firstDay: Int64
    /// Last day, inclusive.
    public var lastDay: Int64
    /// The desk's UTC offset the days are read in.
    public var offsetMinutes: Int

    public init(firstDay: Int64, lastDay: Int64, offsetMinutes: Int) {
        self.firstDay = firstDay; self.lastDay = lastDay; self.offsetMinutes = offsetMinutes
    }

    /// The first moment of the period (00:00 local of the first day).
    public var start: Timestamp { Timestamp(seconds: firstDay * 86_400 - Int64(offsetMinutes) * 60, offsetMinutes: offsetMinutes) }
    /// The moment after the period (00:00 local of the day after the last).
    public var end: Timestamp { Timestamp(seconds: (lastDay + 1) * 86_400 - Int64(offsetMinutes) * 60, offsetMinutes: offsetMinutes) }
    /// `2024-05-01`.
    public var fromText: String { Self.dateText(firstDay) }
    /// `2024-05-31`.
    public var toText: String { Self.dateText(lastDay) }

    /// True if `t` falls in the period.
    public func contains(_ t: Timestamp) -> Bool { t >= start && t < end }

    /// The month holding `t` (the default period).
    public static func month(containing t: Timestamp) -> ReportPeriod {
        let c = t.local
        return month(year: c.year, month: c.month, offsetMinutes: t.offsetMinutes)
    }

    static func month(year: Int, month: Int, offsetMinutes: Int) -> ReportPeriod {
        let first = CivilTime.daysFromCivil(year: year, month: month, day: 1)
        return ReportPeriod(firstDay: first, lastDay: first + Int64(CivilTime.daysIn(month: month, year: year)) - 1,
                            offsetMinutes: offsetMinutes)
    }

    /// `2024-05`.
    public static func parseMonth(_ text: String, offsetMinutes: Int) throws(ReportError) -> ReportPeriod {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) else { throw .badPeriod(text, "YYYY-MM") }
        return month(year: y, month: m, offsetMinutes: offsetMinutes)
    }

    /// `2024-W21`: Monday to Sunday of ISO week 21 (the week holding 4 January is week 1).
    public static func parseWeek(_ text: String, offsetMinutes: Int) throws(ReportError) -> ReportPeriod {
        let parts = text.uppercased().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), parts[1].hasPrefix("W"),
              let w = Int(parts[1].dropFirst()), (1...53).contains(w) else { throw .badPeriod(text, "YYYY-Www") }
        let jan4 = CivilTime.daysFromCivil(year: y, month: 1, day: 4)
        let weekday = Int((jan4 + 3) % 7 + 7) % 7  // 0 = Monday (1970-01-01 was a Thursday)
        let monday = jan4 - Int64(weekday) + Int64(w - 1) * 7
        guard w < 53 || isoWeekYear(monday + 3) == y else { throw .badPeriod(text, "YYYY-Www (\(y) has 52 weeks)") }
        return ReportPeriod(firstDay: monday, lastDay: monday + 6, offsetMinutes: offsetMinutes)
    }

    /// `--from A --to B`, both days included. Days as ``TypedTime`` reads
    /// them (`2024-05-01`, `2024/05/01`, `5月1日`, `昨天`); `now` says which
    /// day is today.
    public static func parseRange(from: String, to: String, offsetMinutes: Int, now: Timestamp? = nil) throws(ReportError) -> ReportPeriod {
        let now = now ?? Timestamp(seconds: 0, offsetMinutes: offsetMinutes)
        guard let a = day(from) ?? TypedTime.day(from, now: now, offsetMinutes: offsetMinutes) else { throw .badPeriod(from, "YYYY-MM-DD, 2024/05/01, today") }
        guard let b = day(to) ?? TypedTime.day(to, now: now, offsetMinutes: offsetMinutes) else { throw .badPeriod(to, "YYYY-MM-DD, 2024/05/01, today") }
        guard a <= b else { throw .emptyPeriod(from: from, to: to) }
        return ReportPeriod(firstDay: a, lastDay: b, offsetMinutes: offsetMinutes)
    }

    static func day(_ text: String) -> Int64? {
        let p = text.split(separator: "-", omittingEmptySubsequences: false)
        guard p.count == 3, p[0].count == 4, p[1].count == 2, p[2].count == 2,
              let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]), (1...12).contains(m),
              (1...CivilTime.daysIn(month: m, year: y)).contains(d) else { return nil }
        return CivilTime.daysFromCivil(year: y, month: m, day: d)
    }

    static func dateText(_ day: Int64) -> String {
        let (y, m, d) = CivilTime.civilFromDays(day)
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    /// The ISO week-numbering year of a day, and its week.
    static func isoWeekYear(_ day: Int64) -> Int { isoWeek(day).year }

    /// `(2024, 21)` for a day in 2024-W21.
    public static func isoWeek(_ day: Int64) -> (year: Int, week: Int) {
        let weekday = Int((day + 3) % 7 + 7) % 7
        let thursday = day - Int64(weekday) + 3
        let (y, _, _) = CivilTime.civilFromDays(thursday)
        let jan1 = CivilTime.daysFromCivil(year: y, month: 1, day: 1)
        return (y, Int((thursday - jan1) / 7) + 1)
    }

    /// The local day of a moment.
    public func day(of t: Timestamp) -> Int64 {
        let local = t.seconds + Int64(offsetMinutes) * 60
        return local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    }
}

/// Why a report cannot be made.
public enum ReportError: Error, Equatable, CataloguedMessage {
    case badPeriod(String, String)
    case emptyPeriod(from: String, to: String)
    case conflictingPeriods

    public var message: Message {
        switch self {
        case .badPeriod(let text, let shape): return Message(.badPeriod, ["text": .text(text), "shape": .text(shape)])
        case .emptyPeriod(let from, let to): return Message(.emptyPeriod, ["from": .text(from), "to": .text(to)])
        case .conflictingPeriods: return Message(.conflictingPeriods)
        }
    }
}
