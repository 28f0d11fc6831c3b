import ArgumentParser
import TicketCore

/// `gitdesk template list [--type T] [--module M] [--tag TAG] [--json]`
struct TemplateListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the templates of the library.",
        usage: HelpText.usage("gitdesk template list [--type <type>] [--module <module>] [--tag <tag>] [--json] [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: HelpText.fitted("The state column: 已批准 (approved as it stands), 待批准 (a major template waiting for a supervisor), - (ordinary).")
    )

    @Option(help: "Only this type (key or label).") var type: String?
    @Option(help: "Only this module (exact).") var module: String?
    @Option(help: "Only templates with these tags (comma-separated: all of them).") var tag: String?
    @Flag(help: "Print a JSON array.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let desk = try global.openDesk()
        let presenter = TemplatePresenter(schema: desk.schema, language: global.language(for: desk))
        // Filters are checked as `list` checks them: a value no template could have is an error, not an empty table.
        var typeKey: String?
        if let type {
            do { typeKey = try desk.schema.valueKey(typed: type, of: "type") } catch {
                throw CLIError(.optionProblem, ["option": .text("--type"), "problem": .message(error.message)])
            }
            if let problem = FieldValueCheck.check(key: "type", value: typeKey!, schema: desk.schema, team: desk.team) {
                throw CLIError(.optionProblem, ["option": .text("--type"), "problem": .message(problem)])
            }
        }
        let (all, unreadable) = try desk.templates()
        for u in unreadable { printError("gitdesk: warning: \(u.path):\(u.error) (not listed)") }
        let wanted = SolutionTemplate.tags(tag)
        if tag != nil {
            let known = Set(all.flatMap(\.template.tags))
            if wanted.isEmpty { throw CLIError(.tagNeedsValue) }
            if let unknown = wanted.first(where: { !known.contains($0) }) {
                throw CLIError(known.isEmpty ? .unknownTagNoTags : .unknownTag, ["tag": .text(unknown), "tags": .texts(known.sorted())])
            }
        }
        let shown = all.map(\.template).filter { t in
            (typeKey == nil || t.type == typeKey) && (module == nil || t.module == module)
                && wanted.allSatisfy(t.tags.contains)
        }
        if json {
            print(JSONValue.array(shown.map { presenter.json($0, full: false) }).serialised())
        } else {
            print(presenter.table(shown), terminator: "")
        }
    }
}
