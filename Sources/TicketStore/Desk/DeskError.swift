import GitKit
import TicketCore

/// Why a desk operation was refused. Each case reads as one line a user can act on.
public enum DeskError: Error, Equatable, CataloguedMessage {
    case notARepository(String)
    case notADesk(String)
    case alreadyADesk(String)
    /// HEAD's branch does not resolve but the repository had its history
    /// (``LostBranch``): `file` is the refs file to blame, `repair` the commands.
    case branchLost(path: String, branch: String, file: String, repair: String)
    /// `init` over such a repository, without `--force`.
    case initOverHistory(path: String, branch: String, file: String, repair: String)
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
    /// A handle from `--as` (`flag`) or GITDESK_OPERATOR that team.yaml does not list.
    case unknownHandle(String, fromFlag: Bool)
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
    /// `.git/index.lock` stayed past the lock timeout: the file, its age in
    /// seconds, and the process holding it open when one does (`pid 42 (git)`).
    case indexLocked(lockFile: String, seconds: Int, holder: String?)
    /// `GITDESK_LOCK_TIMEOUT` or `gitdesk.lockTimeout` holds no number of seconds in range.
    case lockTimeoutInvalid(source: String, value: String)
    case git(String)
    case invalidInput(String)
    /// Bad input, its words from the catalogue (``invalidInput`` holds older English sentences).
    case said(Message)
    /// Personal data where strict privacy refuses it (shown masked only).
    case privacy(PrivacyError)
    /// The workflow refused the operation (illegal transition, role, reason...).
    case workflow(WorkflowError)
    /// A write at a time other than the clock's (GITDESK_NOW) by someone without the `backdate` permission.
    case backdateNotAllowed(handle: String, time: Timestamp, clock: Timestamp, roles: [String])

    public var message: Message {
        switch self {
        case .notARepository(let path): return Message(.notARepository, ["path": .text(path)])
        case .notADesk(let path): return Message(.notADesk, ["path": .text(path)])
        case .alreadyADesk(let path): return Message(.alreadyADesk, ["path": .text(path)])
        case .branchLost(let path, let branch, let file, let repair):
            return Message(.branchLost, ["path": .text(path), "branch": .text(branch), "file": .text(file), "repair": .text(repair)])
        case .initOverHistory(let path, let branch, let file, let repair):
            return Message(.initOverHistory, ["path": .text(path), "branch": .text(branch), "file": .text(file), "repair": .text(repair)])
        case .detachedHead: return Message(.detachedHead)
        case .unbornBranch: return Message(.unbornBranch)
        case .bareRepository: return Message(.bareRepository)
        case .initInterrupted(let path): return Message(.initInterrupted, ["path": .text(path)])
        case .configuration(let error):
            // Problems of a settings file name its keys and lines: said as read.
            return Message(.verbatim, ["text": .text(error.description)])
        case .unknownTicket(let query): return Message(.unknownTicket, ["query": .text(query)])
        case .ambiguousTicket(let query, let candidates):
            return Message(candidates.count > 8 ? .ambiguousTicketMore : .ambiguousTicket,
                           ["query": .text(query), "count": .number(candidates.count), "shown": .texts(Array(candidates.prefix(8)))])
        case .unreadableTicket(let path, let line, let problem):
            return Message(.unreadableTicket, ["path": .text(path), "line": .number(line), "problem": .text(problem)])
        case .unknownOperator(let who): return Message(.unknownOperator, ["who": .text(who)])
        case .unknownHandle(let who, let fromFlag):
            return Message(fromFlag ? .unknownOperatorFlag : .unknownOperatorVariable, ["who": .text(who)])
        case .noOperator: return Message(.noOperator)
        case .invalidChange(let findings):
            guard let first = findings.first else { return Message(.invalidChangeEmpty) }
            return Message(.invalidChange, ["finding": .finding(first), "rule": .text(first.rule), "more": .andMore(findings.count)])
        case .uncommittedChanges(let path): return Message(.uncommittedChanges, ["path": .text(path)])
        case .nothingChanged(let id): return Message(.nothingChanged, ["id": .text(id)])
        case .busy(let what): return Message(.busy, ["what": .text(what)])
        case .lockWait(let message): return Message(.verbatim, ["text": .text(message)])
        case .refLocked(let ref, let lockFile, let seconds):
            return Message(.refLocked, ["ref": .text(ref), "lockFile": .text(lockFile), "seconds": .number(seconds)])
        case .indexLocked(let lockFile, let seconds, let holder):
            if let holder {
                return Message(.indexLockedBy, ["lockFile": .text(lockFile), "seconds": .number(seconds), "holder": .text(holder)])
            }
            return Message(.indexLocked, ["lockFile": .text(lockFile), "seconds": .number(seconds)])
        case .lockTimeoutInvalid(let source, let value):
            return Message(.lockTimeoutInvalid, ["source": .text(source), "value": .text(value),
                                                 "maximum": .number(Int(LockTimeout.maximum))])
        case .git(let problem):
            // A full, read-only or foreign disk: what to do, not libgit2's words.
            return DiskTrouble.message(for: problem) ?? Message(.gitFailure, ["problem": .text(problem)])
        case .invalidInput(let message): return Message(.verbatim, ["text": .text(message)])
        case .said(let message): return message
        case .workflow(let error): return error.message
        case .privacy(let error): return error.message
        case .backdateNotAllowed(let handle, let time, let clock, let roles):
            let gap = SLAMeasure.format(seconds: abs(time.seconds - clock.seconds))
            return Message(time < clock ? .backdateBefore : .backdateAfter,
                           ["handle": .text(handle), "time": .text(time.shortDisplay), "gap": .text(gap),
                            "clock": .text(clock.shortDisplay), "roles": .roles(roles)])
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
