extension WorkflowEngine {
    /// `gitdesk contact ID --channel C --summary S [--follow-up S --by TIME]`:
    /// a communication-log entry (沟通记录). A follow-up stays open until
    /// `completeFollowUp`. The first contact counts as the first response.
    public func contact(_ ticket: Ticket, channel: String, summary: String, followUp: String? = nil,
                        followUpBy: Timestamp? = nil, by person: Person,
                        at now: Timestamp) throws(WorkflowError) -> WorkflowResult {
        try require("contact", person)
        _ = try currentStatus(ticket)
        let channel = try typedValue(channel, of: "channel")
        let channels = schema.values(of: "channel").map(\.key)
        guard channels.contains(channel) else { throw .unknownValue(field: "channel", value: channel, allowed: channels) }
        guard !summary.trimmed().isEmpty else { throw .missingValue(field: "summary (沟通内容)") }
        if followUpBy != nil && (followUp ?? "").trimmed().isEmpty { throw .missingValue(field: "follow-up (跟进事项)") }
        var new = ticket
        new.contacts.append(ContactEntry(time: now, operator: person.handle, channel: channel, summary: summary,
                                         followUp: followUp, followUpBy: followUpBy))
        if new["responded"] == nil { new["responded"] = now.iso8601 }
        return try finish(old: ticket, new: new, by: person, summary: "contact \(channel)", operation: "contact")
    }

    /// `gitdesk contact ID --done N`: closes the open follow-up of contact
    /// number `number` (1 = the first contact), logging what was done.
    public func completeFollowUp(_ ticket: Ticket, number: Int, note: String? = nil, by person: Person,
                                 at now: Timestamp) throws(WorkflowError) -> WorkflowResult {
        try require("contact", person)
        guard number >= 1, number <= ticket.contacts.count, !ticket.contacts[number - 1].done,
              let action = ticket.contacts[number - 1].followUp else { throw .noOpenFollowUp(number: number) }
        var new = ticket
        new.contacts[number - 1].done = true
        var text = "跟进完成（沟通记录 \(number)）：\(action)"
        if let note, !note.trimmed().isEmpty { text += "\n" + note }
        new.log.append(LogEntry(time: now, operator: person.handle, text: text))
        return try finish(old: ticket, new: new, by: person, summary: "follow-up \(number) done", operation: "contact")
    }
}
