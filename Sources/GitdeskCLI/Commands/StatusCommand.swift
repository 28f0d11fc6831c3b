import ArgumentParser
import TicketCore
import TicketStore

/// `gitdesk status [--fetch] [--json]`
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "How many local changes are unpushed and how many from the server are unmerged.",
        usage: HelpText.usage("gitdesk status [--fetch] [--timeout <seconds>] [--json] [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: "Counts commits against the last fetch; --fetch fetches first (through your git)."
    )

    @Flag(help: "Fetch from the server first.") var fetch = false
    @Option(help: ArgumentHelp("Seconds the fetch may take before it is stopped (default: git config gitdesk.syncTimeout, else 60).",
                               valueName: "seconds"))
    var timeout: Double?
    @Flag(help: "Print JSON: {branch, upstream, unpushed, unmerged, fetched}.") var json = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let timeout, !(timeout > 0 && timeout.isFinite) {
            throw ValidationError("--timeout takes a number of seconds greater than 0")
        }
    }

    func run() throws {
        let desk = try global.openDesk()
        PendingRepairNotice.say(desk.interruptedWrite)
        let status: SyncStatus
        do { status = try SyncStatus.read(desk: desk, fetch: fetch, timeout: timeout) } catch { throw CLIError(error: error) }
        if json {
            let object: JSONValue = .object([
                ("branch", .string(status.branch)),
                ("upstream", status.upstream.map(JSONValue.string) ?? .null),
                ("unpushed", .int(status.unpushed)),
                ("unmerged", .int(status.unmerged)),
                ("fetched", .bool(status.fetched)),
            ])
            print(object.serialised())
            return
        }
        // Hooks or merge driver gone: said first, whatever else status finds.
        if let off = ClientChecks.off(desk.repository) { print(Speech.say(off)) }
        // A ref name may hold bidi or other control characters (git allows them): printed escaped.
        let branch = status.branch.terminalSafe
        guard let upstream = status.upstream?.terminalSafe else {
            print(Speech.say(Message(.statusNoRemote, ["branch": .text(branch)])))
            return
        }
        let names: [String: Message.Argument] = ["branch": .text(branch), "upstream": .text(upstream)]
        print(Speech.say(Message(fetch ? .statusTracking : .statusTrackingLastFetch, names)))
        print(Speech.say(Message(status.unpushed == 1 ? .statusUnpushedOne : .statusUnpushedMany, ["count": .number(status.unpushed)])))
        print(Speech.say(Message(status.unmerged == 1 ? .statusUnmergedOne : .statusUnmergedMany,
                                 names.merging(["count": .number(status.unmerged)]) { $1 })))
        if status.unpushed > 0 || status.unmerged > 0 { print(Speech.say(Message(.statusRunSync))) }
        if !MergeDriverSetup.isRegistered(in: desk.repository) {
            print(Speech.say(Message(.statusNoDriver)))
        }
    }
}
