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
            roster (team.yaml), tickets/ and templates/, and commits them. Edit team.yaml \
            to list your team, then commit it.
            """
    )

    @Argument(help: "Directory of the desk (default: the current directory).")
    var directory: String?

    @Option(help: "Ticket ID prefix: 1–8 capital letters.")
    var prefix = "CS"

    @Option(help: "IANA time zone for dates, SLA clocks and reports.")
    var timezone = "Asia/Shanghai"

    @Flag(help: "A test or demo desk: anyone may set GITDESK_NOW and the server's time rules are off (clock_override in .gitdesk/config.yaml).")
    var clockOverride = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let dir = directory ?? global.directory ?? FileManager.default.currentDirectoryPath
        let config = DeskConfig(prefix: prefix, timezone: timezone, language: global.lang ?? .zh,
                                clockOverride: clockOverride)
        let outcome = try DeskInitializer.initialize(at: dir, config: config, time: nil)
        print("Initialised gitdesk desk in \(outcome.path) (prefix \(prefix), \(timezone)).")
        if clockOverride { print("A clock-override desk: anyone may set GITDESK_NOW (for tests and demos, not for real work).") }
        let hooks = try HookInstaller.install(at: outcome.path, server: false)
        if !hooks.installed.isEmpty { print("Installed the git hooks \(hooks.installed.joined(separator: ", ")) (gitdesk validates hand edits).") }
        print("Next: edit team.yaml to list your team and commit it; then")
        print("  gitdesk new --as li --type complaint --channel phone --title '...'")
    }
}
