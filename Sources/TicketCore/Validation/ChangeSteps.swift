/// What a change appended to the log, as the workflow rules read it.
struct AddedEntry {
    var entry: LogEntry
    /// The entry's line in the new file.
    var line: Int
}

/// One status change recorded by an appended log entry.
struct StatusStep {
    var from: String
    var to: String
    var entry: LogEntry
    var line: Int
}

extension ValidationContext {
    /// Log entries the change appended: those after the old log (or every
    /// entry of a new ticket).
    var addedEntries: [AddedEntry] {
        let start = old.map { min($0.log.count, new.ticket.log.count) } ?? 0
        let log = new.ticket.log
        return (start..<log.count).map { i in
            AddedEntry(entry: log[i], line: i < new.logLines.count ? new.logLines[i] : 1)
        }
    }

    /// The status changes the appended entries record, in order.
    var statusSteps: [StatusStep] {
        addedEntries.compactMap { a in
            WorkflowLog.statusChange(in: a.entry.text).map { StatusStep(from: $0.from, to: $0.to, entry: a.entry, line: a.line) }
        }
    }

    /// A finding at a line.
    func finding(_ rule: String, line: Int, field: String?, _ message: String) -> Finding {
        Finding(file: path, line: line, rule: rule, field: field, message: message)
    }

    /// A finding at a line, its words from the catalogue.
    func finding(_ rule: String, line: Int, field: String?, _ message: Message) -> Finding {
        Finding(file: path, line: line, rule: rule, field: field, message)
    }

    /// True if the author may run an operation that keeps the status (or it was sweep's doing).
    func authorPermitted(_ operation: String, automatic: Bool) -> Bool {
        guard let author else { return true }
        if schema.workflow.permits(operation, author) { return true }
        return automatic && schema.workflow.permits("sweep", author)
    }
}
