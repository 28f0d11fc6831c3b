import ArgumentParser
import Foundation
import GitKit
import TicketCore
import TicketStore

/// `gitdesk validate [--all | --staged | REV..REV] [--json]`
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check tickets against the desk's rules, as the git hooks do.",
        usage: HelpText.usage("gitdesk validate [<rev..rev>] [--all] [--staged] [--json] [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: """
            --staged checks the index against HEAD (what the pre-commit hook checks). \
            REV..REV checks every commit in the range against each of its parents, with \
            the schema and roster of its parent (in CI: gitdesk validate origin/main..HEAD). \
            --all checks every ticket at HEAD (layout, parsing, fields, duplicate IDs, \
            personal data) and scans all history and commit messages for personal data. \
            Without an argument the tree at HEAD is checked. Prints one finding per line \
            (file:line: rule: message); exits 1 when there is any error.
            """
    )

    @Argument(help: ArgumentHelp("A commit range A..B (or one commit).", valueName: "rev..rev"))
    var range: String?

    @Flag(help: "Check the tree at HEAD and scan all history for personal data.")
    var all = false

    @Flag(help: "Check the index (staged changes) against HEAD.")
    var staged = false

    @Flag(help: "Print the findings as a JSON array.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if [all, staged, range != nil].filter({ $0 }).count > 1 {
            throw ValidationError("give one of --all, --staged or REV..REV")
        }
    }

    func run() throws {
        let path = global.directory ?? FileManager.default.currentDirectoryPath
        let repository: Repository
        do { repository = try Repository.discover(from: path) } catch { throw DeskError.notARepository(path) }
        // Findings in the desk's language (then --lang), as the hooks say them.
        if let speech = HookChecks.speech(repository, server: false) {
            Speech.desk(language: Speech.flag ?? speech.language, schema: { speech.schema })
        }
        PendingRepairNotice.say(HookChecks.interruptedWrite(repository))
        let validator = CommitValidator(repository: repository)
        var reports: [CommitReport] = []
        do {
            if staged {
                reports = [try HookChecks.preCommit(repository, environment: ProcessInfo.processInfo.environment)]
            } else if let range {
                reports = try validator.validate(commits: try validator.commits(range: range))
            } else {
                guard let head = try repository.head().commit else { throw DeskError.unbornBranch }
                reports = [try validator.validate(wholeTreeOf: head)]
                if all {
                    let policy = try validator.settingsPolicy(at: head)
                    let tips = try repository.references(matching: "refs/*").map(\.target) + [head]
                    reports.append(CommitReport(commit: nil, findings: try validator.scanHistory(from: tips, policy: policy)))
                }
            }
        } catch let error as DeskError {
            throw error
        } catch let error as GitError where (error.code == .notFound && !error.message.contains("git fsck"))
                    || error.code == .invalidSpec || error.code == .ambiguous {
            // (An object the repository lacks is damage, named with `git fsck`, not an unknown revision.)
            throw CLIError(.unknownRevision, ["revision": .text(range ?? "HEAD"), "problem": .text(error.message)])
        } catch {
            throw DeskError.git(String(describing: error))
        }
        if json {
            print(FindingPresenter.json(reports).serialised())
        } else {
            for line in FindingPresenter.lines(reports) { print(line) }
            if !reports.contains(where: \.hasErrors) {
                // A word on stderr that the check ran (stdout stays the findings, empty, for scripts).
                let ok = staged ? Message(.validateOkStaged) : range != nil ? Message(.validateOkCommits, ["count": .number(reports.count)])
                    : Message(all ? .validateOkAll : .validateOkHead)
                printError(Speech.say(ok))
            }
        }
        if reports.contains(where: \.hasErrors) { throw ExitCode(1) }
    }
}
