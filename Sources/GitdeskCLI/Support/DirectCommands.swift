import ArgumentParser
import TicketCore

/// The common commands built straight from their arguments (``DirectArguments``),
/// each filled in exactly as argument-parser would fill it; nil for anything
/// else, which argument-parser then parses.
///
/// Every property of a command built here must be set, its default included:
/// a property wrapper left unset stops the process when read. An option added
/// to one of these commands (or to its option groups) is added here too, or its
/// command line left to argument-parser; `DirectArgumentsTests` runs each
/// command through both paths and catches a property left out.
enum DirectCommands {
    /// The command for `arguments` (global options already moved after the
    /// subcommand), or nil when argument-parser must read them.
    static func command(_ arguments: [String]) -> (any ParsableCommand)? {
        guard let name = arguments.first, let build = builders[name] else { return nil }
        return build(arguments.dropFirst())
    }

    /// Whether `arguments` asks for the version only (`gitdesk --version`).
    static func isVersion(_ arguments: [String]) -> Bool { arguments == ["--version"] }

    private static let globalOptions: [String: DirectArguments.Kind] = ["--as": .value, "-C": .value, "--lang": .value]
    private static let displayOptions: [String: DirectArguments.Kind] = ["--color": .value, "--no-color": .flag, "--no-pager": .flag]

    private static func options(_ own: [String: DirectArguments.Kind], display: Bool = false) -> [String: DirectArguments.Kind] {
        own.merging(globalOptions) { a, _ in a }.merging(display ? displayOptions : [:]) { a, _ in a }
    }

    private static let builders: [String: @Sendable (ArraySlice<String>) -> (any ParsableCommand)?] = [
        "show": { arguments in
            guard let a = DirectArguments(arguments, options: options(["--json": .flag], display: true), positionals: 1),
                  let global = global(a), let display = display(a) else { return nil }
            var c = ShowCommand()
            c.id = a.positionals[0]; c.json = a.flags.contains("--json"); c.display = display; c.global = global
            return c
        },
        "history": { arguments in
            guard let a = DirectArguments(arguments, options: options(["--json": .flag], display: true), positionals: 1),
                  let global = global(a), let display = display(a) else { return nil }
            var c = HistoryCommand()
            c.id = a.positionals[0]; c.json = a.flags.contains("--json"); c.display = display; c.global = global
            return c
        },
        "comment": { arguments in
            guard let a = DirectArguments(arguments, options: options([:]), positionals: 2),
                  let global = global(a) else { return nil }
            var c = CommentCommand()
            c.id = a.positionals[0]; c.text = a.positionals[1]; c.global = global
            return c
        },
        "move": { arguments in
            guard let a = DirectArguments(arguments, options: options(["--reason": .value]), positionals: 2),
                  let global = global(a) else { return nil }
            var c = MoveCommand()
            c.id = a.positionals[0]; c.status = a.positionals[1]; c.reason = a.values["--reason"]; c.global = global
            return c
        },
        "set": { arguments in
            // validate() refuses a missing or malformed FIELD=VALUE: argument-parser says so.
            guard let a = DirectArguments(arguments, options: options([:]), positionals: nil), a.positionals.count >= 2,
                  a.positionals.dropFirst().allSatisfy({ $0.contains("=") }), let global = global(a) else { return nil }
            var c = SetCommand()
            c.id = a.positionals[0]; c.assignments = Array(a.positionals.dropFirst()); c.global = global
            return c
        },
        "new": { arguments in
            let own: [String: DirectArguments.Kind] = [
                "--type": .value, "--channel": .value, "--title": .value, "--description": .value, "--module": .value,
                "--priority": .value, "--contact": .value, "--customer": .value, "--submitter": .value,
                "--subtype": .value, "--reproduction": .value, "--expected-by": .value,
            ]
            guard let a = DirectArguments(arguments, options: options(own), positionals: 0),
                  let type = a.values["--type"], let channel = a.values["--channel"], let title = a.values["--title"],
                  let global = global(a) else { return nil }
            var c = NewCommand()
            c.type = type; c.channel = channel; c.title = title
            c.description = a.values["--description"]; c.module = a.values["--module"]
            c.priority = a.values["--priority"] ?? "medium"; c.contact = a.values["--contact"]
            c.customer = a.values["--customer"]; c.submitter = a.values["--submitter"]; c.subtype = a.values["--subtype"]
            c.reproduction = a.values["--reproduction"]; c.expectedBy = a.values["--expected-by"]
            c.global = global
            return c
        },
        "list": { arguments in
            let own: [String: DirectArguments.Kind] = [
                "--status": .values, "--type": .values, "--priority": .values, "--assignee": .values,
                "--overdue": .flag, "--limit": .value, "--format": .value,
            ]
            guard let a = DirectArguments(arguments, options: options(own, display: true), positionals: 0),
                  let global = global(a), let display = display(a) else { return nil }
            var filters = FilterOptions()
            filters.status = a.lists["--status"] ?? []; filters.type = a.lists["--type"] ?? []
            filters.subtype = []; filters.priority = a.lists["--priority"] ?? []; filters.channel = []
            filters.module = []; filters.department = []; filters.assignee = a.lists["--assignee"] ?? []
            filters.rating = []; filters.createdFrom = nil; filters.createdBefore = nil
            filters.overdue = a.flags.contains("--overdue"); filters.dueBefore = nil; filters.dueFrom = nil
            filters.followUps = false
            var order = OrderOptions()
            order.sort = nil
            if let text = a.values["--limit"] {
                guard let limit = Int(text) else { return nil }
                order.limit = limit
            } else {
                order.limit = nil
            }
            var c = ListCommand()
            if let text = a.values["--format"] {
                guard let format = ListCommand.Format(rawValue: text) else { return nil }
                c.format = format
            } else {
                c.format = .table
            }
            c.filters = filters; c.order = order; c.display = display; c.global = global
            return c
        },
    ]

    /// The options every command takes; nil when `--lang` is not one argument-parser accepts.
    private static func global(_ a: DirectArguments) -> GlobalOptions? {
        var g = GlobalOptions()
        g.operatorHandle = a.values["--as"]
        g.directory = a.values["-C"]
        if let text = a.values["--lang"] {
            guard let lang = Language(rawValue: text) else { return nil }
            g.lang = lang
        } else {
            g.lang = nil
        }
        return g
    }

    /// The display options; nil when `--color` is not one argument-parser accepts.
    private static func display(_ a: DirectArguments) -> DisplayOptions? {
        var d = DisplayOptions()
        if let text = a.values["--color"] {
            guard let when = ColourWhen(rawValue: text) else { return nil }
            d.colour = when
        } else {
            d.colour = .auto
        }
        d.noColour = a.flags.contains("--no-color")
        d.noPager = a.flags.contains("--no-pager")
        return d
    }
}
