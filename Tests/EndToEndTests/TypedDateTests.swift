import Foundation
import Testing
import TestSupport

/// Dates typed the ways people write them (issue 11): `set` and `list
/// --since` read `2026/12/05`, `12月5日`, `明天`, `+3d`... in the desk's time
/// zone (Asia/Shanghai), and a refusal lists the accepted forms.
@Suite struct TypedDateTests {
    /// Late evening in Shanghai, still the afternoon in UTC: "today" is the desk's day.
    static let now = "2026-06-15T23:30:00+08:00"

    @Test(arguments: [
        ("2026/12/05", "2026-12-05T00:00:00+08:00"), ("2026.12.05 18:00", "2026-12-05T18:00:00+08:00"),
        ("12月5日", "2026-12-05T00:00:00+08:00"), ("2026年12月5日", "2026-12-05T00:00:00+08:00"),
        ("今天 23:59", "2026-06-15T23:59:00+08:00"), ("明天 18:00", "2026-06-16T18:00:00+08:00"),
        ("tomorrow", "2026-06-16T00:00:00+08:00"), ("+3d", "2026-06-18T23:30:00+08:00"),
    ])
    func setReadsTheForm(_ typed: String, _ stored: String) throws {
        let d = try TestDesk(timezone: "Asia/Shanghai")
        let id = try d.record(title: "Refund", now: Self.now)
        try d.succeed(["set", id, "expected_by=\(typed)"], as: "li", now: Self.now)
        let file = try d.read(try d.ticketPath(id))
        #expect(file.contains("expected_by: \(stored)"), "\(typed): \(file)")
    }

    @Test func aRefusalListsTheForms() throws {
        let d = try TestDesk(timezone: "Asia/Shanghai")
        let id = try d.record(title: "Refund", now: Self.now)
        let before = try d.head
        let en = try d.expectRefusal(["set", id, "expected_by=next week", "--lang", "en"], as: "li")
        #expect(en.stderr.contains("'next week' is not a date-time") && en.stderr.contains("2026/12/05") && en.stderr.contains("tomorrow"), "\(en.stderr)")
        let zh = try d.expectRefusal(["list", "--since", "下周", "--lang", "zh"], as: "li")
        #expect(zh.stderr.contains("「下周」") && zh.stderr.contains("12月5日") && zh.stderr.contains("明天"), "\(zh.stderr)")
        #expect(try d.head == before)
    }

    @Test func listSince() throws {
        let d = try TestDesk(timezone: "Asia/Shanghai")
        let old = try d.record(title: "Old", now: "2026-06-13T10:00:00+08:00")
        let new = try d.record(title: "New", now: "2026-06-15T08:00:00+08:00")
        func ids(_ since: String) throws -> [String] {
            let out = try d.succeed(["list", "--format", "json", "--since", since], now: Self.now)
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
            return rows.compactMap { $0["id"] as? String }.sorted()
        }
        #expect(try ids("今天") == [new])
        #expect(try ids("昨天") == [new])
        #expect(try ids("2026/06/13") == [new, old].sorted())
        #expect(try ids("6月14日") == [new])
        #expect(try ids("2026年6月13日 10:00") == [new, old].sorted())
        #expect(try ids("yesterday") == [new])
    }
}
