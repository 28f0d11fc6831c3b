/// Why a workflow operation was refused; nothing is written. Each case reads
/// as one line a user can act on.
public enum WorkflowError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The table has no transition between the two statuses; `allowed` lists the targets that exist.
    case illegalTransition(from: String, to: String, allowed: [String])
    /// A named operation does not start from the ticket's status; `from` lists where it does.
    case operationNotAllowed(operation: String, status: String, from: [String])
    /// The operator holds none of the roles the action needs.
    case roleNotAllowed(handle: String, action: String, roles: [String])
    /// The action needs a reason (`--reason`).
    case reasonRequired(action: String)
    /// A required argument was empty (e.g. `--solution`).
    case missingValue(field: String)
    /// A value is not among the allowed keys.
    case unknownValue(field: String, value: String, allowed: [String])
    /// A handle is not on the roster.
    case notOnRoster(handle: String)
    /// A satisfaction rating outside 1–5.
    case ratingOutOfRange(Int)
    /// The ticket has no deadline to extend.
    case noDeadline
    /// An extension must be asked for at least `notice` before the deadline.
    case extensionTooLate(due: String, latest: String)
    /// The new deadline must lie after the current one.
    case extensionNotLater(until: String, due: String)
    /// An extension is already waiting for approval.
    case extensionPending(until: String)
    /// `approve` with no extension waiting.
    case nothingToApprove
    /// The ticket is already archived.
    case alreadyArchived(at: String)
    /// Archiving works on these statuses only.
    case notArchivable(status: String, statuses: [String])
    /// `contact --done N` names no open follow-up.
    case noOpenFollowUp(number: Int)
    /// Sweep found nothing overdue to flag (not overdue, or flagged already).
    case notOverdue
    /// The ticket has no status, or a status the workflow does not know.
    case unknownStatus(String)
    /// The result failed validation (the first finding is the message).
    case rejected([Finding])
    /// The operation would change nothing (e.g. assigning the handler the ticket has).
    case nothingToChange(String)
    /// `set` on a field a workflow step owns (status, satisfaction, due, ...).
    case ownedByStep(field: String, command: String)
    /// `set` on a field the schema does not have.
    case unknownField(key: String, fields: [String])
    /// A value that does not fit its field.
    case invalidValue(field: String, problem: String)

    /// How an operation reads in "X may not ...": most are verbs already.
    public static func phrase(_ operation: String) -> String {
        ["priority": "change a recorded ticket's priority", "backdate": "write at a time other than the clock's",
         "delete": "delete a ticket file", "create": "record tickets", "contact": "log contacts",
         "sweep": "run sweep", "request_info": "ask for information"][operation] ?? operation
    }

    /// The command-line option that fills a field, for refusals that miss it.
    static let optionFilling = [
        "root_cause": "--root-cause", "solution": "--solution", "satisfaction": "gitdesk confirm --rating",
        "description": "--description", "assignee": "gitdesk assign", "module": "--module",
    ]

    public var description: String {
        switch self {
        case .illegalTransition(let from, let to, let allowed):
            let options = allowed.isEmpty ? "none (the status is final)" : allowed.joined(separator: ", ")
            return "cannot move from \(from) to \(to); allowed from \(from): \(options)"
        case .operationNotAllowed(let op, let status, let from):
            return "cannot \(op) a ticket that is \(status); \(op) works from: \(from.joined(separator: ", "))"
        case .roleNotAllowed(let handle, let action, let roles):
            return "\(handle) may not \(Self.phrase(action)): it needs the role \(roles.joined(separator: " or "))"
        case .reasonRequired(let action):
            return "\(action) needs a reason (--reason)"
        case .missingValue(let field):
            return "\(field) must not be empty"
        case .unknownValue(let field, let value, let allowed):
            return "'\(value)' is not a \(field) (\(allowed.joined(separator: ", ")))"
        case .notOnRoster(let handle):
            return "'\(handle)' is not on the roster (team.yaml)"
        case .ratingOutOfRange(let n):
            return "rating \(n) is outside 1–5 (5 满意, 3 一般, 1 不满意)"
        case .noDeadline:
            return "the ticket has no due time to extend"
        case .extensionTooLate(let due, let latest):
            return "too late to ask for an extension: the ticket is due \(due); ask by \(latest) (4 h before) or escalate to a supervisor"
        case .extensionNotLater(let until, let due):
            return "the new due time \(until) must be after the current one (\(due))"
        case .extensionPending(let until):
            return "an extension until \(until) is already waiting for a supervisor (approve or approve --reject)"
        case .nothingToApprove:
            return "no extension is waiting for approval"
        case .alreadyArchived(let at):
            return "the ticket was archived at \(at)"
        case .notArchivable(let status, let statuses):
            return "a ticket that is \(status) cannot be archived; archive works on: \(statuses.joined(separator: ", "))"
        case .noOpenFollowUp(let n):
            return "contact \(n) has no open follow-up"
        case .notOverdue:
            return "the ticket is not overdue, or is flagged already"
        case .unknownStatus(let s):
            return "the ticket's status '\(s)' is not in the workflow"
        case .ownedByStep(let field, let command):
            return "\(field) is not changed with set: use \(command)"
        case .unknownField(let key, let fields):
            return "unknown field '\(key)' (fields: \(fields.joined(separator: ", ")))"
        case .invalidValue(let field, let problem):
            return "\(field): \(problem)"
        case .nothingToChange(let what):
            return "nothing to change: \(what)"
        case .rejected(let findings):
            guard let f = findings.first else { return "the change was refused by validation" }
            let more = findings.count > 1 ? " (and \(findings.count - 1) more)" : ""
            // A missing field a command option fills: say which option.
            let hint = f.rule == "required-field" ? f.field.flatMap { Self.optionFilling[$0] }.map { "; give it with \($0)" } ?? "" : ""
            return "\(f.rule): \(f.message)\(hint)\(more)"
        }
    }
}
