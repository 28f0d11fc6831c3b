import ArgumentParser
import TicketCore

/// `gitdesk template edit NAME [FIELD=VALUE...] [--file F|-] [--editor]`
struct TemplateEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a template (one commit).",
        usage: HelpText.usage("gitdesk template edit <name> [<assignments> ...] [--file <file>] [--editor] [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: HelpText.fitted("""
            FIELD=VALUE like 'set' (an empty VALUE clears an optional field), and/or the whole file \
            from --file ('-': stdin) or the editor (--editor). Changing the content of an approved \
            template drops its approval: a supervisor approves it again.
            """)
    )

    @Argument(help: "Template name or a unique prefix.") var name: String
    @Argument(help: "FIELD=VALUE pairs.") var assignments: [String] = []
    @Option(help: ArgumentHelp("Read the edited template file ('-': stdin).", valueName: "file")) var file: String?
    @Flag(help: "Edit the template in $VISUAL / $EDITOR.") var editor = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard !assignments.isEmpty || file != nil || editor else {
            throw ValidationError("give FIELD=VALUE pairs, --file or --editor")
        }
    }

    func run() throws {
        let session = try TemplateSession(global)
        var replacement: SolutionTemplate?
        if let file { replacement = try TemplateInput.file(file) }
        if editor { replacement = try TemplateInput.edit(replacement ?? session.desk.template(name).template) }
        if let replacement { _ = try TemplateInput.pairs(of: replacement) }
        session.report(try session.desk.editTemplate(name, values: try TemplateInput.pairs(assignments), replacement: replacement,
                                                     by: session.person, at: session.now))
    }
}
