import ArgumentParser

/// `gitdesk template from ID NAME [FIELD=VALUE...]`
struct TemplateFromCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "from",
        abstract: "Make a template from a resolved or closed ticket (one commit).",
        usage: HelpText.usage("gitdesk template from <id> <name> [<assignments> ...] [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: HelpText.fitted("""
            Takes the title, type, subtype, module, root cause, the solution (as steps) and the \
            feedback given (as the customer wording; left empty, and said, when there is none); FIELD=VALUE pairs add or \
            replace fields (tags=..., major=true). The customer's contact, ID and name are never \
            copied; contact data in the texts becomes a placeholder such as 〔手机号〕.
            """)
    )

    @Argument(help: "Ticket ID or a unique prefix.", completion: DeskCompletion.ticketIDs) var id: String
    @Argument(help: "The template's name (lowercase letters, digits, '-').") var name: String
    @Argument(help: "FIELD=VALUE pairs.") var assignments: [String] = []
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let session = try TemplateSession(global)
        let result = try session.desk.templateFromTicket(id, slug: name, values: try TemplateInput.pairs(assignments),
                                                         by: session.person, at: session.now)
        session.report(result)
        if result.template["customer_wording"] == nil { printError(session.presenter.emptyWordingNotice(result.template.slug)) }
    }
}
