import Foundation
import Testing
import TestSupport

/// The seeds' record tables name 问题复现说明 (reproduction steps) and
/// 期望解决时间 (the customer's expected resolution time).
@Suite("reproduction steps and the customer's expected time")
struct SeedFieldsTests {
    let now = "2024-05-06T10:00:00+08:00"

    @Test("new records both; show puts the expected time beside the SLA deadline; remind flags it when it is earlier")
    func bothFields() throws {
        let desk = try TestDesk(language: "zh")
        let made = try desk.run(["new", "--type", "fault", "--channel", "app", "--priority", "medium", "--title", "APP闪退",
                                 "--reproduction", "1. 打开订单页\n2. 点击支付\n3. APP闪退",
                                 "--expected-by", "2024-05-06 18:00"], as: "li", at: now)
        try #require(made.status == 0, "\(made)")
        let id = made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let t = try desk.show(id)
        #expect(t["reproduction"] as? String == "1. 打开订单页\n2. 点击支付\n3. APP闪退")
        #expect(t["expected_by"] as? String == "2024-05-06T18:00:00+08:00")

        let text = try desk.run(["show", id], at: now)
        #expect(text.stdout.contains("问题复现说明"), "\(text)")
        let line = try #require(text.stdout.split(separator: "\n").first { $0.contains("客户期望") }, "\(text)")
        #expect(line.contains("2024-05-06 18:00") && line.contains("早于解决时限"), "\(line)")

        // Four hours before the customer's time, the assignee is reminded; not earlier.
        let early = try desk.run(["remind", "--all", "--json"], at: "2024-05-06T11:00:00+08:00")
        #expect(early.status == 0 && !early.stdout.contains("expected_by"), "\(early)")
        let late = try desk.run(["remind", "--all", "--json"], at: "2024-05-06T15:00:00+08:00")
        #expect(late.stdout.contains("\"expected_by\""), "\(late)")

        try desk.expectRefused(["new", "--type", "fault", "--channel", "app", "--title", "t", "--expected-by", "下周"], as: "li", at: now, "--expected-by")
    }
}
