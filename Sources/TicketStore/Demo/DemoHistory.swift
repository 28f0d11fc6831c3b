import TicketCore

/// One generated change: who made it, when, and what the workflow engine
/// made of it (the ticket after it, the summary and the operation).
struct DemoChange {
    var time: Timestamp
    var person: Person
    var result: WorkflowResult
}

/// A generated ticket's life, worked through the `WorkflowEngine` in memory
/// as the commands would: assigned, contacted, started, commented, resolved,
/// confirmed with a rating, closed and archived by several operators over
/// hours and days; some rejected and solved again, some recurring after
/// closing, some marked invalid, some still open (and flagged overdue by the
/// supervisor's sweep). Every step is one `DemoChange`, later one commit.
struct DemoHistory {
    let engine: WorkflowEngine
    let team: Team

    static let solutions = ["补发订单并同步状态", "指导客户清除缓存后重试", "更换主板", "说明会员权益规则", "加急物流并赠送优惠券",
                            "修复接口超时并补偿积分", "远程协助完成设置"]
    static let causes = ["支付回调接口超时", "缓存数据过期", "硬件批次故障", "规则说明不清", "物流仓库爆仓"]
    static let notes = ["已联系技术部门排查", "等待仓库回复发货时间", "已复现问题，正在定位", "已提交工单给供应商", "客户补充了截图"]
    static let contacts = ["电话联系客户确认问题细节", "在线回复客户处理进度", "邮件告知客户解决方案"]
    static let ratings = [5, 5, 5, 5, 4, 4, 4, 3, 2, 1]

    /// The steps after `created` (the creation itself is the caller's first
    /// change). A step of the main story the workflow refuses ends the story
    /// there; an optional one (comment, contact, overdue mark, archive) is left out.
    func work(_ created: DemoChange, generator g: inout DemoGenerator) -> [DemoChange] {
        var changes = [created]
        var x = created.result.ticket
        var t = created.time
        let handlers = team.people.filter { $0.has(role: "handler") }
        let agent = team.people.first { $0.has(role: "agent") }
        let supervisor = team.people.first { $0.has(role: "supervisor") }
        let qa = team.people.first { $0.has(role: "qa") }
        guard let agent, !handlers.isEmpty else { return changes }
        func later(_ minSeconds: Int64, _ spread: Int64) -> Timestamp {
            t = t.adding(seconds: minSeconds + Int64(g.below(Int(spread))))
            return t
        }
        /// Runs one step and keeps it.
        func step(_ person: Person, _ time: Timestamp, _ op: (Ticket) throws -> WorkflowResult) throws {
            let result = try op(x)
            x = result.ticket
            changes.append(DemoChange(time: time, person: person, result: result))
        }
        /// A step that may be refused (a desk whose workflow or roles differ): left out then.
        func maybe(_ person: Person?, _ time: Timestamp, _ op: (Ticket) throws -> WorkflowResult) {
            guard let person else { return }
            do { try step(person, time, op) } catch {}
        }
        let fate = g.below(100)
        do {
            if fate < 5 {  // spam
                try step(agent, later(300, 3_000)) { try engine.invalid($0, reason: "广告信息，与业务无关", by: agent, at: t) }
                maybe(qa, later(86_400 * 7, 86_400)) { try engine.archive($0, by: qa!, at: t) }
                return changes
            }
            let handler = handlers[g.below(handlers.count)]
            if let supervisor, x["assignee"] != handler.handle {
                try step(supervisor, later(300, 3_300)) { try engine.assign($0, to: handler.handle, by: supervisor, at: t) }
            }
            let worker = x["assignee"].flatMap { team.person($0) } ?? handler
            if g.below(100) < 60 {
                maybe(worker, later(300, 3_600)) {
                    try engine.contact($0, channel: "phone", summary: Self.contacts[g.below(Self.contacts.count)], by: worker, at: t)
                }
            }
            try step(worker, later(600, 7_200)) { try engine.move($0, to: "in_progress", by: worker, at: t) }
            if g.below(100) < 50 {
                maybe(worker, later(600, 7_200)) { try engine.comment($0, text: Self.notes[g.below(Self.notes.count)], by: worker, at: t) }
            }
            if fate < 12 {  // still being worked: some past their deadline, marked by the sweep
                maybe(supervisor, later(86_400 * 4, 86_400)) { try engine.flagOverdue($0, by: supervisor!, at: t) }
                return changes
            }
            let slow: Int64 = fate < 25 ? 86_400 * 3 : 0  // a few solved late: overdue
            let solution = Self.solutions[g.below(Self.solutions.count)], cause = Self.causes[g.below(Self.causes.count)]
            try step(worker, later(1_800 + slow, 28_800)) { try engine.resolve($0, solution: solution, rootCause: cause, by: worker, at: t) }
            if fate % 10 == 3 {  // the customer rejects the first solution
                try step(agent, later(1_800, 14_400)) { try engine.reopen($0, reason: "客户表示问题仍未解决", by: agent, at: t) }
                let again = Self.solutions[g.below(Self.solutions.count)]
                try step(worker, later(1_800, 14_400)) { try engine.resolve($0, solution: again, by: worker, at: t) }
            }
            if fate < 18 { return changes }  // waiting on the customer
            let rating = Self.ratings[g.below(Self.ratings.count)]
            try step(agent, later(1_800, 36_000)) { try engine.confirm($0, rating: rating, by: agent, at: t) }
            guard fate >= 30, let qa else { return changes }
            try step(qa, later(3_600, 72_000)) { try engine.close($0, by: qa, at: t) }
            if fate >= 95 {  // the problem recurs days later
                try step(agent, later(86_400, 86_400 * 5)) { try engine.reopen($0, reason: "问题复现", by: agent, at: t) }
                let again = Self.solutions[g.below(Self.solutions.count)]
                try step(worker, later(3_600, 28_800)) { try engine.resolve($0, solution: again, by: worker, at: t) }
                let second = Self.ratings[g.below(Self.ratings.count)]
                try step(agent, later(1_800, 36_000)) { try engine.confirm($0, rating: second, by: agent, at: t) }
                return changes
            }
            if fate >= 60 {  // archived a week after closing
                maybe(qa, later(86_400 * 7, 86_400)) { try engine.archive($0, by: qa, at: t) }
            }
        } catch {
            // A step the workflow refuses (a desk whose workflow differs): the story ends there.
        }
        return changes
    }
}
