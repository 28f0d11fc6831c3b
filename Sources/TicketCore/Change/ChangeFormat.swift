/// What differs between the kinds of file the one write path commits:
/// tickets and solution templates share the parse, the commit, the
/// compare-and-swap, the journal and the working-copy update; they differ in
/// how a version is prepared (privacy), rendered, validated and described in
/// the commit message.
public struct ChangeFormat: Sendable {
    /// The stored version of what the change produced (personal data masked, or refused).
    public var prepare: @Sendable (_ changed: Ticket, _ old: Ticket?) throws(PrivacyError) -> Ticket
    public var render: @Sendable (Ticket) -> String
    /// Findings for the new version against the old one, by `person`.
    public var validate: @Sendable (_ path: String, _ old: Ticket?, _ new: ParsedTicket, _ person: Person) -> [Finding]
    /// The commit message (subject, blank line, trailers), given the name, summary and operation.
    public var message: @Sendable (_ id: String, _ summary: String, _ operation: String) -> String
    /// The privacy policy the commit message's summary is masked by (its `commit_messages` setting).
    public var privacy: PrivacyPolicy
    /// Ticket files are kept in the per-ticket history index and report what was masked.
    public var recordsHistory: Bool

    /// A ticket file (tickets/YYYY/MM/<ID>.md). `validator` is the desk's
    /// (tests pass one with a counting rule).
    public static func ticket(schema: Schema, team: Team, validator: Validator = Validator()) -> ChangeFormat {
        ChangeFormat(
            prepare: { changed, old throws(PrivacyError) in try PrivacyGuard.apply(schema: schema, to: changed, old: old) },
            render: { TicketFile.render($0, layout: schema.layout) },
            validate: { path, old, new, person in
                validator.validate(ValidationContext(schema: schema, team: team, path: path, old: old, new: new, author: person))
            },
            message: { id, summary, operation in "\(id): \(summary)\n\nTicket: \(id)\nOperation: \(operation)\n" },
            privacy: schema.privacy,
            recordsHistory: true)
    }

    /// A solution template (templates/<slug>.md): the engine has already
    /// replaced customer data by placeholders; the validator refuses any left.
    public static func template(schema: Schema) -> ChangeFormat {
        ChangeFormat(
            prepare: { changed, _ in changed },
            render: { TemplateFile.render(SolutionTemplate($0)) },
            validate: { path, old, new, person in
                TemplateValidator(schema: schema, author: person)
                    .validate(path: path, old: old.map(SolutionTemplate.init), new: SolutionTemplate(new.ticket), lines: new)
            },
            message: { slug, summary, operation in "template \(slug): \(summary)\n\nTemplate: \(slug)\nOperation: \(operation)\n" },
            privacy: schema.privacy,
            recordsHistory: false)
    }
}
