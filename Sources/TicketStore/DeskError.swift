import GitKit
import TicketCore

/// Why a desk operation was refused. Each case reads as one line a user can act on.
public enum DeskError: Error, Equatable, CustomStringConvertible {
    case notARepository(String)
    case notADesk(String)
    case alreadyADesk(String)
    /// `gitdesk init` was killed before it finished (its marker is still there).
    case initInterrupted(String)
    case detachedHead
    case unbornBranch
    case bareRepository
    case configuration(ConfigurationError)
    case unknownTicket(String)
    case ambiguousTicket(String, [String])
    case unreadableTicket(path: String, line: Int, String)
    case unknownOperator(String)
    case noOperator
    case invalidChange([Finding])
    case uncommittedChanges(String)
    case nothingChanged(String)
    case busy(String)
    /// A write waited its bounded time for another live writer's lock; the message names the holder.
    case lockWait(String)
    /// A branch's lock file that gitdesk did not leave (or cannot prove it
    /// left) keeps every write out: `ref`, the lock file, its age in seconds.
    case refLocked(ref: String, lockFile: String, seconds: Int)
    case git(String)
    case invalidInput(String)
    /// The workflow refused the operation (illegal transition, role, reason...).
    case workflow(WorkflowError)
    /// A write at a time other than the clock's (GITDESK_NOW) by someone without the `backdate` permission.
    case backdateNotAllowed(handle: String, time: Timestamp, clock: Timestamp, roles: [String])

    public var description: String {
        switch self {
        case .notARepository(let path):
            return "\(path) is not a git repository (run 'gitdesk init \(path)' to make a desk there)"
        case .notADesk(let path):
            return "\(path) is a git repository but not a gitdesk desk (no .gitdesk/config.yaml at HEAD; run 'gitdesk init')"
        case .initInterrupted(let path):
            return "\(path) is a desk whose `gitdesk init` was interrupted; run `gitdesk init \(path)` again to finish it"
        case .alreadyADesk(let path):
            return "\(path) is already a gitdesk desk (.gitdesk/config.yaml exists); nothing was changed"
        case .detachedHead:
            return "HEAD is detached: check out a branch (git switch main) before changing tickets"
        case .unbornBranch:
            return "the branch has no commits yet: run 'gitdesk init' first"
        case .bareRepository:
            return "this is a bare repository: clone it to work on tickets"
        case .configuration(let error):
            return error.description
        case .unknownTicket(let query):
            return "no ticket matches '\(query)'"
        case .ambiguousTicket(let query, let candidates):
            let shown = candidates.prefix(8).joined(separator: ", ")
            return "'\(query)' is ambiguous: it matches \(candidates.count) tickets (\(shown)\(candidates.count > 8 ? ", ..." : ""))"
        case .unreadableTicket(let path, let line, let message):
            return "\(path):\(line): \(message)"
        case .unknownOperator(let who):
            return "'\(who)' is not on the roster (team.yaml): ask an admin to add you, or set git config user.email to your address there (or name yourself with --as YOUR-HANDLE)"
        case .noOperator:
            return "who is acting? pass --as HANDLE, set GITDESK_OPERATOR, or set git config user.email to an address in team.yaml"
        case .invalidChange(let findings):
            guard let first = findings.first else { return "the change is invalid" }
            let more = findings.count > 1 ? " (and \(findings.count - 1) more)" : ""
            return "\(first.message) [\(first.rule)]\(more)"
        case .uncommittedChanges(let path):
            return "\(path) has uncommitted changes: commit or discard them (git checkout -- \(path)) first"
        case .nothingChanged(let id):
            return "\(id): nothing to change"
        case .lockWait(let message):
            return message
        case .busy(let what):
            return "another writer kept \(what) busy; nothing was written, try again"
        case .refLocked(let ref, let lockFile, let seconds):
            return "\(ref) is locked by another program: \(lockFile) has existed for \(seconds) s; nothing was written; "
                + "if no git command is running, remove that file and try again"
        case .git(let message):
            return "git: \(message)"
        case .invalidInput(let message):
            return message
        case .workflow(let error):
            return error.description
        case .backdateNotAllowed(let handle, let time, let clock, let roles):
            let gap = SLAMeasure.format(seconds: abs(time.seconds - clock.seconds))
            let way = time < clock ? "before" : "after"
            return "\(handle) may not write at \(time.shortDisplay) (GITDESK_NOW), \(gap) \(way) the clock (\(clock.shortDisplay)): writing another time than the clock's needs the backdate permission (\(roles.joined(separator: " or ")) in workflow.yaml); unset GITDESK_NOW, or ask someone who holds it"
        }
    }
}

extension DeskError {
    /// Wraps a libgit2 failure.
    static func from(_ error: any Error) -> DeskError {
        if let d = error as? DeskError { return d }
        if let c = error as? ConfigurationError { return .configuration(c) }
        if let w = error as? WorkflowError { return .workflow(w) }
        if let g = error as? GitError {
            switch g.code {
            case .locked: return .busy("the repository (\(g.message))")
            case .owner: return .git("\(g.message) (the repository belongs to another user; see git's safe.directory)")
            default: return .git(g.message)
            }
        }
        return .git(String(describing: error))
    }
}
