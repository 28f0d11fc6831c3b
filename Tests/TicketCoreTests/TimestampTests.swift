import PropertyBased
import Testing
@testable import TicketCore

@Suite("Timestamps")
struct TimestampTests {
    @Test(arguments: [
        ("2024-05-01T14:30:00+08:00", "2024-05-01T14:30:00+08:00"),
        ("2024-05-01T14:30+08:00", "2024-05-01T14:30:00+08:00"),
        ("2024-05-01T06:30:00Z", "2024-05-01T06:30:00+00:00"),
        ("2024-05-01T14:30:00.123+08:00", "2024-05-01T14:30:00+08:00"),
        ("2024-12-31T23:59:59-05:00", "2024-12-31T23:59:59-05:00"),
    ])
    func parsesAndFormats(input: String, canonical: String) {
        #expect(Timestamp.parse(input)?.iso8601 == canonical)
    }

    @Test func usesTheDefaultOffsetWhenNoneIsWritten() {
        let t = Timestamp.parse("2024-05-01 14:30", defaultOffsetMinutes: 480)
        #expect(t?.iso8601 == "2024-05-01T14:30:00+08:00")
        #expect(t?.seconds == 1_714_545_000)
        #expect(Timestamp.parse("2024-05-01 14:30") == nil)
    }

    @Test(arguments: ["2024-02-30T10:00:00+08:00", "2023-02-29T10:00:00+08:00", "2024-05-01T24:00:00+08:00",
                      "2024-05-01T10:00:00+19:00", "yesterday", "2024-5-1T10:00:00+08:00", ""])
    func refusesImpossibleTimes(input: String) {
        #expect(Timestamp.parse(input, defaultOffsetMinutes: 480) == nil)
    }

    @Test func weekdayIsISO() {
        #expect(Timestamp.parse("2024-05-01T10:00:00+08:00")!.local.weekday == 3)  // Wednesday
        #expect(Timestamp.parse("2024-05-05T23:59:00+08:00")!.local.weekday == 7)  // Sunday
    }

    @Test func formattingRoundTripsAnyInstant() async {
        await propertyCheck(count: 500, input: Gen.int(in: -2_000_000_000...4_000_000_000), Gen.int(in: -12...14)) { s, h in
            let t = Timestamp(seconds: Int64(s), offsetMinutes: h * 60)
            #expect(Timestamp.parse(t.iso8601) == t)
        }
    }
}
