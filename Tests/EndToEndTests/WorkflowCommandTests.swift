import Foundation
import Testing
import TestSupport

/// The transition commands refuse what workflow.yaml does not allow: one
/// line on stderr, exit 1, nothing written.
@Suite("Workflow commands: refusals")
struct WorkflowCommandTests {
    let now = "2024-05-06T10:00:00+08:00"

    @Test("an illegal transition names the statuses allowed from here and writes nothing")
    func illegalTransition() throws {
        let desk = try TestDesk()
        let id = try desk.new(at: now)
        try desk.expectRefused(["move", id, "closed"], as: "zhang", at: now,
                               "cannot move from new to closed; allowed from new: in_progress, needs_info, invalid")
        try desk.expectRefused(["move", id, "no_such_status"], as: "zhang", at: now, "'no_such_status' is not a status")
        try desk.expectRefused(["close", id], as: "zhang", at: now, "cannot close a ticket that is new; close works from: resolved, follow_up")
        #expect(try desk.show(id)["status"] as? String == "new")
    }

    @Test("a role the transition does not allow is refused")
    func roleNotAllowed() throws {
        let desk = try TestDesk()
        let id = try desk.new(at: now)
        // Only supervisors and QA restore an invalid ticket; only handlers and supervisors ask for extensions.
        try desk.ok(["invalid", id, "--reason", "垃圾信息"], as: "li", at: now)
        try desk.expectRefused(["reopen", id, "--reason", "误判"], as: "li", at: now, "li may not reopen: it needs the role supervisor or qa")
        try desk.ok(["reopen", id, "--reason", "误判"], as: "wang", at: now)
        #expect(try desk.show(id)["status"] as? String == "new")
        try desk.expectRefused(["move", id, "in_progress"], as: "nobody", at: now, "'nobody' (from --as) is not on the roster (team.yaml)")
    }

    @Test("a change that changes nothing is refused, not committed")
    func nothingToChange() throws {
        let desk = try TestDesk()
        let id = try desk.new(at: now)
        try desk.ok(["assign", id, "liu"], as: "wang", at: now)
        let commits = try desk.commitCount
        try desk.expectRefused(["assign", id, "liu"], as: "wang", at: now, "nothing to change: \(id) is already assigned to liu")
        #expect(try desk.commitCount == commits)
    }

    @Test("reasons are required where the workflow says so")
    func reasonsRequired() throws {
        let desk = try TestDesk()
        let id = try desk.new(at: now)
        // invalid and reopen always need one: their usage says so (exit 64), the engine refuses an empty one.
        for args in [["invalid", id], ["reopen", id]] {
            let usage = try desk.sandbox.gitdesk(args + ["--as", "li"], in: "desk", env: ["GITDESK_NOW": now])
            #expect(usage.status == 64, "\(usage)")
            #expect(usage.stderr.contains("--reason"), "\(usage)")
        }
        try desk.expectRefused(["invalid", id, "--reason", ""], as: "li", at: now, "invalid needs a reason (--reason)")
        try desk.expectRefused(["move", id, "needs_info"], as: "li", at: now, "needs a reason (--reason)")
        try desk.ok(["move", id, "needs_info", "--reason", "缺少订单号"], as: "li", at: now)
        let log = try #require(try desk.show(id)["log"] as? [[String: Any]])
        #expect((log.last?["text"] as? String)?.contains("原因：缺少订单号") == true)
    }

    @Test("ratings outside 1–5 are refused; 满意 / 一般 / 不满意 map to 5 / 3 / 1")
    func ratings() throws {
        let desk = try TestDesk()
        let id = try desk.new(type: "consult", priority: "medium", title: "积分兑换咨询", at: now)
        try desk.ok(["move", id, "in_progress"], as: "liu", at: now)
        // A complaint or fault needs its root cause; a consultation does not.
        try desk.ok(["resolve", id, "--solution", "说明兑换规则"], as: "liu", at: now)
        try desk.expectRefused(["confirm", id, "--rating", "0"], as: "li", at: now, "rating 0 is outside 1–5")
        try desk.expectRefused(["confirm", id, "--rating", "6"], as: "li", at: now, "rating 6 is outside 1–5")
        let before = try desk.head
        let usage = try desk.run(["confirm", id, "--rating", "很好"], as: "li", at: now)
        #expect(usage.status == 64, "\(usage)")
        #expect(try desk.head == before)
        try desk.ok(["confirm", id, "--rating", "一般"], as: "li", at: now)
        #expect(try desk.show(id)["satisfaction"] as? Int == 3)
    }

    @Test("a complaint cannot be resolved without its root cause")
    func rootCauseBeforeResolve() throws {
        let desk = try TestDesk()
        let id = try desk.new(at: now)
        try desk.ok(["move", id, "in_progress"], as: "zhang", at: now)
        try desk.expectRefused(["resolve", id, "--solution", "已修复"], as: "zhang", at: now,
                               "give it with gitdesk resolve ID --solution S --root-cause S")
        // move cannot fill them: the hint names the command that can.
        try desk.expectRefused(["move", id, "awaiting_confirmation"], as: "zhang", at: now, "give it with gitdesk resolve ID --solution S")
        let out = try desk.ok(["resolve", id, "--solution", "已修复", "--root-cause", "接口超时"], as: "zhang", at: now)
        #expect(out.stdout.hasPrefix("\(id): resolve\n"))
        #expect(out.stdout.contains("In progress → Awaiting confirmation"))
    }

    @Test("reopen after close: reason logged, new priority, deadline computed afresh")
    func reopenRecurring() throws {
        let desk = try TestDesk()
        let id = try desk.new(priority: "high", at: now)
        try desk.ok(["move", id, "in_progress"], as: "chen", at: now)
        try desk.ok(["resolve", id, "--solution", "退款", "--root-cause", "重复扣款"], as: "chen", at: now)
        try desk.ok(["confirm", id, "--rating", "4"], as: "li", at: now)
        try desk.ok(["close", id], as: "li", at: now)
        try desk.expectRefused(["reopen", id, "--reason", " "], as: "li", at: "2024-05-08T10:00:00+08:00", "reopen needs a reason")
        try desk.ok(["reopen", id, "--reason", "问题复现", "--priority", "urgent", "--description", "再次重复扣款"],
                    as: "li", at: "2024-05-08T10:00:00+08:00")
        let t = try desk.show(id, at: "2024-05-08T10:30:00+08:00")
        #expect(t["status"] as? String == "in_progress")
        #expect(t["priority"] as? String == "urgent")
        #expect(t["satisfaction"] == nil || t["satisfaction"] is NSNull)
        #expect(t["due"] as? String == "2024-05-08T14:00:00+08:00")
        #expect((t["description"] as? String)?.contains("再次重复扣款") == true)
    }
}
