import ArgumentParser

/// `gitdesk template approve NAME`
struct TemplateApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a template as it stands (a supervisor; its own commit).",
        usage: HelpText.usage("gitdesk template approve <name> [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: HelpText.fitted("Records approved_by, approved_at and a digest of the content; any later change of the content voids it.")
    )

    @Argument(help: "Template name or a unique prefix.") var name: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let session = try TemplateSession(global)
        session.report(try session.desk.approveTemplate(name, by: session.person, at: session.now))
    }
}
