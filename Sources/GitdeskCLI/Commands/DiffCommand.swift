import ArgumentParser
import TicketCore
import TicketStore

/// `gitdesk diff [REV..REV] [--json]`
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Review ticket changes: per ticket, each field old → new, the log entries added, who changed it, and any rule the range breaks.",
        usage: HelpText.usage("gitdesk diff [<range>] [--json] [--color <when>] [--no-color] [--no-pager] [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: """
            The range is A..B: the changes from the merge base of A and B to B, as a pull request \
            shows them. Default: your unpushed commits (@{u}..HEAD) when there are any; \
            else what the last sync or pull brought in (@{1}..HEAD); else the last commit \
            (HEAD~1..HEAD). Labels follow --lang; values are shown masked.
            """
    )

    @Argument(help: ArgumentHelp("The commits to review, e.g. origin/main..HEAD.", valueName: "range"))
    var range: String?
    @Flag(help: "Print an array of {id, path, kind, author, authors, changes: [{field, label, old, new}], log_added, contacts_added, findings}.")
    var json = false
    @OptionGroup var display: DisplayOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let desk = try global.openDesk()
        // Checked here, not in validate(): one line in the desk's language, no usage text.
        if let range, !range.contains("..") { throw CLIError(.diffNotRange, ["range": .text(range)]) }
        let (entries, others) = try TicketDiff.compute(desk: desk, range: range ?? TicketDiff.defaultRange(desk.repository))
        let language = global.language(for: desk)
        let schema = desk.schema
        _ = display.start()
        if json {
            print(JSONValue.array(entries.map { json($0, schema: schema, language: language) }).serialised())
        } else {
            for e in entries { print(text(e, schema: schema, language: language).terminalSafe, terminator: "") }
            if entries.isEmpty { print(Message(.diffNothing).render(language)) }
            for f in others { print("! \(FindingPresenter.line(f))") }
        }
        if (entries.flatMap(\.findings) + others).contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }

    func shown(_ value: String?, _ field: String, _ schema: Schema, _ language: Language) -> String {
        guard let value else { return "-" }
        return schema.label(value: value, of: field, language).replacingNewlines()
    }

    func text(_ e: TicketDiff.Entry, schema: Schema, language: Language) -> String {
        let kindKey: [String: MessageKey] = ["added": .diffKindAdded, "modified": .diffKindModified, "deleted": .diffKindDeleted]
        let kind = kindKey[e.kind].map { Message($0).render(language) } ?? e.kind
        var out = "\(e.id) (\(kind)) \(e.path)\n"
        let authors = unique(e.commits.map { "\($0.author.name) <\($0.author.email)>" })
        if !authors.isEmpty { out += "  \(Message(.diffBy).render(language)): \(authors.joined(separator: ", "))\n" }
        for c in e.changes {
            out += "  \(schema.label(field: c.field, language)): \(shown(c.old, c.field, schema, language)) → \(shown(c.new, c.field, schema, language))\n"
        }
        for entry in e.logAdded {
            out += "  + \(entry.time.shortDisplay) \(entry.operator): \(TicketDiffText.masked(entry.text, schema).replacingNewlines())\n"
        }
        for c in e.contactsAdded {
            out += "  + \(Message(.diffContact).render(language)) \(c.time.shortDisplay) \(c.operator) \(schema.label(value: c.channel, of: "channel", language)): \(TicketDiffText.masked(c.summary, schema))\n"
        }
        for f in e.findings { out += "  ! \(FindingPresenter.line(f))\n" }
        return out + "\n"
    }

    func json(_ e: TicketDiff.Entry, schema: Schema, language: Language) -> JSONValue {
        let authors = e.commits.map { c in
            JSONValue.object([("name", .string(c.author.name)), ("email", .string(c.author.email)),
                              ("commit", .string(c.id.hex)), ("summary", .string(c.summary))])
        }
        return .object([
            ("id", .string(e.id)), ("path", .string(e.path)), ("kind", .string(e.kind)),
            ("author", e.commits.last.map { .string($0.author.name) } ?? .null),
            ("authors", .array(authors)),
            ("changes", .array(e.changes.map { c in
                .object([("field", .string(c.field)), ("label", .string(schema.label(field: c.field, language))),
                         ("old", c.old.map(JSONValue.string) ?? .null), ("new", c.new.map(JSONValue.string) ?? .null)])
            })),
            ("log_added", .array(e.logAdded.map { l in
                .object([("time", .string(l.time.iso8601)), ("operator", .string(l.operator)),
                         ("text", .string(TicketDiffText.masked(l.text, schema)))])
            })),
            ("contacts_added", .array(e.contactsAdded.map { c in
                .object([("time", .string(c.time.iso8601)), ("operator", .string(c.operator)), ("channel", .string(c.channel)),
                         ("summary", .string(TicketDiffText.masked(c.summary, schema)))])
            })),
            ("findings", .array(e.findings.map { f in
                .object([("file", .string(f.file)), ("line", .int(f.line)), ("rule", .string(f.rule)), ("message", .string(f.message))])
            })),
        ])
    }

    func unique(_ xs: [String]) -> [String] {
        var seen = Set<String>()
        return xs.filter { seen.insert($0).inserted }
    }
}

/// Free text as `diff` shows it: personal data masked.
enum TicketDiffText {
    static func masked(_ text: String, _ schema: Schema) -> String {
        PIIScanner.mask(text, options: schema.privacy.scanOptions).text
    }
}
