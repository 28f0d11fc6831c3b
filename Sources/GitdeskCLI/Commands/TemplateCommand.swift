import ArgumentParser

/// `gitdesk template add|list|show|edit|approve|from|suggest`
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "The solution library (解决方案库): proven solutions to reuse.",
        discussion: HelpText.fitted("""
            Each template is templates/<name>.md in the desk (front matter + sections, like a \
            ticket); every change is one commit by its author, validated by the hooks. A major \
            template (major=true) is used by 'resolve --template' only once a supervisor approved it.
            """),
        subcommands: [TemplateAddCommand.self, TemplateListCommand.self, TemplateShowCommand.self, TemplateEditCommand.self,
                      TemplateApproveCommand.self, TemplateFromCommand.self, TemplateSuggestCommand.self]
    )
}
