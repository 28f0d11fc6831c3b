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
    /// Keys (`resolved`, `fault`, `urgent`: the same in every language) and their labels.
    public var statusKey: String
    public var typeKey: String?
    public var priorityKey: String?
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

    /// The report of `ticket` at `now`; `name` shows an operator (a roster name; the handle by default).
    public static func build(_ ticket: Ticket, at now: Timestamp, schema: Schema, lang: Language,
                             name: (String) -> String = { $0 }) -> TicketReport {
        let facts = TicketFacts.read(ticket, at: now, schema: schema)
        let created = ticket.created ?? now
        let lastEnd = facts?.rounds.last?.end
        let end = (facts?.open ?? true) ? now : (lastEnd ?? StatusHistory.enteredCurrentStatus(ticket) ?? now)
        let outcome: String
        if facts?.invalid == true { outcome = "none" } else {
            switch facts?.slaOutcome { case .met: outcome = "met"; case .breached: outcome = "breached"; default: outcome = "pending" }
        }
        let participants = (facts?.participants ?? []).map(name)
        let status = facts?.status ?? ticket.status ?? ""
        return TicketReport(
            id: ticket.id, title: ticket["title"] ?? "", created: created,
            statusKey: status, typeKey: ticket["type"], priorityKey: ticket["priority"],
            statusLabel: schema.label(value: status, of: "status", lang),
            typeLabel: ticket["type"].map { schema.label(value: $0, of: "type", lang) } ?? "-",
            priorityLabel: ticket["priority"].map { schema.label(value: $0, of: "priority", lang) } ?? "-",
            durationSeconds: max(0, end.seconds - created.seconds),
            handlingWall: facts?.rounds.reduce(0) { $0 + $1.wallSeconds } ?? 0,
            handlingWorking: facts?.rounds.reduce(0) { $0 + $1.workingSeconds } ?? 0,
            participants: participants,
            steps: ticket.log.filter { $0.time <= now }.map { Step(time: $0.time, operatorHandle: name($0.operator), text: $0.text) },
            rootCause: ticket["root_cause"], solution: ticket["solution"], feedback: ticket["feedback"],
            compensation: ticket["compensation"],
            communication: ticket.contacts.filter { $0.time <= now }.map {
                Step(time: $0.time, operatorHandle: name($0.operator),
                     text: schema.label(value: $0.channel, of: "channel", lang) + (lang == .zh ? "：" : ": ") + $0.summary
                        + ($0.followUp.map { lang == .zh ? "（跟进：\($0)）" : " (follow-up: \($0))" } ?? ""))
            },
            ratings: facts?.ratings ?? [], rounds: facts?.rounds.count ?? 1, slaOutcome: outcome,
            invalid: facts?.invalid ?? false)
    }

    /// The `## report` section `archive` writes (Chinese, as the ticket file is):
    /// generated from the ticket as archived, so a hook can regenerate and compare it.
    public static func section(of ticket: Ticket, at time: Timestamp, schema: Schema) -> String {
        var source = ticket
        source["report"] = nil
        return Ticket.normalise(build(source, at: time, schema: schema, lang: .zh).markdown(.zh, headingLevel: 0, steps: false))
    }

    /// A log entry as people read it: the machine markers (`[status: a → b]`, `[assignee: …]`,
    /// `[rating: N]`) dropped, since the sentence before them says the same; a due change and
    /// `[auto]` said in words.
    public static func readable(_ text: String, _ lang: Language) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "[") {
            let tail = rest[open...]
            guard let close = tail.firstIndex(of: "]") else { break }
            let inner = tail[tail.index(after: open)..<close]
            var replacement: String? = nil
            if inner.hasPrefix("status: ") || inner.hasPrefix("assignee: ") || inner.hasPrefix("rating: ") {
                replacement = ""
            } else if inner.hasPrefix("due: ") {
                let change = inner.dropFirst("due: ".count).split(separator: "→").map { part -> String in
                    let v = part.trimmed()
                    return Timestamp.parse(v)?.shortDisplay ?? v
                }
                replacement = (lang == .zh ? "（预计完成 " : " (due ") + change.joined(separator: " → ") + (lang == .zh ? "）" : ")")
            } else if inner == "auto" {
                replacement = lang == .zh ? "（自动）" : " (automatic)"
            }
            guard let replacement else { out += rest[...open]; rest = rest[rest.index(after: open)...]; continue }
            var before = String(rest[..<open])
            if replacement.isEmpty || replacement.hasPrefix("（") { while before.hasSuffix(" ") { before.removeLast() } }
            out += before + replacement
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
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
    /// `steps: false` leaves the steps and the communication out (the archived `## report`
    /// section: a summary, since the file already holds the log).
    public func markdown(_ lang: Language, headingLevel: Int = 1, steps withSteps: Bool = true) -> String {
        let zh = lang == .zh
        let h = String(repeating: "#", count: headingLevel)
        let sub = headingLevel > 0 ? h + "#" : "###"
        func one(_ s: String) -> String { s.replacingNewlines() }
        // Full-width colons are Chinese punctuation: English text gets ASCII ones.
        let c = zh ? "：" : ": "
        var out = headingLevel > 0 ? "\(h) \(zh ? "问题处理报告" : "Processing report") \(id)\n\n" : ""
        out += "- \(zh ? "标题" : "Title")\(c)\(one(title))\n"
        out += "- \(zh ? "类型 / 优先级 / 状态" : "Type / priority / status")\(c)\(typeLabel) / \(priorityLabel) / \(statusLabel)\n"
        out += "- \(zh ? "提交时间" : "Created")\(c)\(created.shortDisplay)\n"
        out += "- \(zh ? "总时长（小时）" : "Duration (hours)")\(c)\(Self.hours(durationSeconds))\n"
        out += "- \(zh ? "处理用时（小时，不含等待客户）" : "Handling time (hours, customer waits removed)")\(c)"
            + "\(Self.hours(handlingWall))\(zh ? "，工作时间 " : ", working hours ")\(Self.hours(handlingWorking))\n"
        out += "- \(zh ? "处理轮次" : "Rounds")\(c)\(rounds)\n"
        out += "- \(zh ? "参与人" : "Participants")\(c)\(participants.isEmpty ? "-" : participants.joined(separator: ", "))\n"
        out += "- \(zh ? "根因" : "Root cause")\(c)\(rootCause.map(one) ?? "-")\n"
        out += "- \(zh ? "解决方案" : "Solution")\(c)\(solution.map(one) ?? "-")\n"
        if let compensation { out += "- \(zh ? "补偿方案" : "Compensation")\(c)\(one(compensation))\n" }
        if let feedback { out += "- \(zh ? "反馈结果" : "Feedback")\(c)\(one(feedback))\n" }
        out += "- \(zh ? "满意度" : "Satisfaction")\(c)\(ratings.isEmpty ? "-" : ratings.map { "\($0)★" }.joined(separator: " → "))\n"
        out += "- SLA\(c)\(Self.outcomeLabel(slaOutcome, lang))\n"
        guard withSteps else { return out }
        out += "\n\(sub) \(zh ? "处理步骤" : "Steps")\n\n"
        for s in steps { out += "- \(s.time.shortDisplay) \(s.operatorHandle)\(c)\(one(Self.readable(s.text, lang)))\n" }
        if !communication.isEmpty {
            out += "\n\(sub) \(zh ? "沟通记录" : "Communication")\n\n"
            for s in communication { out += "- \(s.time.shortDisplay) \(s.operatorHandle)\(c)\(one(s.text))\n" }
        }
        return out
    }
}
