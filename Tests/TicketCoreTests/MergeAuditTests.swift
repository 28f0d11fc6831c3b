import TestSupport
import Testing
import TicketCore

/// What a server accepts as a merge of one ticket.
@Suite("Merge audit")
struct MergeAuditTests {
    let t = Fixtures.t
    var base: Ticket {
        Ticket(fields: ["id": "CS-20240501-7K3FQ2", "title": "支付成功但订单未生成", "priority": "medium"],
               log: [LogEntry(time: t("2024-05-01 14:30"), operator: "li", text: "登记")])
    }

    func sides() -> (Ticket, Ticket) {
        var ours = base
        ours["priority"] = "high"
        ours.log.append(LogEntry(time: t("2024-05-01 15:00"), operator: "zhang", text: "接口已修复"))
        var theirs = base
        theirs["priority"] = "urgent"
        theirs.log.append(LogEntry(time: t("2024-05-01 14:45"), operator: "li", text: "技术排查发现接口超时"))
        return (ours, theirs)
    }

    @Test("TicketMerge's result passes the audit")
    func mergeResultPasses() {
        let (ours, theirs) = sides()
        let r = TicketMerge.merge(base: base, ours: ours, theirs: theirs, schema: Fixtures.schema,
                                  context: MergeContext(operatorHandle: "chen", now: t("2024-05-02 09:00")))
        #expect(MergeAudit.problems(base: base, parents: [ours, theirs], merged: r.ticket, operatorHandle: "chen").isEmpty)
    }

    @Test("a new value, a lost entry and an entry by someone else are each refused")
    func badMergesRefused() {
        let (ours, theirs) = sides()
        var merged = ours
        merged.log = [base.log[0], theirs.log[1], ours.log[1]]
        #expect(MergeAudit.problems(base: base, parents: [ours, theirs], merged: merged, operatorHandle: "chen").isEmpty)

        var invented = merged
        invented["priority"] = "low"
        #expect(MergeAudit.problems(base: base, parents: [ours, theirs], merged: invented, operatorHandle: "chen").map(\.field) == ["priority"])

        var lost = merged
        lost.log.remove(at: 1)
        #expect(MergeAudit.problems(base: base, parents: [ours, theirs], merged: lost, operatorHandle: "chen").map(\.field) == ["log"])

        var forged = merged
        forged.log.append(LogEntry(time: t("2024-05-02 09:00"), operator: "wang", text: "客户已同意"))
        #expect(MergeAudit.problems(base: base, parents: [ours, theirs], merged: forged, operatorHandle: "chen").map(\.field) == ["log"])
        #expect(MergeAudit.problems(base: base, parents: [ours, theirs], merged: forged, operatorHandle: "wang").isEmpty)
    }
}
