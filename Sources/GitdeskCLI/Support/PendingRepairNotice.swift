import TicketCore
import TicketStore

/// The one line read-only commands (status, list, show, validate) print when a
/// gitdesk write was interrupted and `git status` cannot be trusted until
/// `gitdesk repair` (or the next write) brings the files along.
enum PendingRepairNotice {
    static func say(_ pending: InterruptedWrite?) {
        guard let pending else { return }
        printError("gitdesk: " + Speech.say(pending.notice))
    }
}
