import Foundation
import Testing
import TestSupport

/// `report --at REV` without a period covers the month REV's commit falls in
/// (in the desk's time zone): the report "of the current month" as it was at
/// REV, not the month of today's clock.
@Suite("report --at REV: the default period is REV's month")
struct ReportAtDefaultPeriodTests {
    static func period(_ json: String) throws -> [String: Any] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require(object["period"] as? [String: Any])
    }

    @Test("REV's month, its desk-local day at a month boundary; the same bytes as --month with --at; today's month without --at")
    func defaultPeriod() throws {
        let desk = try TestDesk(timezone: "Asia/Shanghai")
        _ = try desk.new(at: "2024-05-20T10:00:00+08:00")
        _ = try desk.gitOutput(["tag", "in-may"])
        // 00:30 on 1 June in Shanghai is still 31 May in UTC: the desk's day decides.
        _ = try desk.new(title: "六月第一单", at: "2024-06-01T00:30:00+08:00")
        _ = try desk.gitOutput(["tag", "june-first"])
        _ = try desk.new(title: "六月中旬", at: "2024-06-15T09:00:00+08:00")
        let today = "2024-07-10T12:00:00+08:00"

        let may = try desk.ok(["report", "--at", "in-may", "--format", "json"], at: today).stdout
        #expect(try Self.period(may)["from"] as? String == "2024-05-01" && Self.period(may)["to"] as? String == "2024-05-31", "\(may)")
        #expect(may.contains("\"total\": 1") || may.contains("\"total\":1"), "\(may)")
        let mayExplicit = try desk.ok(["report", "--month", "2024-05", "--at", "in-may", "--format", "json"], at: today).stdout
        #expect(may == mayExplicit)

        let june = try desk.ok(["report", "--at", "june-first", "--format", "json"], at: today).stdout
        #expect(try Self.period(june)["from"] as? String == "2024-06-01", "\(june)")
        #expect(june.contains("\"total\": 1") || june.contains("\"total\":1"), "only the ticket REV holds: \(june)")

        let live = try desk.ok(["report", "--format", "json"], at: today).stdout
        #expect(try Self.period(live)["from"] as? String == "2024-07-01", "\(live)")

        let help = try desk.ok(["report", "--help"], at: today).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("--at REV") && help.contains("REV's month"), "the help says what --at alone covers: \(help)")
    }
}
