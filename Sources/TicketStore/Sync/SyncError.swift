import TicketCore

/// Why `clone`, `sync` or `status` stopped. Each reads as one line a person can act on.
public enum SyncError: Error, Equatable, CataloguedMessage {
    case gitMissing
    /// The branch has no remote to sync with.
    case noRemote(branch: String)
    /// git could not reach the remote; git's own last words.
    case unreachable(remote: String, reason: String)
    case cloneFailed(url: String, reason: String)
    case cloneTargetExists(String)
    case notADesk(url: String, reason: String)
    /// The server did not answer within the sync timeout (fetch or push).
    case timedOut(remote: String, step: String, seconds: Double)
    /// The server's hook (or git's receive settings) refused the push.
    /// `serverLines`: what the server printed (`remote:` lines, without the
    /// prefix), `status`: git's word on the ref (`pre-receive hook declined`).
    case pushRefused(remote: String, serverLines: [String], status: String?)
    /// Other pushers kept winning the race.
    case raceLost(tries: Int)
    /// Files outside tickets/ (settings, roster, templates) changed differently on both sides.
    case conflictingFiles([String])
    /// Ticket changes no schema rule could settle.
    case unsettled([String])
    /// The merge result breaks the desk's rules.
    case invalidMerge([Finding])
    /// Tracked files have changes that are not committed.
    case uncommittedChanges([String])
    /// A git merge, rebase or cherry-pick stopped half-way in this clone.
    case operationInProgress(String)
    case detachedHead
    case git(String)
    /// A setting that holds no valid value (`gitdesk.sshReuse`), said from the catalogue.
    case said(Message)

    /// The sentence in the catalogue (zh/en); `description` is its English.
    public var message: Message {
        switch self {
        case .gitMissing:
            return Message(.syncGitMissing)
        case .noRemote(let branch):
            return Message(.syncNoRemote, ["branch": .text(branch)])
        case .unreachable(let remote, let reason):
            return Message(.syncUnreachable, ["remote": .text(remote), "reason": .text(reason)])
        case .timedOut(let remote, let step, let seconds):
            return Message(step == "push" ? .syncTimedOutPush : .syncTimedOutFetch,
                           ["remote": .text(remote), "seconds": .text(Self.seconds(seconds)), "step": .text(step)])
        case .cloneFailed(let url, let reason):
            return Message(.syncCloneFailed, ["url": .text(url), "reason": .text(reason)])
        case .cloneTargetExists(let dir):
            return Message(.syncCloneTargetExists, ["dir": .text(dir)])
        case .notADesk(let url, let reason):
            return Message(.syncNotADesk, ["url": .text(url), "reason": .text(reason)])
        case .pushRefused(let remote, let lines, let status):
            let why = (lines + (status.map { [$0] } ?? [])).map { $0.trimmed() }
            return Self.refusal(remote: remote, why: why.isEmpty ? nil : why.joined(separator: "; "))
        case .raceLost(let tries):
            return Message(.syncRaceLost, ["tries": .number(tries)])
        case .conflictingFiles(let paths):
            return Message(.syncConflictingFiles, ["paths": .texts(paths)])
        case .unsettled(let what):
            return Message(.syncUnsettled, ["what": .text(what.joined(separator: "; "))])
        case .invalidMerge(let findings):
            let first = findings.first.map { "\($0.file):\($0.line): \($0.message) [\($0.rule)]" } ?? "-"
            return Message(.syncInvalidMerge, ["first": .text(first), "more": .andMore(findings.count)])
        case .operationInProgress(let what):
            return Message(.syncOperationInProgress, ["what": .text(what)])
        case .uncommittedChanges(let paths):
            return Message(.syncUncommitted, ["paths": .text(paths.prefix(5).joined(separator: ", ") + (paths.count > 5 ? ", ..." : ""))])
        case .detachedHead:
            return Message(.syncDetachedHead)
        case .git(let message):
            return Message(.syncGit, ["message": .text(message)])
        case .said(let message):
            return message
        }
    }

    /// The verdict on a refused push; `why` is git's word on the ref, or
    /// every reason on one line (nil: the server gave none).
    public static func refusal(remote: String, why: String?) -> Message {
        why.map { Message(.syncPushRefused, ["remote": .text(remote), "why": .text($0)]) }
            ?? Message(.syncPushRefusedSilently, ["remote": .text(remote)])
    }

    static func seconds(_ s: Double) -> String {
        s == s.rounded() ? "\(Int(s)) s" : "\(s) s"
    }
}
