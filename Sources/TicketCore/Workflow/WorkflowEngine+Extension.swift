extension WorkflowEngine {
    /// `gitdesk extend ID --until TIME --reason S`: asks for a later due time
    /// (延期申请), at least the policy's notice (4 h, at most a quarter of the target) before the current
    /// deadline. `due` changes only when a supervisor approves.
    public func extend(_ ticket: Ticket, until: Timestamp, reason: String, by person: Person,
                       at now: Timestamp) throws(WorkflowError) -> WorkflowResult {
        try require("extend", person)
        let status = try currentStatus(ticket)
        guard !reason.trimmed().isEmpty else { throw .reasonRequired(action: "extend") }
        guard workflow.clock(in: status) != .stopped else {
            let open = workflow.statuses.filter { $0.clock != .stopped }.map { describe($0.key) }
            throw .operationNotAllowed(operation: "extend", status: describe(status), from: open)
        }
        guard let due = ticket["due"].flatMap({ Timestamp.parse($0) }) else { throw .noDeadline }
        if let pending = ticket["extension_until"] { throw .extensionPending(until: pending) }
        let effective = SLAClock.status(of: ticket, at: now, schema: schema).resolve?.due ?? due
        let notice = schema.sla?.extensionNotice(priority: ticket["priority"]) ?? 4 * 3600
        let latest = effective.adding(seconds: -notice)
        guard now <= latest else {
            throw .extensionTooLate(due: effective.shortDisplay, latest: latest.shortDisplay, notice: notice)
        }
        // Judged against the deadline people are shown (pauses added), not the stored one.
        guard until > effective else { throw .extensionNotLater(until: until.shortDisplay, due: effective.shortDisplay) }
        var new = ticket
        new["extension_until"] = until.iso8601
        new["extension_reason"] = reason.replacingNewlines()
        new["extension_by"] = person.handle
        new.log.append(LogEntry(time: now, operator: person.handle,
                                text: WorkflowLog.extendPrefix + "预计完成时间 \(effective.shortDisplay) → \(until.shortDisplay)，待主管审批\n原因：\(reason.replacingNewlines())"))
        return try finish(old: ticket, new: new, by: person, summary: "extend until \(until.shortDisplay)", operation: "extend")
    }

    /// `gitdesk approve ID [--reject]`: a supervisor approves the pending
    /// extension (`due` moves to the requested time) or rejects it.
    public func approve(_ ticket: Ticket, reject: Bool = false, reason: String? = nil, by person: Person,
                        at now: Timestamp) throws(WorkflowError) -> WorkflowResult {
        try require("approve", person)
        guard let until = ticket["extension_until"] else { throw .nothingToApprove }
        var new = ticket
        new["extension_until"] = nil
        new["extension_reason"] = nil
        new["extension_by"] = nil
        let shown = Timestamp.parse(until)?.shortDisplay ?? until
        var text: String
        if reject {
            text = WorkflowLog.rejectPrefix + "（申请至 \(shown)），预计完成时间不变"
        } else {
            text = WorkflowLog.approvePrefix + "预计完成时间 \(ticket["due"].flatMap { Timestamp.parse($0)?.shortDisplay } ?? "-") → \(shown) "
                + WorkflowLog.dueMarker(from: ticket["due"], to: until)
            new["due"] = until
            new["breached"] = nil
        }
        if let reason, !reason.trimmed().isEmpty { text += "\n原因：" + reason.replacingNewlines() }
        new.log.append(LogEntry(time: now, operator: person.handle, text: text))
        return try finish(old: ticket, new: new, by: person, summary: reject ? "reject extension" : "approve extension until \(shown)",
                          operation: reject ? "reject" : "approve")
    }
}
