/// The desk's working time: working weekdays and hours, public holidays and
/// make-up working days (调休), in one fixed UTC offset.
///
/// Pure: the caller resolves an IANA zone to an offset (China has no daylight
/// saving time, so `+08:00` holds all year).
public struct BusinessCalendar: Codable, Equatable, Sendable {
    /// Offset from UTC in minutes of the working hours (+480 for China).
    public var offsetMinutes: Int
    /// ISO weekdays that are working days (1 = Monday … 7 = Sunday).
    public var workingWeekdays: Set<Int>
    /// Working hours of a working day, as minutes after midnight, sorted and disjoint.
    public var hours: [Range<Int>]
    /// Days off (days since 1970-01-01 in local time).
    public var holidays: Set<Int64>
    /// Weekend days that are working days (调休上班).
    public var makeupDays: Set<Int64>

    public init(offsetMinutes: Int = 480, workingWeekdays: Set<Int> = [1, 2, 3, 4, 5],
                hours: [Range<Int>] = [540..<1080], holidays: Set<Int64> = [], makeupDays: Set<Int64> = []) {
        self.offsetMinutes = offsetMinutes; self.workingWeekdays = workingWeekdays
        self.hours = hours.sorted { $0.lowerBound < $1.lowerBound }
        self.holidays = holidays; self.makeupDays = makeupDays
    }

    /// Working seconds in one working day.
    public var workingSecondsPerDay: Int64 { Int64(hours.reduce(0) { $0 + $1.count }) * 60 }

    /// True if the local day (days since 1970-01-01) is a working day.
    public func isWorkingDay(_ day: Int64) -> Bool {
        if makeupDays.contains(day) { return true }
        if holidays.contains(day) { return false }
        return isWorkingWeekday(day)
    }

    /// True if the local date `YYYY-MM-DD` is a working day.
    public func isWorkingDay(year: Int, month: Int, day: Int) -> Bool {
        isWorkingDay(CivilTime.daysFromCivil(year: year, month: month, day: day))
    }

    /// Working seconds in `[start, end)` (UTC seconds), in closed form: the
    /// two partial days at the ends, and whole days counted by weeks with
    /// holidays and make-up days corrected, so a ticket open for years costs
    /// no more than one open for an hour (`list` reads every ticket's clock).
    func workingSeconds(from start: Int64, to end: Int64) -> Int64 {
        guard end > start, !hours.isEmpty else { return 0 }
        let offset = Int64(offsetMinutes) * 60
        let (localStart, localEnd) = (start + offset, end + offset)
        let (firstDay, lastDay) = (Self.day(of: localStart), Self.day(of: localEnd))
        let startInDay = localStart - firstDay * 86_400
        if firstDay == lastDay {
            return workingSeconds(onDay: firstDay, from: startInDay, to: localEnd - lastDay * 86_400)
        }
        return workingSeconds(onDay: firstDay, from: startInDay, to: 86_400)
            + workingDays(from: firstDay + 1, to: lastDay) * workingSecondsPerDay
            + workingSeconds(onDay: lastDay, from: 0, to: localEnd - lastDay * 86_400)
    }

    /// Working seconds of local `day` between two times of that day (seconds after midnight).
    private func workingSeconds(onDay day: Int64, from start: Int64, to end: Int64) -> Int64 {
        guard isWorkingDay(day) else { return 0 }
        var total: Int64 = 0
        for h in hours {
            total += max(0, min(Int64(h.upperBound) * 60, end) - max(Int64(h.lowerBound) * 60, start))
        }
        return total
    }

    /// The number of working days in `[first, end)` (local days since 1970-01-01).
    func workingDays(from first: Int64, to end: Int64) -> Int64 {
        guard end > first else { return 0 }
        let weeks = (end - first) / 7
        var count = weeks * Int64(workingWeekdays.filter { (1...7).contains($0) }.count)
        var day = first + weeks * 7
        while day < end {
            if isWorkingWeekday(day) { count += 1 }
            day += 1
        }
        for h in holidays where h >= first && h < end && isWorkingWeekday(h) && !makeupDays.contains(h) { count -= 1 }
        for m in makeupDays where m >= first && m < end && !isWorkingWeekday(m) { count += 1 }
        return count
    }

    /// True if `day` falls on one of the working weekdays (holidays aside).
    private func isWorkingWeekday(_ day: Int64) -> Bool {
        workingWeekdays.contains(Int(((day % 7 + 7) % 7 + 3) % 7) + 1)  // 1970-01-01 was a Thursday
    }

    /// The local day (days since 1970-01-01) of local time `t`, flooring for times before 1970.
    private static func day(of t: Int64) -> Int64 { t >= 0 ? t / 86_400 : (t - 86_399) / 86_400 }

    /// The first working interval (UTC seconds) that ends after `t`, clipped to start no earlier than `t`.
    /// Nil if no working time exists within ten years (an empty calendar).
    func nextWorkingInterval(after t: Int64) -> Range<Int64>? {
        guard !hours.isEmpty else { return nil }
        let offset = Int64(offsetMinutes) * 60
        let local = t + offset
        var day = Self.day(of: local)
        for _ in 0..<3660 {
            if isWorkingDay(day) {
                for h in hours {
                    let start = day * 86_400 + Int64(h.lowerBound) * 60 - offset
                    let end = day * 86_400 + Int64(h.upperBound) * 60 - offset
                    if end > t { return max(start, t)..<end }
                }
            }
            day += 1
        }
        return nil
    }
}

extension BusinessCalendar {
    /// Years from `from` to `to` (local) for which the calendar lists no holiday: there it
    /// counts every weekday as working time, so a report or deadline there should say so.
    /// None when the calendar lists no holidays at all (a desk that keeps none chose that).
    public func uncoveredYears(from: Timestamp, to: Timestamp) -> [Int] {
        guard !holidays.isEmpty else { return [] }
        let covered = Set(holidays.map { CivilTime.civilFromDays($0).0 })
        let first = from.withOffset(offsetMinutes).local.year, last = to.withOffset(offsetMinutes).local.year
        guard first <= last else { return [] }
        return (first...last).filter { !covered.contains($0) }
    }
}
