import TicketCore

/// What differs between the kinds of file the one write path
/// (`Desk.write`, TicketWriter.swift) commits: tickets and solution
/// templates share the parse, the commit, the compare-and-swap, the journal
/// and the working-copy update; they differ in how a version is prepared
/// (privacy), rendered, validated and described in the commit message.
struct DocumentFormat {
    /// The stored version of what the change produced (personal data masked, or refused).
    var prepare: (_ changed: Ticket, _ old: Ticket?) throws(DeskError) -> Ticket
    var render: (Ticket) -> String
    /// Findings for the new version against the old one, by `person`.
    var validate: (_ path: String, _ old: Ticket?, _ new: ParsedTicket, _ person: Person) -> [Finding]
    /// The commit message (subject, blank line, trailers), given the name, summary and operation.
    var message: (_ id: String, _ summary: String, _ operation: String) -> String
    /// Ticket files are kept in the per-ticket history index.
    var recordsHistory: Bool

    /// A ticket file (tickets/YYYY/MM/<ID>.md).
    static func ticket(schema: Schema, team: Team) -> DocumentFormat {
        DocumentFormat(
            prepare: { changed, old throws(DeskError) in
                do throws(PrivacyError) { return try PrivacyGuard.apply(schema: schema, to: changed, old: old) } catch {
                    throw DeskError.privacy(error)
                }
            },
            render: { TicketFile.render($0, layout: schema.layout) },
            validate: { path, old, new, person in
                Validator().validate(ValidationContext(schema: schema, team: team, path: path, old: old, new: new, author: person))
            },
            message: { id, summary, operation in "\(id): \(summary)\n\nTicket: \(id)\nOperation: \(operation)\n" },
            recordsHistory: true)
    }

    /// A solution template (templates/<slug>.md): the engine has already
    /// replaced customer data by placeholders; the validator refuses any left.
    static func template(schema: Schema) -> DocumentFormat {
        DocumentFormat(
            prepare: { changed, _ in changed },
            render: { TemplateFile.render(SolutionTemplate($0)) },
            validate: { path, old, new, person in
                TemplateValidator(schema: schema, author: person)
                    .validate(path: path, old: old.map(SolutionTemplate.init), new: SolutionTemplate(new.ticket), lines: new)
            },
            message: { slug, summary, operation in "template \(slug): \(summary)\n\nTemplate: \(slug)\nOperation: \(operation)\n" },
            recordsHistory: false)
    }
}
