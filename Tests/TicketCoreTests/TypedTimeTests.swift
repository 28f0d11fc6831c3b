import Testing
import TicketCore

/// The date forms an operator may type (issue 11): each read in the desk's
/// time zone, relative ones from the moment given.
@Suite struct TypedTimeTests {
    /// 2026-06-15 23:30 in Shanghai (+08:00) is still 2026-06-15 15:30 UTC:
    /// "today" must be the desk's day, not UTC's.
    let now = Timestamp.parse("2026-06-15T23:30:00+08:00")!
    let zone = 480

    func read(_ text: String) -> String? { TypedTime.parse(text, now: now, offsetMinutes: zone)?.iso8601 }

    @Test(arguments: [
        ("2026/12/05", "2026-12-05T00:00:00+08:00"),
        ("2026.12.05", "2026-12-05T00:00:00+08:00"),
        ("2026-12-5", "2026-12-05T00:00:00+08:00"),
        ("2026/12/05 18:00", "2026-12-05T18:00:00+08:00"),
        ("２０２６／１２／０５", "2026-12-05T00:00:00+08:00"),
        ("12月5日", "2026-12-05T00:00:00+08:00"),
        ("12月5号 9:30", "2026-12-05T09:30:00+08:00"),
        ("2027年1月2日", "2027-01-02T00:00:00+08:00"),
        ("2026年12月5日 18:00", "2026-12-05T18:00:00+08:00"),
        ("今天", "2026-06-15T00:00:00+08:00"),
        ("today", "2026-06-15T00:00:00+08:00"),
        ("明天", "2026-06-16T00:00:00+08:00"),
        ("Tomorrow 18:00", "2026-06-16T18:00:00+08:00"),
        ("明天 18:00", "2026-06-16T18:00:00+08:00"),
        ("昨天", "2026-06-14T00:00:00+08:00"),
        ("yesterday", "2026-06-14T00:00:00+08:00"),
        ("+3d", "2026-06-18T23:30:00+08:00"),
        ("+12h", "2026-06-16T11:30:00+08:00"),
        ("+1w", "2026-06-22T23:30:00+08:00"),
        ("2026-12-05 18:00", "2026-12-05T18:00:00+08:00"),
        ("2026-12-05T18:00:00Z", "2026-12-05T18:00:00+00:00"),
    ])
    func readsForm(_ typed: String, _ expected: String) {
        #expect(read(typed) == expected)
    }

    @Test(arguments: ["2026/13/01", "2026/02/30", "2月30日", "13月1日", "2026/12.05", "12/05", "todayx", "明天 25:00",
                      "+3x", "+d", "3d", "2026年12月", "12月5", "soon", "", "2026/12/05 18", "2026.12.05.01"])
    func refuses(_ typed: String) {
        #expect(read(typed) == nil)
    }

    @Test func aDayForReportPeriods() {
        let day = { (s: String) in TypedTime.day(s, now: now, offsetMinutes: zone) }
        #expect(day("2026/06/01") == CivilTime.daysFromCivil(year: 2026, month: 6, day: 1))
        #expect(day("6月1日") == CivilTime.daysFromCivil(year: 2026, month: 6, day: 1))
        #expect(day("昨天") == CivilTime.daysFromCivil(year: 2026, month: 6, day: 14))
        #expect(day("2026-06-01 12:00") == nil)
        let period = try? ReportPeriod.parseRange(from: "6月1日", to: "今天", offsetMinutes: zone, now: now)
        #expect(period?.fromText == "2026-06-01")
        #expect(period?.toText == "2026-06-15")
    }

    /// A zone west of UTC: "today" at 20:00 in New York (-04:00) is the local day, not the next UTC day.
    @Test func todayIsTheDesksDay() {
        let evening = Timestamp.parse("2026-06-15T20:00:00-04:00")!
        #expect(TypedTime.parse("今天", now: evening, offsetMinutes: -240)?.iso8601 == "2026-06-15T00:00:00-04:00")
    }
}
