import ArgumentParser
import TicketStore

/// `gitdesk status [--fetch] [--json]`
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "How many local changes are unpushed and how many from the server are unmerged.",
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
        guard let upstream = status.upstream else {
            print("On \(status.branch), no remote: \(status.branch) is not shared (gitdesk clone URL makes a shared desk)")
            return
        }
        print("On \(status.branch), tracking \(upstream)\(fetch ? "" : " (as of the last fetch)")")
        print("\(status.unpushed) local change\(status.unpushed == 1 ? "" : "s") (commits) not pushed")
        print("\(status.unmerged) change\(status.unmerged == 1 ? "" : "s") from \(upstream) not merged")
        if status.unpushed > 0 || status.unmerged > 0 { print("Run 'gitdesk sync' to merge and push.") }
        if !MergeDriverSetup.isRegistered(in: desk.repository) {
            print("This clone has no gitdesk merge driver: a plain git pull would conflict on tickets. Run 'gitdesk hooks install' (or use 'gitdesk sync').")
        }
    }
}
