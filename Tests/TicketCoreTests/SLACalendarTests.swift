import Testing
import PropertyBased
import TicketCore
import TestSupport

/// Due dates on the default calendar (Mon–Fri 09:00–18:00 +08:00, Chinese
/// public holidays and make-up days of 2024–2025).
@Suite struct SLACalendarTests {
    let policy = Fixtures.schema.sla!
    var calendar: BusinessCalendar { policy.calendar }
    func t(_ s: String) -> Timestamp { Fixtures.t(s) }

    @Test func urgentCountsRoundTheClockEvenOnAHoliday() {
        // 2024-05-01 is 劳动节; urgent tickets are 24×7.
        #expect(policy.resolveDue(from: t("2024-05-01 14:30"), priority: "urgent") == t("2024-05-01 18:30"))
        #expect(policy.resolveDue(from: t("2024-05-01 22:00"), priority: "urgent") == t("2024-05-02 02:00"))
    }

    @Test func highAndMediumAreCalendarHours() {
        #expect(policy.resolveDue(from: t("2024-05-10 16:00"), priority: "high") == t("2024-05-11 16:00"))
        #expect(policy.resolveDue(from: t("2024-05-10 16:00"), priority: "medium") == t("2024-05-12 16:00"))
    }

    @Test func workingDaysSkipNightsAndWeekends() {
        // Monday 22:00: counting starts Tuesday 09:00; 27 working hours → Thursday 18:00.
        #expect(policy.resolveDue(from: t("2024-05-13 22:00"), priority: "low") == t("2024-05-16 18:00"))
        // Thursday 10:00 → Fri 8h, Mon 9h, Tue 9h, Wed 1h → Wednesday 10:00 (weekend skipped).
        #expect(policy.resolveDue(from: t("2024-05-16 10:00"), priority: "low") == t("2024-05-21 10:00"))
    }

    @Test func holidaysAreSkipped() {
        // Tuesday 30 April 17:00: 1h, then 1–5 May off, Mon 6 9h, Tue 7 9h, Wed 8 8h → 17:00.
        #expect(policy.resolveDue(from: t("2024-04-30 17:00"), priority: "low") == t("2024-05-08 17:00"))
    }

    @Test func makeUpDaysAreWorked() {
        // Friday 10 May 16:00: 2h, Saturday 11 May is 调休 (9h), Mon 13 9h, Tue 14 7h → 16:00.
        #expect(policy.resolveDue(from: t("2024-05-10 16:00"), priority: "low") == t("2024-05-14 16:00"))
        // Sunday 28 April (调休) counts from 09:00: 28, 29, 30 April.
        #expect(policy.resolveDue(from: t("2024-04-28 08:00"), priority: "low") == t("2024-04-30 18:00"))
    }

    @Test func timeZonesOnlyChangeHowTheInstantIsWritten() throws {
        let start = try #require(Timestamp.parse("2024-05-13T14:00:00Z"))  // Monday 22:00 in Beijing
        let due = try #require(policy.resolveDue(from: start, priority: "low"))
        #expect(due.seconds == t("2024-05-16 18:00").seconds)
        #expect(due.iso8601 == "2024-05-16T10:00:00+00:00")
        // A desk in another zone: the same wall-clock hours there.
        let berlin = policy.withOffset(120)
        let local = try #require(Timestamp.parse("2024-05-13T22:00:00+02:00"))
        #expect(berlin.resolveDue(from: local, priority: "low")?.iso8601 == "2024-05-16T18:00:00+02:00")
    }

    @Test func pausesMoveTheDeadlineOut() {
        let start = t("2024-05-13 10:00")
        let pause = Pause(start: t("2024-05-13 11:00"), end: t("2024-05-13 13:00"))
        // 48h round the clock plus a 2h pause.
        let target = policy.targets["medium"]!.resolve
        #expect(calendar.deadline(from: start, target: target, pauses: [pause]) == t("2024-05-15 12:00"))
        // A pause overnight costs only the working hours it covers.
        let night = Pause(start: t("2024-05-13 17:00"), end: t("2024-05-14 10:00"))
        #expect(calendar.deadline(from: start, target: policy.targets["low"]!.resolve, pauses: [night])
                == t("2024-05-16 12:00"))
    }

    @Test func countedTimeMatchesAdvance() {
        let start = t("2024-05-10 16:00")
        let due = t("2024-05-14 16:00")
        #expect(calendar.counted(from: start, to: due, basis: .business) == 27 * 3600)
    }

    @Test func targetsParseInEnglishAndChinese() {
        #expect(SLATarget.parse("3 working days")?.workingDays == 3)
        #expect(SLATarget.parse("3个工作日")?.workingDays == 3)
        #expect(SLATarget.parse("8 working hours")?.seconds == Int64(8 * 3600))
        #expect(SLATarget.parse("4h")?.basis == .calendar)
        #expect(SLATarget.parse("soon") == nil)
    }

    // MARK: Properties

    static let may2024 = Fixtures.t("2024-04-25 00:00").seconds
    static let starts = Gen.int64(in: may2024...(may2024 + 60 * 86_400))
    static let targets = Gen.element(of: ["4h", "48h", "3 working days", "8 working hours", "1 working day"])

    @Test func dueIsMonotoneInStartTime() async {
        let calendar = self.calendar
        await propertyCheck(input: Self.starts, Gen.int64(in: 0...(10 * 86_400)), Self.targets) { a, delta, text in
            let target = SLATarget.parse(text!)!
            let early = calendar.deadline(from: Timestamp(seconds: a, offsetMinutes: 480), target: target)
            let late = calendar.deadline(from: Timestamp(seconds: a + delta, offsetMinutes: 480), target: target)
            #expect(early <= late)
        }
    }

    @Test func pausingNeverShortens() async {
        let calendar = self.calendar
        await propertyCheck(input: Self.starts, Gen.int64(in: -86_400...(5 * 86_400)), Gen.int64(in: 0...(3 * 86_400)),
                            Self.targets) { start, offset, length, text in
            let target = SLATarget.parse(text!)!
            let s = Timestamp(seconds: start, offsetMinutes: 480)
            let pause = Pause(start: s.adding(seconds: offset), end: s.adding(seconds: offset + length))
            let plain = calendar.deadline(from: s, target: target)
            let paused = calendar.deadline(from: s, target: target, pauses: [pause])
            #expect(paused >= plain)
            #expect(paused.seconds - plain.seconds <= max(length, 0) + 4 * 86_400 + 9 * 86_400)
        }
    }

    /// The counted time, the slow way: every working interval of every day,
    /// clipped to the span, less what the pauses cover.
    static func countedByWalkingDays(_ calendar: BusinessCalendar, from a: Int64, to b: Int64,
                                     pauses: [Range<Int64>]) -> Int64 {
        guard b > a else { return 0 }
        let offset = Int64(calendar.offsetMinutes) * 60
        var total: Int64 = 0
        var day = (a + offset) / 86_400 - 1
        while day * 86_400 - offset < b {
            if calendar.isWorkingDay(day) {
                for h in calendar.hours {
                    let lo = max(a, day * 86_400 + Int64(h.lowerBound) * 60 - offset)
                    let hi = min(b, day * 86_400 + Int64(h.upperBound) * 60 - offset)
                    guard hi > lo else { continue }
                    // Seconds of lo..<hi not under any pause (pauses may overlap each other).
                    var cuts = pauses.map { max($0.lowerBound, lo)..<max(min($0.upperBound, hi), max($0.lowerBound, lo)) }
                        .filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
                    var covered: Int64 = 0, reach = lo
                    while !cuts.isEmpty {
                        let c = cuts.removeFirst()
                        covered += max(0, c.upperBound - max(c.lowerBound, reach))
                        reach = max(reach, c.upperBound)
                    }
                    total += (hi - lo) - covered
                }
            }
            day += 1
        }
        return total
    }

    @Test func countingInClosedFormAgreesWithWalkingDayByDay() async {
        let calendar = self.calendar
        let pause = zip(Gen.int64(in: -5 * 86_400...(70 * 86_400)), Gen.int64(in: 0...(12 * 86_400)))
        await propertyCheck(count: 400, input: Gen.int64(in: Self.may2024...(Self.may2024 + 600 * 86_400)),
                            Gen.int64(in: -3600...(90 * 86_400)), pause.array(of: 0...3)) { start, length, raw in
            let s = Timestamp(seconds: start, offsetMinutes: 480)
            let e = Timestamp(seconds: start + length, offsetMinutes: 480)
            let pauses = raw.map { Pause(start: s.adding(seconds: $0.0), end: s.adding(seconds: $0.0 + $0.1)) }
            let ranges = pauses.map { $0.start.seconds..<max($0.start.seconds, $0.end.seconds) }
            #expect(calendar.counted(from: s, to: e, basis: .business, pauses: pauses)
                    == Self.countedByWalkingDays(calendar, from: s.seconds, to: e.seconds, pauses: ranges))
            // Round the clock is a calendar where every minute of every day works.
            let always = BusinessCalendar(offsetMinutes: 480, workingWeekdays: Set(1...7), hours: [0..<1440])
            #expect(calendar.counted(from: s, to: e, basis: .calendar, pauses: pauses)
                    == Self.countedByWalkingDays(always, from: s.seconds, to: e.seconds, pauses: ranges))
        }
    }

    @Test func advanceThenCountGivesTheTargetBack() async {
        let calendar = self.calendar
        await propertyCheck(input: Self.starts, Gen.int64(in: 1...(40 * 3600))) { start, seconds in
            let s = Timestamp(seconds: start, offsetMinutes: 480)
            let due = calendar.advance(from: s, by: seconds, basis: .business)
            #expect(calendar.counted(from: s, to: due, basis: .business) == seconds)
        }
    }
}
