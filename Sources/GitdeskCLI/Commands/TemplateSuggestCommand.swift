import ArgumentParser

/// `gitdesk template suggest ID [--limit N] [--json]`
struct TemplateSuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Templates for a ticket, best first, with their score.",
        usage: HelpText.usage("gitdesk template suggest <id> [--limit <limit>] [--json] [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: HelpText.fitted("""
            score = 0.3 × type + 0.2 × module + 0.5 × text. type: 1 same type (and subtype), \
            0.5 same type other subtype; module: 1 equal, 0.5 same product before '-'; text: \
            Jaccard index of the character bigrams of the ticket's title + description and the \
            template's title + root cause + tags. Templates scoring 0 are left out.
            """)
    )

    @Argument(help: "Ticket ID or a unique prefix.", completion: DeskCompletion.ticketIDs) var id: String
    @Option(help: "At most this many templates.") var limit = 5
    @Flag(help: "Print a JSON object: {ticket, templates: [{id, title, score, parts, usable}]}.") var json = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be 1 or more") }
    }

    func run() throws {
        let desk = try global.openDesk()
        let presenter = TemplatePresenter(schema: desk.schema, language: global.language(for: desk))
        let (ticket, ranked) = try desk.suggestTemplates(for: id, limit: limit)
        if json {
            print(presenter.suggestionsJSON(ticket: ticket, ranked: ranked).serialised())
        } else {
            print(presenter.suggestions(ticket: ticket, ranked: ranked), terminator: "")
        }
    }
}
