import TicketCore

/// Why `clone`, `sync` or `status` stopped. Each reads as one line a person can act on.
public enum SyncError: Error, Equatable, CustomStringConvertible {
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

    public var description: String {
        switch self {
        case .gitMissing:
            return "git is not on PATH: gitdesk uses your git to talk to servers"
        case .noRemote(let branch):
            return "\(branch) has no remote to sync with: clone the desk with 'gitdesk clone URL', or run 'git remote add origin URL'"
        case .unreachable(let remote, let reason):
            return "cannot reach \(remote): \(reason)"
        case .timedOut(let remote, let step, let seconds):
            let what = step == "push"
                ? "your commits are kept here; the push either reached it or not, and the next sync finds out"
                : "nothing was changed here"
            return "\(remote) did not answer within \(Self.seconds(seconds)) (\(step)); \(what): check the network, or raise gitdesk.syncTimeout (git config) or --timeout, then run 'gitdesk sync' again"
        case .cloneFailed(let url, let reason):
            return "cannot clone \(url): \(reason)"
        case .cloneTargetExists(let dir):
            return "\(dir) already exists and is not empty: name another directory"
        case .notADesk(let url, let reason):
            return "\(url) is not a gitdesk desk (\(reason)); the clone was removed"
        case .pushRefused(let remote, let lines, let status):
            let why = (lines + (status.map { [$0] } ?? [])).map { $0.trimmed() }
            return Self.refusalVerdict(remote: remote, why: why.isEmpty ? "no reason given" : why.joined(separator: "; "))
        case .raceLost(let tries):
            return "other people kept pushing first (\(tries) tries); nothing is lost: run 'gitdesk sync' again"
        case .conflictingFiles(let paths):
            return "\(paths.joined(separator: ", ")) changed differently here and on the server: a person must decide (edit, commit, then 'git merge' by hand); nothing was merged"
        case .unsettled(let what):
            return "no merge rule settles \(what.joined(separator: "; ")): a person must decide; nothing was merged"
        case .invalidMerge(let findings):
            let first = findings.first.map { "\($0.file):\($0.line): \($0.message) [\($0.rule)]" } ?? "the merge is invalid"
            let more = findings.count > 1 ? " (and \(findings.count - 1) more)" : ""
            return "the merged desk would break its rules: \(first)\(more); nothing was merged"
        case .operationInProgress(let what):
            return "a git \(what) is in progress in this clone: abort it (git \(what) --abort) and run 'gitdesk sync' again, which merges tickets field by field; do not commit conflict markers"
        case .uncommittedChanges(let paths):
            let shown = paths.prefix(5).joined(separator: ", ") + (paths.count > 5 ? ", ..." : "")
            return "uncommitted changes to \(shown): commit or discard them before syncing"
        case .detachedHead:
            return "HEAD is detached: check out a branch (git switch main) before syncing"
        case .git(let message):
            return "git: \(message)"
        }
    }

    /// The one-line verdict on a refused push; `why` is git's word on the
    /// ref, or (as a library error) every reason on one line.
    public static func refusalVerdict(remote: String, why: String) -> String {
        "\(remote) refused the push (\(why)); your commits are kept here: fix them and run 'gitdesk sync' again"
    }

    static func seconds(_ s: Double) -> String {
        s == s.rounded() ? "\(Int(s)) s" : "\(s) s"
    }
}
