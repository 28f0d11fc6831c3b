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
        let at: Message.Argument = .text(path)
        if let replay = outcome.unresolved.first(where: { $0.rule == "replay-step" }) {
            // One line: the rebase cannot be made valid here; the merge route can.
            say(Message(.mergeNote, ["path": at, "note": .text(replay.note ?? "run git rebase --abort, then gitdesk sync")]))
            throw ExitCode(1)
        }
        for c in outcome.settled {
            say(Message(.mergeSettled, ["path": at, "sentence": .message(ConflictPresenter.sentence(c))]))
        }
        if let reason = outcome.fallbackReason {
            say(Message(.mergeUnreadable, ["path": at, "reason": .text(reason)]))
            throw ExitCode(1)
        }
        if let collision = outcome.unresolved.first(where: { $0.rule == "id-collision" }) {
            // Both tickets stay in the file between git's markers: nothing is lost.
            say(Message(.mergeNote, ["path": at, "note": .text(collision.note ?? "two different tickets share this ID")]))
            throw ExitCode(1)
        }
        guard outcome.unresolved.isEmpty else {
            for c in outcome.unresolved {
                say(Message(.mergeUnsettledField, ["path": at, "field": .text(c.field), "note": .text(c.note ?? "no rule settles it"),
                                                   "ours": .text(c.ours ?? "-"), "theirs": .text(c.theirs ?? "-")]))
            }
            say(Message(.mergeMarkersLeft, ["path": at]))
            throw ExitCode(1)
        }
    }

    /// One line on stderr in the desk's language (read from HEAD's settings
    /// only when there is something to say: a clean merge pays nothing).
    private func say(_ message: Message) {
        if Speech.flag == nil, let repository = try? HookChecks.openRepository(),
           let speech = HookChecks.speech(repository, server: false) {
            Speech.desk(language: speech.language, schema: { speech.schema })
        }
        printError(Speech.say(message))
    }
}
