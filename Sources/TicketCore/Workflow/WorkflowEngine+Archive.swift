extension WorkflowEngine {
    /// `gitdesk archive ID`: sets the `archived` time (归档) on a ticket in a
    /// terminal status (closed, invalid) and, when the schema has the `report`
    /// field, writes its processing report (问题处理报告) as the `## report`
    /// section; the status stays as it is.
    public func archive(_ ticket: Ticket, by person: Person, at now: Timestamp,
                        automatic: Bool = false) throws(WorkflowError) -> WorkflowResult {
        try require("archive", person, automatic: automatic)
        let status = try currentStatus(ticket)
        if let at = ticket["archived"] { throw .alreadyArchived(at: at) }
        guard workflow.isTerminal(status) else {
            throw .notArchivable(status: describe(status), statuses: workflow.statuses.filter(\.terminal).map { describe($0.key) })
        }
        var new = ticket
        new["archived"] = now.iso8601
        new.log.append(LogEntry(time: now, operator: person.handle,
                                text: "归档 " + WorkflowLog.archivedMarker + (automatic ? " " + WorkflowLog.autoMarker : "")))
        // A desk whose fields.yaml predates the `report` field keeps archiving without it.
        if schema.field("report") != nil { new["report"] = TicketReport.section(of: new, at: now, schema: schema) }
        return try finish(old: ticket, new: new, by: person, summary: "archive", operation: "archive")
    }

    /// Sweep: marks an open ticket that passed its deadline (`breached` = the
    /// deadline it missed), once.
    public func flagOverdue(_ ticket: Ticket, by person: Person, at now: Timestamp) throws(WorkflowError) -> WorkflowResult {
        try require("sweep", person)
        let sla = SLAClock.status(of: ticket, at: now, schema: schema)
        guard sla.isOverdue, let due = sla.resolve?.due, ticket["breached"] == nil else { throw .notOverdue }
        var new = ticket
        new["breached"] = due.iso8601
        new.log.append(LogEntry(time: now, operator: person.handle,
                                text: WorkflowLog.overduePrefix + "预计完成时间 \(due.shortDisplay) 已过 " + WorkflowLog.autoMarker))
        return try finish(old: ticket, new: new, by: person, summary: "overdue since \(due.shortDisplay)", operation: "overdue")
    }
}
