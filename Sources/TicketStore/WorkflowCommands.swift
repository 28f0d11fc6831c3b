import TicketCore

/// Applies workflow operations to a stored ticket (one commit each).
public enum WorkflowCommands {
    public static func apply(_ step: DemoDesk.WorkflowStep, to id: String, desk: Desk, by person: Person,
                             at time: Timestamp) throws(DeskError) -> ChangeResult {
        try desk.update(id, operation: "move", by: person, at: time) { old in
            var t = old
            var summary = ""
            switch step {
            case .move(let status, let reason):
                t["status"] = status
                summary = "move \(old.status ?? "") → \(status)"
                t.log.append(LogEntry(time: time, operator: person.handle, text: summary + (reason.map { ": \($0)" } ?? "")))
            case .assign(let handle, let department):
                t["assignee"] = handle
                if let department { t["department"] = department }
                summary = "assign \(handle)"
                t.log.append(LogEntry(time: time, operator: person.handle, text: summary))
            case .resolve(let solution):
                t["solution"] = solution
                t["status"] = "awaiting_confirmation"
                summary = "resolve"
                t.log.append(LogEntry(time: time, operator: person.handle, text: "解决 (resolve)"))
            case .confirm(let rating):
                t["satisfaction"] = String(rating)
                t["status"] = "resolved"
                summary = "confirm \(rating)★"
                t.log.append(LogEntry(time: time, operator: person.handle, text: summary))
            case .close:
                t["status"] = "closed"
                summary = "close"
                t.log.append(LogEntry(time: time, operator: person.handle, text: "关闭 (close)"))
            case .archive:
                t["archived"] = time.iso8601
                summary = "archive"
                t.log.append(LogEntry(time: time, operator: person.handle, text: "归档 (archive)"))
            case .contact(let channel, let s, let followUp, let by):
                t.contacts.append(ContactEntry(time: time, operator: person.handle, channel: channel, summary: s,
                                               followUp: followUp, followUpBy: by.flatMap { Timestamp.parse($0) }))
                summary = "contact \(channel)"
            }
            return (t, summary)
        }
    }
}
