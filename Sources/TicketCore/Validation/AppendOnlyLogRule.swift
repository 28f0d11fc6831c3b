/// `append-only`: the processing log and the communication log only grow.
/// Every old entry is still there, unchanged and in place; new entries come
/// after them. The one edit allowed is closing an open follow-up (state
/// `open` → `done`).
public struct AppendOnlyLogRule: ValidationRule {
    public let id = "append-only"
    public init() {}

    public func check(_ context: ValidationContext) -> [Finding] {
        guard let old = context.old else { return [] }
        let new = context.new
        var findings: [Finding] = []
        for (i, entry) in old.log.enumerated() {
            if i >= new.ticket.log.count {
                findings.append(context.finding(id, line: new.sectionLines[TicketFile.logSection] ?? 1, field: "log",
                    Message(.logEntryRemoved, ["time": .text(entry.time.shortDisplay), "operator": .text(entry.operator)])))
                break
            }
            if new.ticket.log[i] != entry {
                let line = i < new.logLines.count ? new.logLines[i] : 1
                findings.append(context.finding(id, line: line, field: "log",
                    Message(.logEntryChanged, ["time": .text(entry.time.shortDisplay), "operator": .text(entry.operator)])))
            }
        }
        for (i, contact) in old.contacts.enumerated() {
            let line = i < new.contactLines.count ? new.contactLines[i] : (new.sectionLines[TicketFile.contactsSection] ?? 1)
            guard i < new.ticket.contacts.count else {
                findings.append(context.finding(id, line: line, field: "contacts",
                    Message(.contactRemoved, ["time": .text(contact.time.shortDisplay), "operator": .text(contact.operator)])))
                break
            }
            var now = new.ticket.contacts[i]
            if !contact.done && now.done { now.done = false }
            if now != contact {
                findings.append(context.finding(id, line: line, field: "contacts",
                    Message(.contactChanged, ["time": .text(contact.time.shortDisplay), "operator": .text(contact.operator)])))
            }
        }
        return findings
    }
}
