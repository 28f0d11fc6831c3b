import Foundation
import Testing
import TestSupport

/// `gitdesk sweep`: auto-confirm after 24 h, close after 24 h resolved,
/// archive closed tickets, flag overdue ones; one commit per ticket;
/// running it again changes nothing.
@Suite("Sweep")
struct SweepCommandTests {
    @Test("auto-confirm after 24 h, overdue flagged, idempotent, then close and archive")
    func sweepOverTwoDays() throws {
        let desk = try TestDesk(language: "zh")
        let answered = try desk.new(type: "consult", priority: "medium", title: "会员积分咨询", at: "2024-05-06T09:00:00+08:00")
        try desk.ok(["move", answered, "in_progress"], as: "liu", at: "2024-05-06T09:30:00+08:00")
        try desk.ok(["resolve", answered, "--solution", "说明积分规则"], as: "liu", at: "2024-05-06T10:00:00+08:00")
        let forgotten = try desk.new(priority: "urgent", title: "支付失败", at: "2024-05-06T09:00:00+08:00")

        // A minute before 24 h: only the urgent ticket (due 13:00) is overdue.
        var r = try desk.ok(["sweep", "--json"], as: "zhao", at: "2024-05-07T09:59:00+08:00")
        var actions = try #require(try desk.json(r) as? [[String: Any]])
        #expect(actions.map { $0["id"] as? String } == [forgotten])
        #expect(actions.first?["operations"] as? [String] == ["overdue"])
        #expect(try desk.show(forgotten)["breached"] as? String == "2024-05-06T13:00:00+08:00")
        #expect(try desk.show(answered)["status"] as? String == "awaiting_confirmation")

        // 24 h after resolve: no answer counts as confirmed.
        let before = try desk.commitCount
        r = try desk.ok(["sweep"], as: "zhao", at: "2024-05-07T10:00:00+08:00")
        // A Chinese desk: the operation by name, the change by its labels.
        #expect(r.stdout.contains("\(answered)：运行 sweep\n  处理状态  待确认 → 已解决"), "\(r.stdout)")
        #expect(try desk.commitCount == before + 1)
        let confirmed = try desk.show(answered)
        #expect(confirmed["status"] as? String == "resolved")
        #expect(confirmed["confirmation"] as? String == "auto")
        let author = try desk.sandbox.git(["log", "-1", "--format=%ae %(trailers:key=Operation,valueonly,separator=)"], in: desk.dir)
        #expect(author.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "zhao@desk.example sweep")

        // Again at the same moment: nothing to do, nothing written.
        let head = try desk.head
        r = try desk.ok(["sweep", "--lang", "en"], as: "zhao", at: "2024-05-07T10:00:00+08:00")
        #expect(r.stdout == "Nothing to do.\n")
        r = try desk.ok(["sweep", "--json"], as: "zhao", at: "2024-05-07T10:00:00+08:00")
        #expect(r.stdout == "[]\n")
        #expect(try desk.head == head)

        // A day later: closed and archived in one commit.
        r = try desk.ok(["sweep", "--json"], as: "wang", at: "2024-05-08T10:00:00+08:00")
        actions = try #require(try desk.json(r) as? [[String: Any]])
        #expect(actions.count == 1)
        #expect(actions.first?["operations"] as? [String] == ["close", "archive"])
        #expect(actions.first?["status"] as? String == "closed")
        let closed = try desk.show(answered)
        #expect(closed["archived"] as? String == "2024-05-08T10:00:00+08:00")
        #expect(try desk.run(["sweep"], as: "wang", at: "2024-05-09T10:00:00+08:00").stdout == "没有需要自动处理的工单。\n")
    }

    @Test("only QA and supervisors run sweep")
    func permission() throws {
        let desk = try TestDesk(language: "zh")
        _ = try desk.new(priority: "urgent", at: "2024-05-06T09:00:00+08:00")
        try desk.expectRefused(["sweep"], as: "li", at: "2024-05-07T09:00:00+08:00", "li 无权运行 sweep：需要角色客服运营或客服主管")
    }
}
