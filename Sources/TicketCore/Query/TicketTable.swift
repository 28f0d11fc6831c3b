/// Tickets as table rows for `export` (and, in reverse, `import`): one column
/// per schema field, then the communication log and the processing log, each
/// written exactly as the ticket file writes its section, so a round trip
/// loses nothing.
public enum TicketTable {
    /// The column keys: the schema's fields, then `contacts` and `log`.
    public static func keys(_ schema: Schema) -> [String] {
        schema.fields.map(\.key) + [TicketFile.contactsSection, TicketFile.logSection]
    }

    /// Column headers as the schema's labels (问题编号, 提交时间, ...).
    public static func header(_ schema: Schema, _ lang: Language) -> [String] {
        schema.fields.map { $0.label(lang) } + [lang == .zh ? "沟通记录" : "Contacts", lang == .zh ? "处理记录" : "Log"]
    }

    /// One ticket's cells; enum values as labels unless `keys`.
    public static func row(_ ticket: Ticket, _ schema: Schema, _ lang: Language, keys: Bool) -> [String] {
        schema.fields.map { f in
            guard let value = ticket[f.key] else { return "" }
            return keys ? value : schema.label(value: value, of: f.key, lang)
        } + [section(TicketFile.contactsSection, of: ticket, schema), section(TicketFile.logSection, of: ticket, schema)]
    }

    /// The body of a log section of the ticket file, without its heading.
    static func section(_ name: String, of ticket: Ticket, _ schema: Schema) -> String {
        let only = Ticket(contacts: name == TicketFile.contactsSection ? ticket.contacts : [],
                          log: name == TicketFile.logSection ? ticket.log : [])
        let text = TicketFile.render(only, layout: schema.layout)
        guard let start = text.range(of: "\n## \(name)\n\n") else { return "" }
        var body = text[start.upperBound...]
        while body.last == "\n" { body = body.dropLast() }
        return String(body)
    }
}
