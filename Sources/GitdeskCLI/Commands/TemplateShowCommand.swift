import ArgumentParser
import TicketCore

/// `gitdesk template show NAME [--json]`
struct TemplateShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one template: fields, root cause, steps, customer wording and its log.",
        usage: HelpText.usage("gitdesk template show <name> [--json] [--as <handle>] [-C <dir>] [--lang <zh|en>]")
    )

    @Argument(help: "Template name or a unique prefix.") var name: String
    @Flag(help: "Print one JSON object.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let desk = try global.openDesk()
        let presenter = TemplatePresenter(schema: desk.schema, language: global.language(for: desk))
        let t = try desk.template(name).template
        if json { print(presenter.json(t, full: true).serialised()) } else { print(presenter.text(t), terminator: "") }
    }
}
