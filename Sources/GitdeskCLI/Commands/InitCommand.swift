import ArgumentParser
import Foundation
import TicketCore
import TicketStore

/// `gitdesk init [DIR]`
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make a ticket desk in a new or existing git repository.",
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
        print("Initialised gitdesk desk in \(outcome.path) (prefix \(prefix), \(timezone)).")
        if clockOverride { print("A clock-override desk: anyone may set GITDESK_NOW (for tests and demos, not for real work).") }
        if let me = outcome.founder {
            print("Added you to team.yaml as '\(me.handle)' (admin, supervisor), matched by the e-mail \(me.email).")
        } else if founder == nil {
            print("No git user.email is set, so team.yaml holds only the example people; run 'git config user.email ...' and add yourself, or act as the example admin ('--as admin').")
        }
        let hooks = try HookInstaller.install(at: outcome.path, server: false)
        for line in HookReport.lines(hooks) { print(line) }
        try MergeDriverSetup.register(at: outcome.path)
        try DeskInitializer.finish(at: outcome.path)
        print("Next: edit team.yaml to list your team and commit it; then")
        print("  gitdesk new --as li --type complaint --channel phone --title '...'")
    }
}
