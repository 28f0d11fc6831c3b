import TicketCore
import TicketStore

/// What every template command that writes starts from (the desk, the
/// operator, the moment, the language), and how it reports a change.
struct TemplateSession {
    let desk: Desk
    let person: Person
    let now: Timestamp
    let presenter: TemplatePresenter

    init(_ global: GlobalOptions) throws {
        desk = try global.openDesk()
        person = try global.person(in: desk)
        now = try global.now(in: desk)
        presenter = TemplatePresenter(schema: desk.schema, language: global.language(for: desk))
    }

    /// Prints `slug: summary` and the state; what was replaced by placeholders goes to stderr.
    func report(_ result: Desk.TemplateChangeResult) {
        print(presenter.outcome(result), terminator: "")
        if let notice = presenter.removalNotice(result.removed) { printError(notice) }
    }
}
