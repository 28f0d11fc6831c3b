import Foundation
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

/// Records a new ticket (登记): checks what was typed field by field (unknown
/// fields, fields gitdesk sets itself, values that do not fit), then lets the
/// workflow engine create it — fresh ID, creation time, initial status,
/// routing, `due` from the SLA policy and the first log entry.
public enum TicketFactory {
    public static func make(_ request: NewTicketRequest, desk: Desk, by person: Person, at now: Timestamp) throws(DeskError) -> WorkflowResult {
        let id = request.id ?? TicketFactory.freshID(prefix: desk.config.prefix, created: now)
        guard TicketID.isWellFormed(id) else { throw DeskError.said(Message(.badTicketID, ["id": .text(id)])) }
        var fields: [String: String] = [:]
        // Values may be typed as keys or as their zh / en labels (`--type 投诉`).
        var typed: [String: String] = [:]
        for (key, value) in request.values {
            do { typed[key] = try desk.schema.valueKey(typed: value, of: key) } catch {
                throw .invalidInput("\(key): \(error.description)")
            }
        }
        for key in typed.keys.sorted() {
            let value = typed[key]!.trimmed()
            guard !value.isEmpty else { continue }
            guard let field = desk.schema.field(key) else { throw .workflow(.unknownField(key: key, fields: desk.schema.fields.map(\.key))) }
            if field.system == true { throw .workflow(.ownedByStep(field: key, command: "gitdesk itself (no command sets it)")) }
            if let problem = FieldValueCheck.check(key: key, value: value, schema: desk.schema, team: desk.team,
                                                   ticketType: typed["type"]) {
                throw .workflow(.invalidValue(field: key, problem: problem))
            }
            fields[key] = value
        }
        do {
            return try desk.engine.create(id: id, fields: fields, by: person, at: now)
        } catch {
            throw .workflow(error)
        }
    }

    /// Makes the ticket and commits it (operation `new`).
    public static func record(_ request: NewTicketRequest, desk: Desk, by person: Person, at now: Timestamp) throws(DeskError) -> ChangeResult {
        let made = try make(request, desk: desk, by: person, at: now)
        return try desk.create(made.ticket, operation: made.operation, by: person, at: now)
    }
}

extension TicketFactory {
    /// A new ticket ID from the system's random source, or, for tests that
    /// must make two clones mint the same ID, from `GITDESK_ID_SEED` (an
    /// integer: every process given the same seed mints the same first ID).
    public static func freshID(prefix: String, created: Timestamp,
                               environment: [String: String] = ProcessEnvironment.only("GITDESK_ID_SEED")) -> String {
        if let text = environment["GITDESK_ID_SEED"], let seed = UInt64(text) {
            var rng = SeededGenerator(seed: seed)
            return TicketID.generate(prefix: prefix, created: created, using: &rng)
        }
        return TicketID.generate(prefix: prefix, created: created)
    }
}
