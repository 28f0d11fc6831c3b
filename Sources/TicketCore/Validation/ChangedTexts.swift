/// One piece of text a ticket version holds, with where it is in the file.
struct TextValue {
    enum Kind { case oneLine, longText, entry }
    /// How a message names it: `title`, `log entry 3`, `contact 2 summary`.
    var name: String
    var field: String
    var text: String
    var kind: Kind
    /// The file line where the text starts.
    var line: Int
    /// True when its lines are written one per file line after `line` (a section):
    /// the text's line n is then at `line + 1 + n` (after the blank line).
    var isSection: Bool
}

extension ValidationContext {
    /// The texts this change added or altered: every field whose value differs
    /// from the old version, every log entry and contact past the old ones (or
    /// changed). With no old version (a new ticket, `validate` of a tree) all of
    /// them. Unchanged texts are not judged again, so a desk that holds values
    /// from before a rule existed keeps working; `gitdesk validate` shows them.
    func changedTexts() -> [TextValue] {
        let ticket = new.ticket
        var out: [TextValue] = []
        for key in ticket.fields.keys.sorted() {
            guard let value = ticket[key], context(old: key) != value else { continue }
            let type = schema.field(key)?.type
            let long = type == .longtext || (type == nil && value.hasNewline)
            out.append(TextValue(name: key, field: key, text: value, kind: long ? .longText : .oneLine,
                                 line: new.line(of: key), isSection: new.sectionLines[key] != nil))
        }
        let oldLog = old?.log ?? []
        for (i, entry) in ticket.log.enumerated() where i >= oldLog.count || oldLog[i] != entry {
            out.append(TextValue(name: "log entry \(i + 1)", field: "log", text: entry.text, kind: .entry,
                                 line: i < new.logLines.count ? new.logLines[i] : 1, isSection: false))
        }
        let oldContacts = old?.contacts ?? []
        for (i, contact) in ticket.contacts.enumerated() where i >= oldContacts.count || oldContacts[i] != contact {
            let line = i < new.contactLines.count ? new.contactLines[i] : 1
            for (part, text) in [("channel", contact.channel), ("summary", contact.summary), ("follow-up", contact.followUp ?? "")] where !text.isEmpty {
                out.append(TextValue(name: "contact \(i + 1) \(part)", field: "contacts", text: text, kind: .entry,
                                     line: line, isSection: false))
            }
        }
        return out
    }

    private func context(old key: String) -> String? { old?[key] }
}
