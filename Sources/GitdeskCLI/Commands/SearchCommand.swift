import ArgumentParser
import TicketCore
import TicketStore

/// `gitdesk search`
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find tickets by words in their title, description, logs, root cause or solution.",
        discussion: HelpText.fitted("""
            Every word must occur (any case); Chinese words of any length are found \
            as typed (退款, 闪退, APP闪退). Best matches first, with the matching line. \
            Takes the same filters as list: gitdesk search 退款 --status new,in_progress
            """)
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Argument(help: "The words to find.") var text: [String]
    @OptionGroup var filters: FilterOptions
    @Option(help: "Show at most this many tickets.") var limit: Int?
    @Option(help: "Output format: table or json.") var format: Format = .table
    @OptionGroup var display: DisplayOptions
    @OptionGroup var revision: RevisionOption
    @OptionGroup var global: GlobalOptions

    func run() throws {
        guard let terms = SearchTerms(text.joined(separator: " ")) else { throw CLIError(.emptySearch) }
        // Every term is looked for in every candidate: bound the work one command may ask for.
        guard terms.terms.count <= SearchTerms.maxTerms, terms.terms.allSatisfy({ $0.count <= SearchTerms.maxTermLength }) else {
            throw CLIError(.searchTooMuch, ["words": .number(SearchTerms.maxTerms), "length": .number(SearchTerms.maxTermLength)])
        }
        if let limit, limit < 0 { throw CLIError(.negativeLimit) }
        let head = try global.openDesk()
        let (desk, now) = try revision.apply(to: head, now: try global.now(in: head))
        let filter = try filters.filter(desk: desk, now: now)
        let (hits, unreadable) = try desk.search(terms, filter: filter, limit: limit, at: now)
        for bad in unreadable {
            printError("warning: " + (bad.error.hasPrefix(bad.path) ? bad.error : "\(bad.path): \(bad.error)"))
        }
        let lang = global.language(for: desk)
        let palette = display.start()
        let presenter = TicketPresenter(schema: desk.schema, language: lang, palette: palette)
        switch format {
        case .json:
            print(JSONValue.array(hits.map { hit in
                guard case .object(var pairs) = presenter.json(hit.ticket, sla: SLAClock.status(of: hit.ticket, at: now, schema: desk.schema))
                else { return .null }
                pairs.append(("score", .int(hit.score)))
                pairs.append(("snippet", .string(hit.snippet)))
                return .object(pairs)
            }).serialised())
        case .table:
            let columns = ["id", "status", "title"]
            var table = TextTable(headers: columns.map { desk.schema.label(field: $0, lang) } + [lang == .zh ? "匹配内容" : "Match"])
            table.palette = palette
            for hit in hits {
                table.append(columns.map { presenter.display(hit.ticket, $0) } + [hit.snippet],
                             styles: columns.map { presenter.style(of: $0, in: hit.ticket, sla: nil) })
            }
            print(table.render(), terminator: "")
            if hits.isEmpty { print(lang == .zh ? "（没有找到匹配的工单）" : "(no tickets match)") }
        }
    }
}
