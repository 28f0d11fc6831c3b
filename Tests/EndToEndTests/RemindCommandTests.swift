import Foundation
import Testing
import TestSupport

/// `gitdesk remind`: each person's open follow-ups, overdue and due-soon
/// tickets, and extensions awaiting approval.
@Suite("Reminders")
struct RemindCommandTests {
    func kinds(_ desk: TestDesk, as who: String?, all: Bool = false, at time: String) throws -> [String] {
        let r = try desk.ok(["remind", "--json"] + (all ? ["--all"] : []), as: who, at: time)
        let items = try #require(try desk.json(r) as? [[String: Any]])
        return items.map { "\($0["kind"] as? String ?? "?") \($0["handle"] as? String ?? "?")" }
    }

    @Test("a contact's follow-up stays in remind until contact --done")
    func followUpUntilDone() throws {
        let desk = try TestDesk(language: "zh")
        let id = try desk.new(priority: "low", title: "订单延迟发货", at: "2024-05-06T09:00:00+08:00")
        try desk.ok(["contact", id, "--channel", "phone", "--summary", "已协调物流加急", "--follow-up", "明日电话确认", "--by", "2024-05-07 18:00"],
                    as: "li", at: "2024-05-06T09:10:00+08:00")
        #expect(try kinds(desk, as: "li", at: "2024-05-06T10:00:00+08:00") == ["follow_up li"])
        #expect(try kinds(desk, as: "zhang", at: "2024-05-06T10:00:00+08:00") == [])
        let text = try desk.ok(["remind"], as: "li", at: "2024-05-06T10:00:00+08:00")
        #expect(text.stdout.contains("待跟进") && text.stdout.contains("明日电话确认") && text.stdout.contains("2024-05-07 18:00"))

        try desk.expectRefused(["contact", id, "--done", "2"], as: "li", at: "2024-05-07T10:00:00+08:00", "第 2 次联系没有未完成的跟进")
        try desk.ok(["contact", id, "--done", "1", "--note", "客户已收到货"], as: "li", at: "2024-05-07T10:00:00+08:00")
        #expect(try kinds(desk, as: "li", at: "2024-05-07T10:30:00+08:00") == [])
        #expect(try desk.ok(["remind", "--lang", "en"], as: "li", at: "2024-05-07T10:30:00+08:00").stdout == "Nothing to act on.\n")
        try desk.expectRefused(["contact", id, "--done", "1"], as: "li", at: "2024-05-07T11:00:00+08:00", "第 1 次联系没有未完成的跟进")
    }

    @Test("overdue and due-soon tickets go to the assignee, pending extensions to supervisors")
    func everyonesItems() throws {
        let desk = try TestDesk(language: "zh")
        let urgent = try desk.new(priority: "urgent", at: "2024-05-06T09:00:00+08:00")  // zhang, due 13:00
        let high = try desk.new(priority: "high", at: "2024-05-06T09:00:00+08:00")      // chen, due tomorrow 09:00
        try desk.ok(["move", urgent, "in_progress"], as: "zhang", at: "2024-05-06T09:30:00+08:00")
        try desk.ok(["move", high, "in_progress"], as: "chen", at: "2024-05-06T09:10:00+08:00")
        try desk.ok(["extend", high, "--until", "2024-05-08 18:00", "--reason", "等待备件"], as: "chen", at: "2024-05-06T10:00:00+08:00")
        // 12:00: the urgent ticket has used 75 % of 4 h; 12:30: 87.5 %, due soon.
        #expect(try kinds(desk, as: "zhang", at: "2024-05-06T12:00:00+08:00") == [])
        #expect(try kinds(desk, as: "zhang", at: "2024-05-06T12:30:00+08:00") == ["due_soon zhang"])
        #expect(try kinds(desk, as: "wang", at: "2024-05-06T12:30:00+08:00") == ["extension_pending wang"])
        let all = try kinds(desk, as: nil, all: true, at: "2024-05-06T13:30:00+08:00")
        #expect(all.contains("overdue zhang"))
        #expect(all.contains("extension_pending wang"))
        let r = try desk.ok(["remind", "--all", "--lang", "en"], at: "2024-05-06T13:30:00+08:00")
        #expect(r.stdout.contains("Overdue") && r.stdout.contains(urgent) && r.stdout.contains("Extension awaiting approval"))
    }
}
