/// `log-time`: nothing is recorded before the ticket existed — an entry the
/// change adds to the processing log or the communication log is not earlier
/// than the ticket's `created` time. (Whether a time may differ from the
/// clock at all is the `backdate` rule's question; this one holds for everyone.)
public struct LogTimeRule: ValidationRule {
    public let id = "log-time"
    public init() {}

    public func check(_ context: ValidationContext) -> [Finding] {
        let new = context.new.ticket
        guard let created = new.created else { return [] }
        var findings: [Finding] = []
        for added in context.addedEntries where added.entry.time < created {
            findings.append(context.finding(id, line: added.line, field: "log",
                Message(.logBeforeCreated, ["time": .text(added.entry.time.iso8601), "created": .text(created.iso8601)])))
        }
        let oldContacts = context.old?.contacts.count ?? 0
        for contact in new.contacts.dropFirst(oldContacts) where contact.time < created {
            findings.append(context.finding(id, field: "contacts",
                Message(.contactBeforeCreated, ["time": .text(contact.time.iso8601), "created": .text(created.iso8601)])))
        }
        return findings
    }
}
