/// One ticket's processing report (问题处理报告): duration, participants,
/// steps with times, root cause, solution, communication, satisfaction and
/// SLA outcome, read from the ticket as it stood at a moment.
public struct TicketReport: Equatable, Sendable {
    public struct Step: Equatable, Sendable {
        public var time: Timestamp
        public var operatorHandle: String
        public var text: String
    }
    public var id: String
    public var title: String
    public var created: Timestamp
    public var statusLabel: String
    public var typeLabel: String
    public var priorityLabel: String
    /// Wall-clock seconds from creation to the end of the last round (or `now`).
    public var durationSeconds: Int64
    /// Counted seconds of every round, waits on the customer removed.
    public var handlingWall: Int64
    public var handlingWorking: Int64
    public var participants: [String]
    public var steps: [Step]
    public var rootCause: String?
    public var solution: String?
    public var feedback: String?
    public var compensation: String?
    public var communication: [Step]
    /// Every round's rating, in order (a reopened ticket keeps each one).
    public var ratings: [Int]
    public var rounds: Int
    /// met, breached, none (invalid) or pending.
    public var slaOutcome: String
    public var invalid: Bool

    /// The report of `ticket` at `now`.
    public static func build(_ ticket: Ticket, at now: Timestamp, schema: Schema, lang: Language) -> TicketReport {
        let facts = TicketFacts.read(ticket, at: now, schema: schema)
        let created = ticket.created ?? now
        let lastEnd = facts?.rounds.last?.end
        let end = (facts?.open ?? true) ? now : (lastEnd ?? StatusHistory.enteredCurrentStatus(ticket) ?? now)
        let outcome: String
        if facts?.invalid == true { outcome = "none" } else {
            switch facts?.slaOutcome { case .met: outcome = "met"; case .breached: outcome = "breached"; default: outcome = "pending" }
        }
        let participants = (facts?.participants ?? []).map { handle in handle }
        return TicketReport(
            id: ticket.id, title: ticket["title"] ?? "", created: created,
            statusLabel: schema.label(value: facts?.status ?? ticket.status ?? "", of: "status", lang),
            typeLabel: ticket["type"].map { schema.label(value: $0, of: "type", lang) } ?? "-",
            priorityLabel: ticket["priority"].map { schema.label(value: $0, of: "priority", lang) } ?? "-",
            durationSeconds: max(0, end.seconds - created.seconds),
            handlingWall: facts?.rounds.reduce(0) { $0 + $1.wallSeconds } ?? 0,
            handlingWorking: facts?.rounds.reduce(0) { $0 + $1.workingSeconds } ?? 0,
            participants: participants,
            steps: ticket.log.filter { $0.time <= now }.map { Step(time: $0.time, operatorHandle: $0.operator, text: $0.text) },
            rootCause: ticket["root_cause"], solution: ticket["solution"], feedback: ticket["feedback"],
            compensation: ticket["compensation"],
            communication: ticket.contacts.filter { $0.time <= now }.map {
                Step(time: $0.time, operatorHandle: $0.operator,
                     text: schema.label(value: $0.channel, of: "channel", lang) + "：" + $0.summary
                        + ($0.followUp.map { "（跟进：\($0)）" } ?? ""))
            },
            ratings: facts?.ratings ?? [], rounds: facts?.rounds.count ?? 1, slaOutcome: outcome,
            invalid: facts?.invalid ?? false)
    }

    /// The `## report` section `archive` writes (Chinese, as the ticket file is):
    /// generated from the ticket as archived, so a hook can regenerate and compare it.
    public static func section(of ticket: Ticket, at time: Timestamp, schema: Schema) -> String {
        var source = ticket
        source["report"] = nil
        return Ticket.normalise(build(source, at: time, schema: schema, lang: .zh).markdown(.zh, headingLevel: 0))
    }

    /// Hours with two decimals.
    public static func hours(_ seconds: Int64) -> String {
        let h = (Double(seconds) / 36).rounded() / 100
        return h == h.rounded() ? String(Int(h)) : String(h)
    }

    public static func outcomeLabel(_ outcome: String, _ lang: Language) -> String {
        switch outcome {
        case "met": return lang == .zh ? "达标" : "met"
        case "breached": return lang == .zh ? "超时" : "breached"
        case "none": return lang == .zh ? "无（无效工单）" : "none (invalid)"
        default: return lang == .zh ? "进行中" : "pending"
        }
    }

    /// The report as markdown: `gitdesk report ID --format md`, and the body
    /// of the `## report` section `archive` writes into the ticket file.
    public func markdown(_ lang: Language, headingLevel: Int = 1) -> String {
        let zh = lang == .zh
        let h = String(repeating: "#", count: headingLevel)
        func one(_ s: String) -> String { s.replacingNewlines() }
        var out = headingLevel > 0 ? "\(h) \(zh ? "问题处理报告" : "Processing report") \(id)\n\n" : ""
        out += "- \(zh ? "标题" : "Title")：\(one(title))\n"
        out += "- \(zh ? "类型 / 优先级 / 状态" : "Type / priority / status")：\(typeLabel) / \(priorityLabel) / \(statusLabel)\n"
        out += "- \(zh ? "提交时间" : "Created")：\(created.shortDisplay)\n"
        out += "- \(zh ? "总时长（小时）" : "Duration (hours)")：\(Self.hours(durationSeconds))\n"
        out += "- \(zh ? "处理用时（小时，不含等待客户）" : "Handling time (hours, customer waits removed)")："
            + "\(Self.hours(handlingWall))\(zh ? "，工作时间 " : ", working hours ")\(Self.hours(handlingWorking))\n"
        out += "- \(zh ? "处理轮次" : "Rounds")：\(rounds)\n"
        out += "- \(zh ? "参与人" : "Participants")：\(participants.isEmpty ? "-" : participants.joined(separator: ", "))\n"
        out += "- \(zh ? "根因" : "Root cause")：\(rootCause.map(one) ?? "-")\n"
        out += "- \(zh ? "解决方案" : "Solution")：\(solution.map(one) ?? "-")\n"
        if let compensation { out += "- \(zh ? "补偿方案" : "Compensation")：\(one(compensation))\n" }
        if let feedback { out += "- \(zh ? "反馈结果" : "Feedback")：\(one(feedback))\n" }
        out += "- \(zh ? "满意度" : "Satisfaction")：\(ratings.isEmpty ? "-" : ratings.map { "\($0)★" }.joined(separator: " → "))\n"
        out += "- SLA：\(Self.outcomeLabel(slaOutcome, lang))\n"
        out += "\n\(h)# \(zh ? "处理步骤" : "Steps")\n\n"
        for s in steps { out += "- \(s.time.shortDisplay) \(s.operatorHandle)：\(one(s.text))\n" }
        if !communication.isEmpty {
            out += "\n\(h)# \(zh ? "沟通记录" : "Communication")\n\n"
            for s in communication { out += "- \(s.time.shortDisplay) \(s.operatorHandle)：\(one(s.text))\n" }
        }
        return out
    }
}
