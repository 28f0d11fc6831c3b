extension WorkflowEngine {
    /// `gitdesk move ID STATUS [--reason]`: any transition the table allows
    /// from the current status to `status`, for an operator holding one of its roles.
    public func move(_ ticket: Ticket, to typedStatus: String, reason: String? = nil, by person: Person,
                     at now: Timestamp) throws(WorkflowError) -> WorkflowResult {
        let from = try currentStatus(ticket)
        let status: String
        do { status = try schema.valueKey(typed: typedStatus, of: "status") } catch {
            throw .invalidValue(field: "status", problem: error.message)
        }
        guard workflow.status(status) != nil else {
            throw .unknownValue(field: "status", value: status, allowed: workflow.statuses.map(\.key))
        }
        guard let t = workflow.transition(from: from, to: status) else {
            throw .illegalTransition(from: describe(from), to: describe(status),
                                     allowed: workflow.targets(from: from).map(describe))
        }
        var new = ticket
        try apply(t, to: &new, by: person, at: now, reason: reason)
        return try finish(old: ticket, new: new, by: person, summary: "move \(from) → \(status)", operation: "move")
    }

    /// `gitdesk resolve ID --solution S`: records the solution (and, for
    /// complaints and faults, the root cause) and waits for the customer (待确认).
    public func resolve(_ ticket: Ticket, solution: String, rootCause: String? = nil, by person: Person,
                        at now: Timestamp) throws(WorkflowError) -> WorkflowResult {
        guard !solution.trimmed().isEmpty else { throw .missingValue(field: "solution (解决方案)") }
        var new = ticket
        let t = try named("resolve", ticket)
        new["solution"] = solution
        if let rootCause, !rootCause.trimmed().isEmpty { new["root_cause"] = rootCause }
        // The log keeps what was proposed (masked by the write path like every new entry), so a
        // rejected solution is not lost when the next one replaces the field.
        try apply(t, to: &new, by: person, at: now, reason: nil, detail: Self.proposed(solution))
        return try finish(old: ticket, new: new, by: person, summary: "resolve", operation: "resolve")
    }

    /// The solution as the resolve entry records it: one line, at most 200 characters, and
    /// no `[` so it can never read as a marker (`[status: …]`) of the entry.
    static func proposed(_ solution: String) -> String {
        var line = solution.replacingNewlines().trimmed().replacingOccurrences(of: "[", with: "［")
            .replacingOccurrences(of: "]", with: "］")
        if line.count > 200 { line = String(line.prefix(199)) + "…" }
        return "方案：" + line
    }

    /// `gitdesk confirm ID --rating 1..5`: the customer's answer; the ticket
    /// is resolved (已解决) with the rating and, optionally, the feedback given.
    public func confirm(_ ticket: Ticket, rating: Int, feedback: String? = nil, by person: Person,
                        at now: Timestamp) throws(WorkflowError) -> WorkflowResult {
        guard (1...5).contains(rating) else { throw .ratingOutOfRange(rating) }
        var new = ticket
        let t = try named("confirm", ticket)
        new["satisfaction"] = String(rating)
        new["confirmation"] = "customer"
        if let feedback, !feedback.trimmed().isEmpty { new["feedback"] = feedback }
        try apply(t, to: &new, by: person, at: now, reason: nil, detail: "评分 \(rating)★ \(Self.ratingWord(rating)) \(WorkflowLog.ratingMarker(rating))")
        return try finish(old: ticket, new: new, by: person, summary: "confirm \(rating)★", operation: "confirm")
    }

    /// No answer from the customer in time: confirmed by default, without a rating (sweep).
    public func autoConfirm(_ ticket: Ticket, by person: Person, at now: Timestamp) throws(WorkflowError) -> WorkflowResult {
        var new = ticket
        let t = try named("confirm", ticket)
        new["confirmation"] = "auto"
        let hours = workflow.automation.first { $0.operation == "confirm" }.map { Duration.parse($0.after) ?? 0 } ?? 0
        try apply(t, to: &new, by: person, at: now, reason: nil,
                  detail: "客户 \(hours / 3600) 小时内未答复，默认确认", automatic: true)
        return try finish(old: ticket, new: new, by: person, summary: "confirm (no answer, confirmed by default)",
                          operation: "confirm")
    }

    /// `gitdesk close ID`: resolved → closed (已关闭).
    public func close(_ ticket: Ticket, by person: Person, at now: Timestamp,
                      automatic: Bool = false) throws(WorkflowError) -> WorkflowResult {
        var new = ticket
        let t = try named("close", ticket)
        try apply(t, to: &new, by: person, at: now, reason: nil, automatic: automatic)
        return try finish(old: ticket, new: new, by: person, summary: "close", operation: "close")
    }

    /// `gitdesk reopen ID --reason S`: the customer rejects the solution or
    /// the problem recurs. The reason is logged; a new priority replaces the
    /// old one and new description text is appended under a dated line.
    /// Rating, confirmation and archiving are cleared from the fields (they
    /// belong to the new round); the earlier round's rating stays in its
    /// `confirm` log entry (`[rating: N]`), which reports read. Where the table
    /// says `restart_sla`, `due` is computed afresh.
    public func reopen(_ ticket: Ticket, reason: String, priority: String? = nil, description: String? = nil,
                       by person: Person, at now: Timestamp) throws(WorkflowError) -> WorkflowResult {
        var new = ticket
        let t = try named("reopen", ticket)
        var details: [String] = []
        let priority = try priority.map { typed throws(WorkflowError) in try typedValue(typed, of: "priority") }
        if let priority, priority != ticket["priority"] {
            let allowed = schema.values(of: "priority").map(\.key)
            guard allowed.contains(priority) else { throw .unknownValue(field: "priority", value: priority, allowed: allowed) }
            details.append("优先级 \(label("priority", ticket["priority"])) → \(label("priority", priority))")
            new["priority"] = priority
        }
        if let description, !description.trimmed().isEmpty {
            let head = "【\(now.shortDisplay) 重新打开补充】"
            new["description"] = [ticket["description"], head + "\n" + description].compactMap { $0 }.joined(separator: "\n\n")
            details.append("问题描述已补充")
        }
        new["satisfaction"] = nil
        new["confirmation"] = nil
        new["archived"] = nil
        new["report"] = nil
        try apply(t, to: &new, by: person, at: now, reason: reason, detail: details.joined(separator: "，"))
        return try finish(old: ticket, new: new, by: person, summary: "reopen", operation: "reopen")
    }

    /// `gitdesk invalid ID --reason S`: spam or irrelevant feedback (无效),
    /// kept on file and never processed.
    public func invalid(_ ticket: Ticket, reason: String, by person: Person,
                        at now: Timestamp) throws(WorkflowError) -> WorkflowResult {
        var new = ticket
        let t = try named("invalid", ticket)
        try apply(t, to: &new, by: person, at: now, reason: reason)
        return try finish(old: ticket, new: new, by: person, summary: "invalid", operation: "invalid")
    }

    /// The transition a named operation makes from the ticket's status.
    func named(_ operation: String, _ ticket: Ticket) throws(WorkflowError) -> Transition {
        let from = try currentStatus(ticket)
        guard let t = workflow.transition(operation: operation, from: from) else {
            let sources = workflow.transitions.filter { $0.operation == operation }.flatMap(\.from)
            throw .operationNotAllowed(operation: operation, status: describe(from), from: sources.map(describe))
        }
        return t
    }

    /// 满意 / 一般 / 不满意 for a rating.
    public static func ratingWord(_ rating: Int) -> String {
        rating >= 4 ? "满意" : rating == 3 ? "一般" : "不满意"
    }
}
