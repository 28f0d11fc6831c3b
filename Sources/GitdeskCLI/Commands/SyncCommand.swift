import ArgumentParser
import TicketCore
import TicketStore

/// `gitdesk sync`
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Fetch, merge the team's changes ticket by ticket, validate, and push.",
        usage: HelpText.usage("gitdesk sync [--timeout <seconds>] [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
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
            if let status { throw CLIError(SyncError.refusal(remote: remote, why: ControlCharacters.escaped(status))) }
            throw CLIError(lines.isEmpty ? SyncError.refusal(remote: remote, why: nil) : Message(.syncPushRefusedAbove, ["remote": .text(remote)]))
        } catch { throw CLIError(error: error) }
        if report.nothingToDo {
            print(Speech.say(Message(.syncAlreadyInSync, ["upstream": .text(report.upstream.terminalSafe)])))
            return
        }
        for r in report.renamed {
            print(Speech.say(Message(.syncRenamed, ["old": .text(r.old), "new": .text(r.new)])))
        }
        for line in report.settled { print(Speech.say(Message(.syncConflictSettled, ["line": .text(line)]))) }
        if report.incoming > 0 {
            let arguments: [String: Message.Argument] = ["count": .number(report.incoming), "upstream": .text(report.upstream.terminalSafe),
                                                         "commit": .text(String(report.mergeCommit?.prefix(7) ?? ""))]
            let key: MessageKey = report.mergeCommit == nil
                ? (report.incoming == 1 ? .syncFetchedOneForward : .syncFetchedManyForward)
                : (report.incoming == 1 ? .syncFetchedOneMerged : .syncFetchedManyMerged)
            print(Speech.say(Message(key, arguments)))
        }
        if report.retries > 0 {
            print(Speech.say(Message(report.retries == 1 ? .syncRetriedOne : .syncRetriedMany, ["count": .number(report.retries)])))
        }
        if report.pushed > 0 {
            print(Speech.say(Message(report.pushed == 1 ? .syncPushedOne : .syncPushedMany,
                                     ["count": .number(report.pushed), "upstream": .text(report.upstream)])))
        }
    }
}
