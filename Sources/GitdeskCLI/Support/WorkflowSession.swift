import TicketCore
import TicketStore

/// What every workflow command starts from: the desk, the operator, the
/// moment and the output language; and how it writes: one engine operation
/// as one commit, then what changed, printed in that language.
struct WorkflowSession {
    let desk: Desk
    let person: Person
    let now: Timestamp
    let presenter: TicketPresenter

    init(_ global: GlobalOptions) throws {
        desk = try global.openDesk()
        person = try global.person(in: desk)
        now = try global.now(in: desk)
        presenter = TicketPresenter(schema: desk.schema, language: global.language(for: desk))
    }

    /// A TIME argument (`2024-05-02 18:00`, ISO 8601), read in the desk's time zone.
    func time(_ text: String, option: String) throws -> Timestamp {
        guard let t = desk.parseTime(text, near: now) else {
            throw CLIError(.notADateTime, ["option": .text(option), "text": .text(text)])
        }
        return t
    }

    /// Runs one engine operation on ticket `id` as one commit and prints
    /// `ID: summary` with the changed fields.
    @discardableResult
    func apply(_ id: String, _ operation: @escaping (WorkflowEngine, Ticket, Person, Timestamp) throws -> WorkflowResult) throws -> ChangeResult {
        let (person, now) = (self.person, self.now)
        let result = try desk.apply(id, by: person, at: now) { engine, ticket in
            try operation(engine, ticket, person, now)
        }
        print(presenter.outcome(result), terminator: "")
        MaskNotice.print(result, schema: desk.schema, language: presenter.language)
        return result
    }
}
