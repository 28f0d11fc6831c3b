import ArgumentParser
import Foundation
import TicketCore
import TicketStore

/// `gitdesk demo [DIR]`
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Make a demo desk with the example records from the process documents.",
        usage: HelpText.usage("gitdesk demo [<directory>] [--tickets <tickets>] [--seed <seed>] [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: """
            Replays the seed stories (CS20240501001 ...) with their logs, each change one \
            commit at its documented time, then adds N generated tickets. The result is \
            the same for the same --seed. A demo desk is a clock-override desk (times are set, not read from the clock).
            """
    )

    @Argument(help: "Directory for the demo desk (must not be a desk already).") var directory: String = "gitdesk-demo"
    @Option(help: "Generated tickets to add after the seed records.") var tickets: Int = 0
    @Option(help: "Random seed for generated tickets.") var seed: UInt64 = 1
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard tickets >= 0 else { throw ValidationError("--tickets must be 0 or more") }
    }

    func run() throws {
        let path = global.directory.map { ($0 as NSString).appendingPathComponent(directory) } ?? directory
        let start = Timestamp.parse("2023-10-01T09:00:00+08:00")!
        _ = try DeskInitializer.initialize(at: path, config: DeskConfig(clockOverride: true), time: start)
        try MergeDriverSetup.register(at: path)
        let demo = DemoDesk(path: path)
        try demo.replaySeeds()
        if tickets > 0 { try demo.generate(count: tickets, seed: seed) }
        // Hand edits of a demo desk are checked like any desk's.
        let hooks = try HookInstaller.install(at: path, server: false)
        for line in HookReport.lines(hooks, Speech.language) { print(line) }
        print(Speech.say(Message(.demoReady, ["path": .text(path), "count": .number(try Desk.open(at: path).ticketPaths().count)])))
        print(Speech.say(Message(.demoTry, ["path": .text(path)])))
    }
}
