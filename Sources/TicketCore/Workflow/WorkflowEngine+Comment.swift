extension WorkflowEngine {
    /// A processing-log entry (处理记录) with no other change: a finding, a
    /// step taken. Anyone on the roster may write one.
    public func comment(_ ticket: Ticket, text: String, by person: Person,
                        at now: Timestamp) throws(WorkflowError) -> WorkflowResult {
        guard !text.trimmed().isEmpty else { throw .missingValue(field: "text") }
        var new = ticket
        new.log.append(LogEntry(time: now, operator: person.handle, text: text))
        let first = text.trimmed().split(separator: "\n").first.map(String.init) ?? ""
        return try finish(old: ticket, new: new, by: person, summary: "comment: \(first)", operation: "comment")
    }
}
