import Foundation
import Testing
import TestSupport

/// CS20240501001 from the documents, worked command by command through the
/// CLI from 登记 to 归档, each step one commit by the person who did it.
@Suite("The payment complaint, command by command")
struct SeedStoryCommandTests {
    @Test("CS20240501001: urgent complaint, interface timeout fixed, confirmed 满意, coupon, closed and archived")
    func paymentWithoutOrder() throws {
        let desk = try TestDesk()
        // 14:30 客服小李 records it: urgent → green channel to tech support, due in 4 h.
        let id = try desk.new(title: "支付成功但订单未生成", at: "2024-05-01T14:30:00+08:00")
        var t = try desk.show(id)
        #expect(t["status"] as? String == "new")
        #expect(t["due"] as? String == "2024-05-01T18:30:00+08:00")
        #expect(t["department"] as? String == "tech_support")
        #expect(t["assignee"] as? String == "zhang")

        try desk.ok(["move", id, "in_progress"], as: "zhang", at: "2024-05-01T14:40:00+08:00")
        #expect(try desk.show(id)["status"] as? String == "in_progress")
        try desk.ok(["comment", id, "技术排查发现支付回调接口超时"], as: "zhang", at: "2024-05-01T14:45:00+08:00")
        try desk.ok(["comment", id, "接口已修复,订单已同步"], as: "zhang", at: "2024-05-01T15:00:00+08:00")
        try desk.ok(["set", id, "compensation=发放 20 元优惠券"], as: "zhang", at: "2024-05-01T15:05:00+08:00")
        try desk.ok(["resolve", id, "--solution", "修复支付回调接口,补同步订单", "--root-cause", "支付回调接口超时"],
                    as: "zhang", at: "2024-05-01T15:10:00+08:00")
        #expect(try desk.show(id)["status"] as? String == "awaiting_confirmation")
        try desk.ok(["contact", id, "--channel", "phone", "--summary", "客户来电确认订单已生成"], as: "li", at: "2024-05-01T15:30:00+08:00")
        try desk.ok(["confirm", id, "--rating", "满意", "--feedback", "电话解释原因并发放优惠券,客户接受"], as: "li", at: "2024-05-01T15:32:00+08:00")
        t = try desk.show(id)
        #expect(t["status"] as? String == "resolved")
        #expect(t["satisfaction"] as? Int == 5)
        try desk.ok(["close", id], as: "wang", at: "2024-05-01T15:50:00+08:00")
        try desk.ok(["set", id, "notes=优化接口稳定性"], as: "zhao", at: "2024-05-01T15:55:00+08:00")
        try desk.ok(["archive", id], as: "zhao", at: "2024-05-01T16:00:00+08:00")

        t = try desk.show(id, at: "2024-05-02T09:00:00+08:00")
        #expect(t["status"] as? String == "closed")
        #expect(t["archived"] as? String == "2024-05-01T16:00:00+08:00")
        #expect(t["root_cause"] as? String == "支付回调接口超时")
        #expect(t["compensation"] as? String == "发放 20 元优惠券")
        let sla = try #require(t["sla"] as? [String: Any])
        #expect((sla["resolve"] as? [String: Any])?["state"] as? String == "met")
        #expect((sla["respond"] as? [String: Any])?["state"] as? String == "met")
        #expect(sla["overdue"] as? Bool == false)

        // git log: one commit per step, authored by whoever did it, with the engine's operation.
        let log = try desk.sandbox.git(["log", "--reverse", "--format=%ae %(trailers:key=Operation,valueonly,separator=)", "--",
                                        "tickets/2024/05/\(id).md"], in: desk.dir)
        #expect(log.stdout.split(separator: "\n").map(String.init) == [
            "li@desk.example new", "zhang@desk.example move", "zhang@desk.example comment", "zhang@desk.example comment",
            "zhang@desk.example set", "zhang@desk.example resolve", "li@desk.example contact", "li@desk.example confirm",
            "wang@desk.example close", "zhao@desk.example set", "zhao@desk.example archive",
        ])
        #expect(try desk.sandbox.git(["status", "--porcelain"], in: desk.dir).stdout == "")
    }

    @Test("the demo replays the seed stories through the workflow engine")
    func demoFollowsTheWorkflow() throws {
        let sandbox = try Sandbox("gitdesk-workflow")
        try #require(try sandbox.gitdesk(["demo", "demo"]).status == 0)
        let show = try sandbox.gitdesk(["show", "CST-20240520001", "--json"], in: "demo")
        let t = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(t["type"] as? String == "fault")
        #expect(t["status"] as? String == "in_progress")
        #expect(t["assignee"] as? String == "chen")
        #expect(t["department"] as? String == "after_sales")
        #expect(t["due"] as? String == "2024-05-20T18:30:00+08:00")
        let ops = try sandbox.git(["log", "--format=%(trailers:key=Operation,valueonly,separator=)", "--",
                                   "tickets/2024/05/CST-20240520001.md"], in: "demo")
        #expect(ops.stdout.split(separator: "\n") == ["contact", "assign", "comment", "move", "new"])
        // The engine's log markers are there, so the SLA clock and reports can read them.
        let log = try #require(t["log"] as? [[String: Any]])
        #expect(log.contains { ($0["text"] as? String)?.contains("[status: new → in_progress]") == true })
        let validate = try sandbox.gitdesk(["show", "CS20240501001", "--json"], in: "demo")
        let first = try #require(try JSONSerialization.jsonObject(with: Data(validate.stdout.utf8)) as? [String: Any])
        #expect(first["status"] as? String == "closed")
        #expect(first["archived"] as? String == "2024-05-01T16:00:00+08:00")
        #expect(first["confirmation"] as? String == "customer")
    }
}
