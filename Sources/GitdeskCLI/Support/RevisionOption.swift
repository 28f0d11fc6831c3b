import ArgumentParser
import TicketCore
import TicketStore

/// `--at REV` for the commands that read tickets (`list`, `search`, `show`, `export`).
struct RevisionOption: ParsableArguments {
    @Option(help: ArgumentHelp("Answer as of this revision: a commit, branch, tag, main@{2026-11-01}, or YYYY-MM-DD (the last commit before that day).",
                               valueName: "REV"))
    var at: String?

    /// The desk as of `--at` and the moment its time-relative filters (overdue, SLA) are judged at:
    /// the revision's commit time (never later than the clock); the desk and `now` as they are without `--at`.
    func apply(to desk: Desk, now: Timestamp) throws(DeskError) -> (desk: Desk, now: Timestamp) {
        guard let at else { return (desk, now) }
        let (past, committed) = try desk.at(revision: at)
        return (past, committed.seconds < now.seconds ? past.timeZone.localise(committed) : now)
    }
}
