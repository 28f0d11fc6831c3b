import TicketCore

/// A generated ticket's life, worked through the `WorkflowEngine` in memory
/// as the commands would: assigned, started, resolved, confirmed with a
/// rating and closed by several operators over hours and days; some
/// rejected and solved again, some recurring after closing, some marked
/// invalid, some still open (past their deadline or not). The demo desk
/// then has something for reports to count.
struct DemoHistory {
    let engine: WorkflowEngine
    let team: Team

    static let solutions = ["补发订单并同步状态", "指导客户清除缓存后重试", "更换主板", "说明会员权益规则", "加急物流并赠送优惠券",
                            "修复接口超时并补偿积分", "远程协助完成设置"]
    static let causes = ["支付回调接口超时", "缓存数据过期", "硬件批次故障", "规则说明不清", "物流仓库爆仓"]
    static let ratings = [5, 5, 5, 5, 4, 4, 4, 3, 2, 1]

    /// The ticket after its generated steps; a step the workflow refuses ends the story there.
    func work(_ start: Ticket, created: Timestamp, generator g: inout DemoGenerator) -> (ticket: Ticket, last: Timestamp) {
        var x = start
        var t = created
        func person(_ handle: String) -> Person? { team.person(handle) }
        let handlers = team.people.filter { $0.has(role: "handler") }
        let agent = team.people.first { $0.has(role: "agent") }
        let supervisor = team.people.first { $0.has(role: "supervisor") }
        let qa = team.people.first { $0.has(role: "qa") }
        guard let agent, !handlers.isEmpty else { return (x, t) }
        func later(_ minSeconds: Int64, _ spread: Int64) -> Timestamp {
            t = t.adding(seconds: minSeconds + Int64(g.below(Int(spread))))
            return t
        }
        let fate = g.below(100)
        do {
            if fate < 5 {  // spam
                x = try engine.invalid(x, reason: "广告信息，与业务无关", by: agent, at: later(300, 3_000)).ticket
                return (x, t)
            }
            let handler = handlers[g.below(handlers.count)]
            if let supervisor, x["assignee"] != handler.handle {
                x = try engine.assign(x, to: handler.handle, by: supervisor, at: later(300, 3_300)).ticket
            }
            let worker = x["assignee"].flatMap(person) ?? handler
            x = try engine.move(x, to: "in_progress", by: worker, at: later(600, 7_200)).ticket
            if fate < 12 { return (x, t) }  // still being worked (some past their deadline)
            let slow: Int64 = fate < 25 ? 86_400 * 3 : 0  // a few solved late: overdue
            x = try engine.resolve(x, solution: Self.solutions[g.below(Self.solutions.count)],
                                   rootCause: Self.causes[g.below(Self.causes.count)], by: worker, at: later(1_800 + slow, 28_800)).ticket
            if fate % 10 == 3 {  // the customer rejects the first solution
                x = try engine.reopen(x, reason: "客户表示问题仍未解决", by: agent, at: later(1_800, 14_400)).ticket
                x = try engine.resolve(x, solution: Self.solutions[g.below(Self.solutions.count)], by: worker,
                                       at: later(1_800, 14_400)).ticket
            }
            if fate < 18 { return (x, t) }  // waiting on the customer
            x = try engine.confirm(x, rating: Self.ratings[g.below(Self.ratings.count)], by: agent, at: later(1_800, 36_000)).ticket
            guard fate >= 30, let qa else { return (x, t) }
            x = try engine.close(x, by: qa, at: later(3_600, 72_000)).ticket
            if fate >= 95 {  // the problem recurs days later
                x = try engine.reopen(x, reason: "问题复现", by: agent, at: later(86_400, 86_400 * 5)).ticket
                x = try engine.resolve(x, solution: Self.solutions[g.below(Self.solutions.count)], by: worker,
                                       at: later(3_600, 28_800)).ticket
                x = try engine.confirm(x, rating: Self.ratings[g.below(Self.ratings.count)], by: agent, at: later(1_800, 36_000)).ticket
            }
        } catch {
            // A step the workflow refuses (a desk whose workflow differs): the story ends there.
        }
        return (x, t)
    }
}
