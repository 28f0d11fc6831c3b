import ArgumentParser
import Foundation
import GitKit
import TicketCore
import TicketStore

/// `gitdesk hook NAME [ARGS]`: what the scripts in hooks/ run.
struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Run one git hook's checks (called by the scripts 'gitdesk hooks install' puts in place).",
        discussion: """
            pre-commit: the index against HEAD. commit-msg FILE: personal data in the message. \
            pre-merge-commit: the merge result against both parents. pre-receive (server): \
            reads 'OLD NEW REF' lines on stdin and judges every commit the push makes reachable \
            from an accepted ref (and not yet from the protected branch) with the rules of the \
            protected branch (git config gitdesk.branch); GITDESK_PUSHER names the person \
            pushing. Findings go to stderr; exit 1 refuses the whole push. post-receive (server): stamps each \
            pushed commit with its arrival time and pusher under refs/notes/gitdesk-arrivals.
            """
    )

    @Argument(help: "pre-commit, commit-msg, pre-merge-commit, pre-receive or post-receive.")
    var name: String

    @Argument(parsing: .captureForPassthrough, help: "What git passes to the hook.")
    var arguments: [String] = []

    func validate() throws {
        guard (HookScripts.client + HookScripts.server).contains(name) else {
            throw ValidationError("unknown hook '\(name)' (\((HookScripts.client + HookScripts.server).joined(separator: ", ")))")
        }
        if name == "commit-msg", arguments.isEmpty { throw ValidationError("commit-msg needs the message file") }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let repository = try HookChecks.openRepository()
        // The server speaks its own desk's language, whatever the pusher's.
        if let speech = HookChecks.speech(repository, server: name == "pre-receive") {
            Speech.desk(language: name == "pre-receive" ? speech.language : (Speech.flag ?? speech.language), schema: { speech.schema })
        }
        switch name {
        case "pre-commit", "pre-merge-commit":
            // Checked first: the index does not hold what the branch holds, so
            // every finding below would be about the interrupted write, not this commit.
            if let pending = HookChecks.interruptedWrite(repository) {
                printError(Speech.say(Message(.hookRefusedInterruptedWrite, ["hook": .text(name), "pending": .message(pending.notice)])))
                throw ExitCode(1)
            }
            let report = name == "pre-commit"
                ? try HookChecks.preCommit(repository, environment: environment)
                : try HookChecks.preMergeCommit(repository, environment: environment)
            guard !report.findings.isEmpty else { return }
            for line in FindingPresenter.capped(report.findings) { printError(line) }
            guard report.hasErrors else { return }
            let onRoster = HookChecks.committerIsOnRoster(repository, environment: environment)
            printError(Speech.say(Message(report.findings.count == 1 ? .hookRefusedOne : .hookRefusedMany, [
                "hook": .text(name), "count": .number(report.findings.count),
                "advice": .message(Self.advice(for: report.findings, onRoster: onRoster)),
            ])))
            throw ExitCode(1)
        case "commit-msg":
            let (findings, masked) = try HookChecks.commitMessage(repository, messageFile: arguments[0])
            guard !findings.isEmpty else { return }
            for line in FindingPresenter.capped(findings) { printError(line) }
            printError(Speech.say(Message(.commitMessageRefused)))
            for line in masked.split(separator: "\n", omittingEmptySubsequences: false) { printError("    \(line)") }
            throw ExitCode(1)
        case "post-receive":
            try postReceive(repository, environment: environment)
        default:
            try preReceive(repository, environment: environment)
        }
    }

    /// post-receive: stamps the pushed commits with their arrival (the push is
    /// already accepted, so a failure only warns).
    func postReceive(_ repository: Repository, environment: [String: String]) throws {
        let updates = Array(sequence(state: ()) { _ in readLine() }).compactMap(HookChecks.RefUpdate.init(line:))
        let pusher = environment["GITDESK_PUSHER"].flatMap { $0.isEmpty ? nil : $0 }
        StartupTrace.mark("post-receive: start")
        do { try ArrivalNotes.record(repository, updates: updates, pusher: pusher) } catch {
            printError("gitdesk post-receive: warning: could not record the arrival of the pushed commits: \(error)")
        }
        StartupTrace.mark("post-receive: arrivals stamped")
    }

    /// What to do about the refusal's actual cause: who is committing, or the files.
    static func advice(for findings: [Finding], onRoster: Bool?) -> Message {
        let rules = Set(findings.filter { $0.severity == .error }.map(\.rule))
        if rules.contains("author") || onRoster == false { return Message(.adviceNotOnRoster) }
        if rules.isSubset(of: ["settings-change", "transition-role", "permission", "delete"]) { return Message(.adviceRole) }
        return Message(.adviceFiles)
    }

    func preReceive(_ repository: Repository, environment: [String: String]) throws {
        var updates: [HookChecks.RefUpdate] = []
        while let line = readLine() {
            guard !line.isEmpty else { continue }
            guard let update = HookChecks.RefUpdate(line: line) else {
                printError(Speech.say(Message(.receiveUnreadable, ["line": .text(line)])))
                throw ExitCode(1)
            }
            updates.append(update)
        }
        let pusher = environment["GITDESK_PUSHER"].flatMap { $0.isEmpty ? nil : $0 }
        var refused = false
        // Only refs refused as such (a rewrite, a deletion): there is no commit to amend.
        var commitsRefused = false
        StartupTrace.mark("pre-receive: start")
        let judged = try HookChecks.preReceive(repository, updates: updates, pusher: pusher)
        StartupTrace.mark("pre-receive: \(judged.reduce(0) { $0 + $1.reports.count }) commits judged")
        for ref in judged where ref.hasErrors {
            refused = true
            let bad = ref.reports.filter(\.hasErrors)
            if !ref.refusals.isEmpty {
                printError(Finding.redacted(Speech.say(Message(.receiveRefusingRef, ["ref": .text(ref.update.ref)]))))
                for line in FindingPresenter.capped(ref.refusals) { printError("  " + line) }
            }
            if !bad.isEmpty {
                commitsRefused = true
                printError(Finding.redacted(Speech.say(Message(bad.count == 1 ? .receiveRefusingOne : .receiveRefusingMany, [
                    "ref": .text(ref.update.ref), "bad": .number(bad.count), "count": .number(ref.reports.count),
                ]))))
            }
            for report in bad {
                if let c = report.commit {
                    printError(Finding.redacted(Speech.say(Message(.receiveCommit, [
                        "commit": .text(c.id.shortHex()), "author": .text("\(c.author.name) <\(c.author.email)>"), "summary": .text(c.summary),
                    ]))))
                }
                for line in FindingPresenter.capped(report.findings) { printError("  " + line) }
            }
        }
        if refused {
            printError(Speech.say(Message(commitsRefused ? .receiveNothingUpdated : .receiveHistoryKept)))
            throw ExitCode(1)
        }
    }
}
