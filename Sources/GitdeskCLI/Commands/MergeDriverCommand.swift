import ArgumentParser
import TicketCore
import TicketStore

/// `gitdesk merge-driver %O %A %B %P`: what git runs to merge a ticket file.
struct MergeDriverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: "Merge one ticket file field by field (git runs this; registered as merge.gitdesk.driver).",
        discussion: """
            Fields changed on one side are taken, the logs are united in time order, and a field \
            changed differently on both sides is settled by its merge rule (fields.yaml), reported \
            here and logged in the ticket as a 'Conflict:' entry. Exit 0: merged into OURS. Exit 1: \
            no rule settles a field (or the result would be invalid); OURS holds git's conflict \
            markers for a person to resolve.
            """
    )

    @Argument(help: "The common ancestor's version (%O; empty when added on both sides).") var base: String
    @Argument(help: "Our version (%A); the result is written here.") var ours: String
    @Argument(help: "Their version (%B).") var theirs: String
    @Argument(help: "The file's path in the desk (%P).") var path: String = "ticket"

    func run() throws {
        let outcome = try MergeDriver.run(base: base, ours: ours, theirs: theirs, path: path)
        if let replay = outcome.unresolved.first(where: { $0.rule == "replay-step" }) {
            // One line: the rebase cannot be made valid here; the merge route can.
            printError("gitdesk merge: \(path): \(replay.note ?? "run git rebase --abort, then gitdesk sync")")
            throw ExitCode(1)
        }
        for c in outcome.settled {
            printError("gitdesk merge: \(path): \(ConflictPresenter.sentence(c)) (settled, logged as a Conflict entry)")
        }
        if let reason = outcome.fallbackReason {
            printError("gitdesk merge: \(path): not a readable ticket on every side (\(reason)); left git's conflict markers: fix the file, then git add it")
            throw ExitCode(1)
        }
        if let collision = outcome.unresolved.first(where: { $0.rule == "id-collision" }) {
            // Both tickets stay in the file between git's markers: nothing is lost.
            printError("gitdesk merge: \(path): \(collision.note ?? "two different tickets share this ID")")
            throw ExitCode(1)
        }
        guard outcome.unresolved.isEmpty else {
            for c in outcome.unresolved {
                printError("gitdesk merge: \(path): \(c.field): \(c.note ?? "no rule settles it") (ours \(c.ours ?? "-"), theirs \(c.theirs ?? "-"))")
            }
            printError("gitdesk merge: \(path): left git's conflict markers; edit the file to keep one value, then git add it")
            throw ExitCode(1)
        }
    }
}
