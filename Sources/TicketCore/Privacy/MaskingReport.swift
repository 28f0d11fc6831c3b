/// What the write path masked in a change, so the operator is told: a
/// masked call-back number is a number the agent no longer has. Only kinds
/// and masked forms, never a raw value.
public struct MaskNote: Sendable, Equatable {
    /// The field, `log` or `contacts`.
    public var field: String
    /// The kind of personal data (nil: the contact field's own masking).
    public var kind: PIIKind?
    /// The value as stored.
    public var masked: String
}

public enum MaskingReport {
    /// The values `stored` holds masked where `typed` (what the person typed)
    /// held them raw: changed fields, new log entries and new contacts.
    public static func notes(typed: Ticket, stored: Ticket, old: Ticket?) -> [MaskNote] {
        var notes: [MaskNote] = []
        func scan(_ text: String, field: String) {
            for m in PIIScanner.scan(text) { notes.append(MaskNote(field: field, kind: m.kind, masked: m.masked)) }
        }
        for (key, value) in typed.fields.sorted(by: { $0.key < $1.key }) where stored[key] != typed[key] {
            let matches = PIIScanner.scan(value)
            if matches.isEmpty, let kept = stored[key] {
                notes.append(MaskNote(field: key, kind: nil, masked: kept))
            } else {
                scan(value, field: key)
            }
        }
        let oldLog = old?.log.count ?? 0
        for (i, entry) in typed.log.enumerated() where i >= oldLog && i < stored.log.count && stored.log[i].text != entry.text {
            scan(entry.text, field: "log")
        }
        let oldContacts = old?.contacts.count ?? 0
        for (i, contact) in typed.contacts.enumerated() where i >= oldContacts && i < stored.contacts.count {
            if stored.contacts[i].summary != contact.summary { scan(contact.summary, field: "contacts") }
            if let f = contact.followUp, stored.contacts[i].followUp != f { scan(f, field: "contacts") }
        }
        return notes
    }
}
