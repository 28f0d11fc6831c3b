/// Why a workflow operation was refused; nothing is written. Each case reads
/// as one line a user can act on.
public enum WorkflowError: Error, Equatable, Sendable, CataloguedMessage {
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
    case extensionTooLate(due: String, latest: String, notice: Int64)
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
    case invalidValue(field: String, problem: Message)

    /// How an operation reads in "X may not ..." (English).
    public static func phrase(_ operation: String) -> String {
        MessageCatalogue.operation(operation, .en, nil)
    }

    /// The command that fills a field, for refusals that miss it (whichever
    /// command was refused: `move` to awaiting_confirmation cannot fill them).
    static let optionFilling = [
        "root_cause": "gitdesk resolve ID --solution S --root-cause S", "solution": "gitdesk resolve ID --solution S",
        "satisfaction": "gitdesk confirm ID --rating 1..5", "description": "gitdesk set ID description=…",
        "assignee": "gitdesk assign ID HANDLE", "module": "gitdesk set ID module=…",
    ]

    public var message: Message {
        switch self {
        case .illegalTransition(let from, let to, let allowed):
            let options: Message.Argument = allowed.isEmpty ? .message(Message(.listNoneFinal)) : .statuses(allowed)
            return Message(.illegalTransition, ["from": .status(from), "to": .status(to), "allowed": options])
        case .operationNotAllowed(let op, let status, let from):
            return Message(.operationNotAllowed, ["operation": .operation(op), "status": .status(status), "from": .statuses(from)])
        case .roleNotAllowed(let handle, let action, let roles):
            return Message(.roleNotAllowed, ["handle": .text(handle), "operation": .operation(action), "roles": .roles(roles)])
        case .reasonRequired(let action):
            return Message(.reasonRequired, ["operation": .operation(action)])
        case .missingValue(let field):
            return Message(.missingValue, ["field": .field(field)])
        case .unknownValue(let field, let value, let allowed):
            return Message(.unknownValue, ["field": .field(field), "value": .text(value), "allowed": .values(enumName: field, keys: allowed)])
        case .notOnRoster(let handle):
            return Message(.notOnRoster, ["handle": .text(handle)])
        case .ratingOutOfRange(let n):
            return Message(.ratingOutOfRange, ["rating": .number(n)])
        case .noDeadline:
            return Message(.noDeadline)
        case .extensionTooLate(let due, let latest, let notice):
            return Message(.extensionTooLate, ["due": .text(due), "latest": .text(latest), "notice": .duration(notice)])
        case .extensionNotLater(let until, let due):
            return Message(.extensionNotLater, ["until": .text(until), "due": .text(due)])
        case .extensionPending(let until):
            return Message(.extensionPending, ["until": .text(until)])
        case .nothingToApprove:
            return Message(.nothingToApprove)
        case .alreadyArchived(let at):
            return Message(.alreadyArchived, ["time": .text(at)])
        case .notArchivable(let status, let statuses):
            return Message(.notArchivable, ["status": .status(status), "statuses": .statuses(statuses)])
        case .noOpenFollowUp(let n):
            return Message(.noOpenFollowUp, ["number": .number(n)])
        case .notOverdue:
            return Message(.notOverdue)
        case .unknownStatus(let s):
            return Message(.unknownStatus, ["status": .text(s)])
        case .ownedByStep(let field, let command):
            return Message(.ownedByStep, ["field": .field(field), "command": .text(command)])
        case .unknownField(let key, let fields):
            return Message(.unknownField, ["key": .text(key), "fields": .texts(fields)])
        case .invalidValue(let field, let problem):
            return Message(.invalidValue, ["field": .field(field), "problem": .message(problem)])
        case .nothingToChange(let what):
            return Message(.nothingToChange, ["what": .text(what)])
        case .rejected(let findings):
            guard let f = findings.first else { return Message(.rejectedEmpty) }
            // A missing field a command option fills: say which option.
            let option = f.rule == "required-field" ? f.field.flatMap { Self.optionFilling[$0] } : nil
            let hint: Message.Argument = .messages(option.map { [Message(.giveItWith, ["option": .text($0)])] } ?? [])
            return Message(.rejected, ["rule": .text(f.rule), "finding": .finding(f), "hint": hint, "more": .andMore(findings.count)])
        }
    }
}
