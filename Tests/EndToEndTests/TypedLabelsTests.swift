import Foundation
import Testing
import TestSupport

/// A Chinese team types labels, not keys: `--type 投诉`, `--status 已关闭`,
/// `set ID 备注=…`, `move ID 处理中` all work as their keys do.
@Suite("values typed as labels")
struct TypedLabelsTests {
    let now = "2024-05-06T10:00:00+08:00"

    @Test("new, list, set and move accept labels in Chinese and English")
    func labelsEverywhere() throws {
        let desk = try TestDesk()
        let made = try desk.run(["new", "--type", "投诉", "--channel", "电话", "--priority", "紧急", "--title", "支付成功但订单未生成"],
                                as: "li", at: now)
        try #require(made.status == 0, "\(made)")
        let id = made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let t = try desk.show(id)
        #expect(t["type"] as? String == "complaint" && t["channel"] as? String == "phone" && t["priority"] as? String == "urgent")

        try desk.ok(["set", id, "备注=客户很着急", "Priority=High"], as: "wang", at: now)
        let after = try desk.show(id)
        #expect(after["notes"] as? String == "客户很着急")
        #expect(after["priority"] as? String == "high")

        try desk.ok(["move", id, "处理中"], as: "zhang", at: now)
        #expect(try desk.show(id)["status"] as? String == "in_progress")

        for filter in [["--status", "处理中"], ["--status", "In progress"], ["--type", "投诉"], ["--priority", "高"]] {
            let list = try desk.run(["list", "--format", "json"] + filter, at: now)
            #expect(list.status == 0 && list.stdout.contains(id), "list \(filter): \(list)")
        }
        let none = try desk.run(["list", "--format", "json", "--status", "已关闭"], at: now)
        #expect(none.status == 0 && !none.stdout.contains(id), "\(none)")
        try desk.expectRefused(["move", id, "不存在的状态"], as: "zhang", at: now, "'不存在的状态' is not a status")
    }
}
