/// `input-limit`: a change keeps within ``TicketLimits`` — field and entry
/// lengths, and how many log entries and contacts a change to an existing
/// ticket adds (a tree checked on its own has no change to count). The
/// file-size limit is the parser's: a larger file is not read at all. Only
/// texts the change adds or alters are measured.
public struct InputLimitRule: ValidationRule {
    public let id = "input-limit"
    public init() {}

    public func check(_ context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for value in context.changedTexts() {
            let limit = switch value.kind {
            case .oneLine: TicketLimits.oneLineCharacters
            case .longText: TicketLimits.longTextCharacters
            case .entry: TicketLimits.entryCharacters
            }
            // Counting scalars stops early: the byte count bounds them from above.
            guard value.text.utf8.count > limit else { continue }
            let length = value.text.unicodeScalars.count
            guard length > limit else { continue }
            findings.append(context.finding(id, line: value.line, field: value.field,
                Message(.valueTooLong, ["name": .field(value.name), "length": .number(length), "limit": .number(limit)])))
        }
        guard let old = context.old else { return findings }
        let ticket = context.new.ticket
        let addedLog = ticket.log.count - old.log.count
        if addedLog > TicketLimits.entriesPerChange {
            findings.append(context.finding(id, line: context.new.sectionLines[TicketFile.logSection] ?? 1, field: "log",
                Message(.tooManyLogEntries, ["count": .number(addedLog), "limit": .number(TicketLimits.entriesPerChange)])))
        }
        let addedContacts = ticket.contacts.count - old.contacts.count
        if addedContacts > TicketLimits.entriesPerChange {
            findings.append(context.finding(id, line: context.new.sectionLines[TicketFile.contactsSection] ?? 1, field: "contacts",
                Message(.tooManyContacts, ["count": .number(addedContacts), "limit": .number(TicketLimits.entriesPerChange)])))
        }
        return findings
    }
}
