/// Turns table rows (what `export` writes, or the seeds' tables: 问题编号,
/// 提交时间, 问题类型, ...) into tickets, every cell checked; the problems
/// name the row's line.
public enum TicketImport {
    /// A row that became a ticket.
    public struct Row: Sendable {
        public var line: Int
        public var ticket: Ticket
        public init(line: Int, ticket: Ticket) { self.line = line; self.ticket = ticket }
    }

    /// Why a row (or the header) cannot be imported.
    public struct Problem: Error, Sendable, Equatable {
        public var line: Int
        /// The reason, cells quoted as typed (the row line masks personal data when said).
        public var message: Message
    }

    /// A 用户满意度 cell as a rating: a number, or a word of
    /// ``SatisfactionWords`` (the one table `confirm` and the filters read too).
    public static func rating(_ cell: String) -> String {
        SatisfactionWords.value(of: cell).map(String.init) ?? cell
    }

    /// Header names the seeds' tables use that are not a field's label.
    static let aliases = ["流程卡编号": "id", "沟通记录": TicketFile.contactsSection, "contacts": TicketFile.contactsSection,
                          "处理记录": TicketFile.logSection, "log": TicketFile.logSection]

    /// The field key of each header cell (key, zh or en label).
    public static func columns(_ header: CSVReader.Record, schema: Schema) -> Result<[String], Problem> {
        var keys: [String] = []
        for cell in header.cells.map({ $0.trimmed() }) {
            let lower = cell.lowercased()
            if let alias = aliases[cell] ?? aliases[lower] { keys.append(alias); continue }
            guard let field = schema.fields.first(where: { $0.key == cell || $0.zh == cell || $0.en.lowercased() == lower }) else {
                return .failure(Problem(line: header.line, message: Message(.importUnknownColumn, ["column": .text(cell), "columns": .fields(schema.fields.map(\.key) + [TicketFile.contactsSection, TicketFile.logSection])])))
            }
            if keys.contains(field.key) { return .failure(Problem(line: header.line, message: Message(.importColumnTwice, ["column": .text(cell)]))) }
            keys.append(field.key)
        }
        guard keys.contains("created") else { return .failure(Problem(line: header.line, message: Message(.importNoCreatedColumn, ["field": .field("created")]))) }
        return .success(keys)
    }

    /// One row as a ticket; times without an offset are read at `offsetMinutes`.
    public static func ticket(_ record: CSVReader.Record, columns: [String], schema: Schema,
                              offsetMinutes: Int, prefix: String) -> Result<Ticket, Problem> {
        // A message quotes the cell: never a raw phone number or e-mail address.
        func problem(_ message: Message) -> Result<Ticket, Problem> {
            .failure(Problem(line: record.line, message: message))
        }
        guard record.cells.count <= columns.count else {
            return problem(Message(.importTooManyCells, ["cells": .number(record.cells.count), "columns": .number(columns.count)]))
        }
        var ticket = Ticket()
        for (key, raw) in zip(columns, record.cells) {
            let cell = Ticket.normalise(CSVReader.unguarded(raw))
            guard !cell.isEmpty else { continue }
            if key == TicketFile.contactsSection || key == TicketFile.logSection {
                do {
                    let parsed = try TicketFile.parse("---\nid: X\n---\n\n## \(key)\n\n\(cell)\n").ticket
                    if key == TicketFile.logSection { ticket.log = parsed.log } else { ticket.contacts = parsed.contacts }
                } catch {
                    return problem(Message(.invalidValue, ["field": .field(key), "problem": .message(error.message)]))
                }
                continue
            }
            guard let field = schema.field(key) else { continue }
            var value = cell
            switch field.type {
            case .datetime:
                guard let t = Timestamp.parse(cell, defaultOffsetMinutes: offsetMinutes) else {
                    return problem(Message(.importNotDateTime, ["field": .field(key), "value": .text(cell)]))
                }
                value = t.iso8601
            case .rating:
                value = rating(cell)
            default:
                do { value = try schema.valueKey(typed: cell, of: key) } catch { return problem(error.message) }
            }
            if field.type != .contact, let p = FieldValueCheck.check(key: key, value: value, schema: schema, team: nil, ticketType: nil) {
                return problem(Message(.invalidValue, ["field": .field(key), "problem": .message(p)]))
            }
            ticket[key] = value
        }
        guard let created = ticket.created else { return problem(Message(.missingValue, ["field": .field("created")])) }
        if ticket["id"] == nil { ticket["id"] = TicketID.generate(prefix: prefix, created: created) }
        return .success(ticket)
    }
}
