import ArgumentParser
import Foundation
import TicketCore
import TicketStore

/// `gitdesk init [DIR]`
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make a ticket desk in a new or existing git repository.",
        usage: HelpText.usage("gitdesk init [<directory>] [--prefix <prefix>] [--timezone <timezone>] [--admin <handle>] [--name <name>] [--email <email>] [--clock-override] [--force] [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: """
            Writes .gitdesk/config.yaml, the default schema (.gitdesk/schema/), an example \
            roster (team.yaml), tickets/ and templates/, and commits them. You (git's \
            user.name and user.email, or --admin/--name/--email) are put on the roster as \
            admin and supervisor, so you may edit team.yaml to list your team and commit it.
            """
    )

    @Argument(help: "Directory of the desk (default: the current directory).")
    var directory: String?

    @Option(help: "Ticket ID prefix: 1–8 capital letters.")
    var prefix = "CS"

    @Option(help: "IANA time zone for dates, SLA clocks and reports.")
    var timezone = "Asia/Shanghai"

    @Option(name: .customLong("admin"), help: ArgumentHelp("Your handle on the roster (default: from your e-mail).", valueName: "handle"))
    var adminHandle: String?

    @Option(help: ArgumentHelp("Your name on the roster (default: git config user.name).", valueName: "name"))
    var name: String?

    @Option(help: ArgumentHelp("Your e-mail on the roster (default: git config user.email); commits you make by hand are matched by it.", valueName: "email"))
    var email: String?

    @Flag(help: "A test or demo desk: anyone may set GITDESK_NOW and the server's time rules are off (clock_override in .gitdesk/config.yaml).")
    var clockOverride = false

    @Flag(help: "Make a new first commit even where the branch's history exists but cannot be read (a damaged packed-refs): it hides that history. Restore the branch instead when you can.")
    var force = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let dir = directory ?? global.directory ?? FileManager.default.currentDirectoryPath
        let config = DeskConfig(prefix: prefix, timezone: timezone, language: global.lang ?? .zh,
                                clockOverride: clockOverride)
        let founder = try DeskFounder.resolve(handle: adminHandle, name: name, email: email, directory: dir)
        let outcome = try DeskInitializer.initialize(at: dir, config: config, time: nil, founder: founder, unfinished: true, force: force)
        // The desk's language (--lang, else Chinese) is the one to greet it in.
        func say(_ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) {
            print(Message(key, arguments).render(config.language))
        }
        say(.initDone, ["path": .text(outcome.path), "prefix": .text(prefix), "timezone": .text(timezone)])
        if clockOverride { say(.initClockOverride) }
        if let me = outcome.founder {
            say(.initAddedYou, ["handle": .text(me.handle), "email": .text(me.email)])
        } else if founder == nil {
            say(.initNoEmail)
        }
        let hooks = try HookInstaller.install(at: outcome.path, server: false)
        for line in HookReport.lines(hooks, config.language) { print(line) }
        try MergeDriverSetup.register(at: outcome.path)
        try DeskInitializer.finish(at: outcome.path)
        say(.initNext)
        print("  gitdesk new --as li --type complaint --channel phone --title '...'")
    }
}
