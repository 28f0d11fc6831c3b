import ArgumentParser
import TicketCore

/// `gitdesk template add NAME [FIELD=VALUE...] [options] [--file F|-] [--editor]`
struct TemplateAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a template to the library (one commit).",
        discussion: HelpText.fitted("""
            Fields come from a template file (--file, '-' for stdin), then the editor (--editor), \
            then the options and FIELD=VALUE pairs, later ones winning. Required: title, type, \
            root_cause, steps, customer_wording. Customer contact data is replaced by placeholders.
            """)
    )

    @Argument(help: "The template's name: lowercase letters, digits and '-' (its file is templates/NAME.md).") var name: String
    @Argument(help: "FIELD=VALUE pairs (title, type, subtype, module, tags, major, root_cause, steps, customer_wording, notes).")
    var assignments: [String] = []
    @Option(help: "标题.") var title: String?
    @Option(help: "问题类型: a type key or label.") var type: String?
    @Option(help: "问题子类型.") var subtype: String?
    @Option(help: "涉及模块, e.g. APP-订单支付.") var module: String?
    @Option(help: "标签, comma-separated.") var tags: String?
    @Flag(help: "A major solution (重大方案): needs a supervisor's approval before use.") var major = false
    @Option(help: "根因分析.") var rootCause: String?
    @Option(help: "处理步骤.") var steps: String?
    @Option(help: "客户话术: what to tell the customer.") var wording: String?
    @Option(help: ArgumentHelp("Read a template file ('-': stdin).", valueName: "file")) var file: String?
    @Flag(help: "Write the template in $VISUAL / $EDITOR.") var editor = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let session = try TemplateSession(global)
        var values: [(key: String, value: String)] = []
        var base = SolutionTemplate()
        if let file { base = try TemplateInput.file(file); values += try TemplateInput.pairs(of: base) }
        var options: [(String, String?)] = [("title", title), ("type", type), ("subtype", subtype), ("module", module), ("tags", tags),
                                            ("root_cause", rootCause), ("steps", steps), ("customer_wording", wording)]
        if major { options.append(("major", "true")) }
        let typed = options.compactMap { k, v in v.map { (key: k, value: $0) } } + (try TemplateInput.pairs(assignments))
        if editor {
            var draft = base
            for (k, v) in typed { if let key = TemplateFields.key(typed: k) { draft[key] = v } }
            values = try TemplateInput.pairs(of: try TemplateInput.edit(draft))
        } else {
            values += typed
        }
        session.report(try session.desk.addTemplate(slug: name, values: values, by: session.person, at: session.now))
    }
}
