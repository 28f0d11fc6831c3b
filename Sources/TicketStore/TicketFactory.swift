import TicketCore

/// What a person typed to record a new ticket: field key → value.
public struct NewTicketRequest: Sendable {
    public var values: [String: String]
    /// An existing ID to keep (imports, seed records); nil makes a fresh one.
    public var id: String?
    public init(values: [String: String], id: String? = nil) {
        self.values = values
        self.id = id
    }
}

/// Builds a new ticket: a fresh ID, the creation time, the initial status,
/// the checked field values and the first log entry.
public enum TicketFactory {
    public static func make(_ request: NewTicketRequest, desk: Desk, by person: Person, at now: Timestamp) throws(DeskError) -> Ticket {
        var ticket = Ticket()
        if let id = request.id {
            guard TicketID.isWellFormed(id) else { throw .invalidInput("'\(id)' is not a well-formed ticket ID") }
            ticket["id"] = id
        } else {
            ticket["id"] = TicketID.generate(prefix: desk.config.prefix, created: now)
        }
        ticket["created"] = now.iso8601
        ticket["status"] = desk.schema.workflow.initial
        for key in request.values.keys.sorted() {
            let value = request.values[key]!.trimmed()
            guard !value.isEmpty else { continue }
            guard let field = desk.schema.field(key) else { throw .invalidInput("unknown field '\(key)'") }
            if field.system == true { throw .invalidInput("\(key) is set by gitdesk, not by hand") }
            if let problem = FieldValueCheck.problem(key: key, value: value, schema: desk.schema, team: desk.team,
                                                     ticketType: request.values["type"]) {
                throw .invalidInput("\(key): \(problem)")
            }
            ticket[key] = value
        }
        ticket.log.append(LogEntry(time: now, operator: person.handle, text: "登记 (recorded)"))
        return ticket
    }
}
