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
    @Option(help: "Only templates with this tag.") var tag: String?
    @Flag(help: "Print a JSON array.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let desk = try global.openDesk()
        let presenter = TemplatePresenter(schema: desk.schema, language: global.language(for: desk))
        let typeKey: String?
        do { typeKey = try type.map { try desk.schema.valueKey(typed: $0, of: "type") } } catch {
            throw CLIError("--type: \(error)")
        }
        let (all, unreadable) = try desk.templates()
        for u in unreadable { printError("gitdesk: warning: \(u.path):\(u.error) (not listed)") }
        let shown = all.map(\.template).filter { t in
            (typeKey == nil || t.type == typeKey) && (module == nil || t.module == module)
                && (tag == nil || t.tags.contains(tag!.trimmed()))
        }
        if json {
            print(JSONValue.array(shown.map { presenter.json($0, full: false) }).serialised())
        } else {
            print(presenter.table(shown), terminator: "")
        }
    }
}
