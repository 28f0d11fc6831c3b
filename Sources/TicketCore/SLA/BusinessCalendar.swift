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
        let weekday = Int(((day % 7 + 7) % 7 + 3) % 7) + 1  // 1970-01-01 was a Thursday
        return workingWeekdays.contains(weekday)
    }

    /// True if the local date `YYYY-MM-DD` is a working day.
    public func isWorkingDay(year: Int, month: Int, day: Int) -> Bool {
        isWorkingDay(CivilTime.daysFromCivil(year: year, month: month, day: day))
    }

    /// The first working interval (UTC seconds) that ends after `t`, clipped to start no earlier than `t`.
    /// Nil if no working time exists within ten years (an empty calendar).
    func nextWorkingInterval(after t: Int64) -> Range<Int64>? {
        guard !hours.isEmpty else { return nil }
        let offset = Int64(offsetMinutes) * 60
        let local = t + offset
        var day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
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
