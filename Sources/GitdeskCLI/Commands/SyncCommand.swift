import ArgumentParser
import TicketCore
import TicketStore

/// `gitdesk sync`
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Fetch, merge the team's changes ticket by ticket, validate, and push.",
        discussion: """
            Fetch and push go through your own git. Incoming commits are merged here: a ticket \
            changed on both sides is merged field by field by the schema's merge rules, and every \
            conflict a rule settled is printed and logged in the ticket. An unpushed ticket whose \
            ID the server already has is renamed to a fresh ID. A push the server refuses prints \
            its reasons and keeps your commits; a push that loses a race to another pusher is \
            merged and tried again. Exit 0 when everything was settled by the rules.
            """
    )

    @Option(help: ArgumentHelp("Seconds one fetch or push may take before it is stopped (default: git config gitdesk.syncTimeout, else 60).",
                               valueName: "seconds"))
    var timeout: Double?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let timeout, !(timeout > 0 && timeout.isFinite) {
            throw ValidationError("--timeout takes a number of seconds greater than 0")
        }
    }

    func run() throws {
        let desk = try global.openDesk()
        let person = try global.person(in: desk)
        let now = try global.now(in: desk)
        let report: SyncReport
        var sync = DeskSync(desk: desk, person: person, now: now)
        sync.timeout = timeout
        do { report = try sync.run() } catch SyncError.pushRefused(let remote, let lines, let status) {
            // The server's reasons as it wrote them, each on its own line (escaped), then the verdict.
            for line in lines { printError("remote: " + ControlCharacters.escaped(line)) }
            let why = status ?? (lines.isEmpty ? "no reason given" : "the server's reasons above")
            throw CLIError(SyncError.refusalVerdict(remote: remote, why: ControlCharacters.escaped(why)))
        } catch { throw CLIError(error: error) }
        if report.nothingToDo {
            print("Already in sync with \(report.upstream.terminalSafe): nothing to fetch, merge or push")
            return
        }
        for r in report.renamed {
            print("Renamed \(r.old) to \(r.new): the server already has a ticket with ID \(r.old)")
        }
        for line in report.settled { print("Conflict settled: \(line)") }
        if report.incoming > 0 {
            let how = report.mergeCommit.map { "merged (\($0.prefix(7)))" } ?? "fast-forward"
            print("Fetched \(report.incoming) commit\(report.incoming == 1 ? "" : "s") from \(report.upstream.terminalSafe): \(how)")
        }
        if report.retries > 0 { print("Another push came first \(report.retries) time\(report.retries == 1 ? "" : "s"): merged and retried") }
        if report.pushed > 0 { print("Pushed \(report.pushed) commit\(report.pushed == 1 ? "" : "s") to \(report.upstream.terminalSafe)") }
    }
}
