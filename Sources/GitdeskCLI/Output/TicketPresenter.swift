import TicketCore
import TicketStore

/// How tickets look on screen and in JSON.
struct TicketPresenter {
    let schema: Schema
    let language: Language

    /// `show --json` / `list --format json`: every schema field key (null when
    /// empty), then `contacts` and `log`.
    func json(_ ticket: Ticket) -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        for field in schema.fields {
            pairs.append((field.key, value(ticket[field.key], type: field.type)))
        }
        for key in ticket.fields.keys.sorted() where schema.field(key) == nil {
            pairs.append((key, .string(ticket[key]!)))
        }
        pairs.append(("contacts", .array(ticket.contacts.map { c in
            .object([
                ("time", .string(c.time.iso8601)), ("operator", .string(c.operator)),
                ("channel", .string(c.channel)), ("summary", .string(c.summary)),
                ("follow_up", c.followUp.map(JSONValue.string) ?? .null),
                ("by", c.followUpBy.map { .string($0.iso8601) } ?? .null),
                ("done", .bool(c.done)),
            ])
        })))
        pairs.append(("log", .array(ticket.log.map { e in
            .object([("time", .string(e.time.iso8601)), ("operator", .string(e.operator)), ("text", .string(e.text))])
        })))
        return .object(pairs)
    }

    private func value(_ text: String?, type: FieldType) -> JSONValue {
        guard let text else { return type == .list ? .array([]) : .null }
        switch type {
        case .rating: return Int(text).map(JSONValue.int) ?? .string(text)
        case .list: return .array(text.split(separator: ",").map { .string($0.trimmed()) })
        default: return .string(text)
        }
    }

    /// A field's value with enum labels in the output language.
    func display(_ ticket: Ticket, _ key: String) -> String {
        guard let v = ticket[key] else { return "" }
        if let type = schema.field(key)?.type, type == .datetime, let t = Timestamp.parse(v) { return t.shortDisplay }
        return schema.label(value: v, of: key, language)
    }

    /// `show` in text: header, fields, sections, contacts and log.
    func text(_ ticket: Ticket) -> String {
        var out = "\(ticket.id)  \(ticket["title"] ?? "")\n"
        let front = schema.fields.filter { $0.type != .longtext && $0.key != "id" && $0.key != "title" }
        let rows = front.compactMap { f -> (String, String)? in
            ticket[f.key] == nil ? nil : (f.label(language), display(ticket, f.key))
        }
        let width = rows.map { TextTable.displayWidth($0.0) }.max() ?? 0
        for (label, value) in rows {
            out += "  " + label + String(repeating: " ", count: width - TextTable.displayWidth(label)) + "  " + value + "\n"
        }
        for f in schema.fields where f.type == .longtext {
            guard let v = ticket[f.key] else { continue }
            out += "\n\(f.label(language))\n"
            for line in v.split(separator: "\n", omittingEmptySubsequences: false) { out += "  \(line)\n" }
        }
        if !ticket.contacts.isEmpty {
            out += "\n" + (language == .zh ? "沟通记录" : "Contacts") + "\n"
            for (i, c) in ticket.contacts.enumerated() {
                let channel = schema.label(value: c.channel, of: "channel", language)
                out += "  #\(i + 1) \(c.time.shortDisplay)  \(c.operator)  [\(channel)] \(c.summary)\n"
                if let f = c.followUp {
                    let by = c.followUpBy.map { " (\(language == .zh ? "截止" : "by") \($0.shortDisplay))" } ?? ""
                    let state = c.done ? (language == .zh ? "已完成" : "done") : (language == .zh ? "待跟进" : "open")
                    out += "      → \(f)\(by) · \(state)\n"
                }
            }
        }
        if !ticket.log.isEmpty {
            out += "\n" + (language == .zh ? "处理记录" : "Log") + "\n"
            for e in ticket.log {
                let lines = e.text.split(separator: "\n")
                out += "  \(e.time.shortDisplay)  \(e.operator)  \(lines.first ?? "")\n"
                for more in lines.dropFirst() { out += "                    \(more)\n" }
            }
        }
        return out
    }
}
