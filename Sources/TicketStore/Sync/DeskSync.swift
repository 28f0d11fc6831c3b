import Foundation
import GitKit
import TicketCore

/// What one `gitdesk sync` did.
public struct SyncReport: Sendable {
    /// `origin/main`.
    public var upstream: String = ""
    /// Commits that came from the server and were not here before.
    public var incoming = 0
    /// Commits pushed to the server.
    public var pushed = 0
    /// The merge commit, when one was made (nil: fast-forward or nothing to merge).
    public var mergeCommit: String?
    /// True when the branch simply moved to the server's commit.
    public var fastForwarded = false
    /// Tickets renamed because the server had their ID: (old, new).
    public var renamed: [(old: String, new: String)] = []
    /// The conflicts the merge settled, one line each.
    public var settled: [String] = []
    /// How many times the push lost the race to another pusher.
    public var retries = 0

    /// True when there was nothing to fetch, merge or push.
    public var nothingToDo: Bool { incoming == 0 && pushed == 0 && renamed.isEmpty && mergeCommit == nil }
}

/// `gitdesk sync`: fetch, merge, validate, push — the transport by the user's
/// git, the merge in-process.
///
/// Local state changes only under the desk's write lock and only by
/// compare-and-swap of the branch, so a sync killed at any point leaves the
/// clone consistent: before the swap nothing visible changed (new objects are
/// unreachable), after it the journal of ``WorkingCopySync`` lets the next
/// sync bring the working tree along. A push the server refuses leaves the
/// local branch as it is; a push that loses the race to another pusher is
/// fetched, merged and tried again, up to `maxTries` times.
public struct DeskSync {
    public let desk: Desk
    public let person: Person
    public let now: Timestamp
    public var maxTries = 5
    /// Seconds one fetch or push may take before it is stopped (nil: ``configuredTimeout``).
    public var timeout: Double?

    /// The default bound on one fetch or push, in seconds.
    public static let defaultTimeout: Double = 60

    public init(desk: Desk, person: Person, now: Timestamp) {
        self.desk = desk
        self.person = person
        self.now = now
    }

    var repository: Repository { desk.repository }

    public func run() throws(SyncError) -> SyncReport {
        // A rebase stopped half-way detaches HEAD: say to abort it, not to switch branch.
        try refuseOperationInProgress()
        guard let branch = desk.branch else { throw .detachedHead }
        guard let workdir = repository.workdir else { throw .git("sync needs a clone with a working tree, not a bare repository") }
        _ = try SSHReuse.enabled(repository)
        let upstream: Upstream
        do {
            guard let found = try Upstream.of(branch: branch, in: repository) else {
                throw SyncError.noRemote(branch: String(branch.dropFirst("refs/heads/".count)))
            }
            upstream = found
        } catch let error as SyncError { throw error } catch { throw .git(String(describing: error)) }
        var git = GitRunner(directory: workdir)
        let sharing = SSHReuse.start(repository: repository, remote: upstream.remote)
        defer { sharing?.finish() }
        if let sharing { git.environment["GIT_SSH_COMMAND"] = sharing.command }
        var report = SyncReport(upstream: upstream.displayName)
        let limit: Double
        if let timeout { limit = timeout } else { limit = try Self.configuredTimeout(repository) }

        try underLock { try prepare(branch: branch, git: git) }
        // A clone made by plain git clone: fetch the server's arrival stamps too.
        do { try ArrivalNotes.configureFetch(in: repository, remote: upstream.remote) } catch { throw .git(error.description) }
        StartupTrace.mark("sync: repair + status")
        for attempt in 1...maxTries {
            try fetch(upstream, git: git, timeout: limit)
            StartupTrace.mark("sync: fetch")
            let tip = try underLock { try integrate(branch: branch, upstream: upstream, report: &report) }
            StartupTrace.mark("sync: merge, validate, branch, working tree")
            let theirs = try target(upstream.trackingRef)
            if tip == theirs { return finished(report) }
            let ahead = (try? repository.commits(from: [tip], hiding: theirs.map { [$0] } ?? []).count) ?? 0
            let pushed = try push(tip, to: upstream, git: git, timeout: limit)
            StartupTrace.mark("sync: push")
            switch pushed {
            case .pushed:
                report.pushed = ahead
                return finished(report)
            case .raced:
                report.retries = attempt
                usleep(UInt32.random(in: 20_000...(100_000 * UInt32(attempt))))
            }
        }
        throw .raceLost(tries: maxTries)
    }

    /// Packs loose objects in the background when they pile up, as gitdesk's writes do.
    private func finished(_ report: SyncReport) -> SyncReport {
        Maintenance.afterWrite(gitDir: repository.gitDir)
        return report
    }

    // MARK: Steps

    /// Repairs what a killed sync left, then checks that no tracked file has uncommitted changes.
    private func prepare(branch: String, git: GitRunner) throws(SyncError) {
        try WorkingCopySync(repository: repository).recover(branch: branch)
        try refuseOperationInProgress()
        let status = try git.run(["--no-optional-locks", "status", "--porcelain", "--untracked-files=no", "-z"])
        guard status.succeeded else { throw .git(status.errorLines.last ?? "git status failed") }
        let dirty = status.stdout.split(separator: "\0").map { String($0.dropFirst(3)) }.filter { !$0.isEmpty }
        if !dirty.isEmpty { throw .uncommittedChanges(dirty) }
    }

    /// A `git pull` / `git merge` / `git rebase` stopped half-way: committing it
    /// is what goes wrong next, so sync asks for it to be aborted first.
    private func refuseOperationInProgress() throws(SyncError) {
        for marker in ["MERGE_HEAD", "rebase-merge", "rebase-apply", "CHERRY_PICK_HEAD"]
        where FileManager.default.fileExists(atPath: repository.gitDir + "/" + marker) {
            throw .operationInProgress(marker == "MERGE_HEAD" ? "merge" : marker == "CHERRY_PICK_HEAD" ? "cherry-pick" : "rebase")
        }
    }

    /// `gitdesk.syncTimeout` from git's config (seconds), else ``defaultTimeout``.
    public static func configuredTimeout(_ repository: Repository) throws(SyncError) -> Double {
        guard let text = (try? repository.configString("gitdesk.syncTimeout")) ?? nil else { return defaultTimeout }
        guard let value = Double(text.trimmed()), value > 0, value.isFinite else {
            throw .git("gitdesk.syncTimeout is '\(text)': give a number of seconds, e.g. git config gitdesk.syncTimeout 60")
        }
        return value
    }

    private func fetch(_ upstream: Upstream, git: GitRunner, timeout: Double) throws(SyncError) {
        StaleLock.clear(repository.gitDir + "/" + upstream.trackingRef + ".lock")
        // No automatic gc inside the fetch: a repack killed with the sync must not
        // race the merge's objects; gitdesk's own maintenance runs after a sync.
        let result = try git.run(["-c", "gc.auto=0", "-c", "maintenance.auto=false",
                                  "fetch", "--quiet", "--no-write-fetch-head", upstream.remote], timeout: timeout)
        if result.timedOut { throw .timedOut(remote: upstream.remote, step: "fetch", seconds: timeout) }
        guard result.succeeded else {
            throw .unreachable(remote: upstream.remote, reason: Self.gitReason(result))
        }
    }

    /// Merges the fetched tip into the branch (or fast-forwards); returns the branch's new tip.
    private func integrate(branch: String, upstream: Upstream, report: inout SyncReport) throws(SyncError) -> ObjectID {
        do {
            guard let ours = try repository.referenceTarget(branch) else { throw SyncError.git("\(branch) has no commits") }
            guard let theirs = try repository.referenceTarget(upstream.trackingRef) else { return ours }  // an empty server
            if try repository.isAncestor(theirs, of: ours) { return ours }
            report.incoming += try repository.commits(from: [theirs], hiding: [ours]).count
            if try repository.isAncestor(ours, of: theirs) {
                try move(branch, from: ours, to: theirs, message: "gitdesk sync: fast-forward to \(upstream.displayName)")
                report.fastForwarded = true
                return theirs
            }
            guard let base = try repository.mergeBase(ours, theirs) else {
                throw SyncError.git("\(branch) and \(upstream.displayName) share no history: they are not the same desk")
            }
            let collisions = IDCollisions(repository: repository, schema: desk.schema, prefix: desk.config.prefix,
                                          person: person, now: now)
            let (renamedTip, renamed) = try collisions.settle(base: base, ours: ours, theirs: theirs)
            report.renamed += renamed.map { ($0.old, $0.new) }
            let merge = TreeMerge(repository: repository, schema: desk.schema, operatorHandle: person.handle, now: now)
            let outcome = try merge.merge(base: base, ours: renamedTip, theirs: theirs)
            let signature = Signature(name: person.name, email: person.email, time: now.seconds, offsetMinutes: now.offsetMinutes)
            StartupTrace.mark("sync: tree merge")
            let check = try CommitValidator(repository: repository)
                .validate(pendingTree: outcome.tree, parents: [renamedTip, theirs], author: signature)
            let errors = check.findings.filter { $0.severity == .error }
            if !errors.isEmpty { throw SyncError.invalidMerge(errors) }
            StartupTrace.mark("sync: validate the merge")
            let commit = try repository.createCommit(tree: outcome.tree, parents: [renamedTip, theirs], author: signature,
                                                     committer: signature, message: Self.mergeMessage(upstream, outcome.settled))
            try move(branch, from: ours, to: commit, message: "gitdesk sync: merge \(upstream.displayName)")
            report.mergeCommit = commit.hex
            report.settled += outcome.settled.map(\.line)
            return commit
        } catch let error as SyncError {
            throw error
        } catch let error as DeskError {
            throw .git(error.description)
        } catch {
            throw .git(String(describing: error))
        }
    }

    /// Moves the branch by compare-and-swap (under the desk's lock nothing
    /// else of gitdesk moves it) and brings the working tree along.
    private func move(_ branch: String, from old: ObjectID, to new: ObjectID, message: String) throws {
        let working = WorkingCopySync(repository: repository)
        try working.begin(from: old, to: new)
        var tries = 0
        while true {
            do {
                try repository.updateReference(branch, to: new, expecting: old, message: message)
                break
            } catch let error as GitError where error.code == .locked && tries < 100 {
                // A ref lock that outlives a second under the desk's lock was left by a killed process.
                tries += 1
                usleep(10_000)
                if tries == 100 { StaleLock.clear(repository.gitDir + "/" + branch + ".lock", wait: false) }
            } catch {
                working.cancel()
                throw error
            }
        }
        try working.apply(from: old, to: new)
    }

    private enum PushOutcome { case pushed, raced }

    private func push(_ tip: ObjectID, to upstream: Upstream, git: GitRunner, timeout: Double) throws(SyncError) -> PushOutcome {
        // --no-thin: a thin pack makes git look for delta bases in the server's
        // trees (10k tickets: ~1 s of pack-objects for 100 changes on a loaded
        // machine, and the server's index-pack then completes the pack); the
        // full pack of 100 changed tickets is a few hundred KB more at most.
        let result = try git.run(["push", "--porcelain", "--no-thin", upstream.remote, "\(tip.hex):\(upstream.remoteBranch)"], timeout: timeout)
        if result.timedOut { throw .timedOut(remote: upstream.remote, step: "push", seconds: timeout) }
        let status = result.stdout.split(separator: "\n").first { $0.contains("\t\(tip.hex):") || $0.contains(":\(upstream.remoteBranch)\t") }
        if result.succeeded { return .pushed }
        // A lock file left on the server (`Unable to create ...lock: File exists`) is no race: report it.
        let staleServerLock = result.stderr.contains(".lock': File exists")
        if let status, status.hasPrefix("!"), Self.isRace(status), !staleServerLock { return .raced }
        // The server's own lines, as it wrote them (one space after `remote:` dropped).
        let remoteLines = result.stderr.split(whereSeparator: \.isNewline)
            .filter { $0.hasPrefix("remote:") }
            .map { line -> String in
                var text = line.dropFirst("remote:".count)
                if text.hasPrefix(" ") { text = text.dropFirst() }
                while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
                return String(text)
            }
            .filter { !$0.trimmed().isEmpty }
        if remoteLines.isEmpty, status == nil {
            throw .unreachable(remote: upstream.remote, reason: Self.gitReason(result))
        }
        let why = status.flatMap { $0.split(separator: "\t").last.map(String.init) }
        throw .pushRefused(remote: upstream.remote, serverLines: remoteLines, status: why)
    }

    // MARK: Helpers

    /// A push refused because the server's branch moved since the fetch:
    /// git saw it (`[rejected] (fetch first)`, `(non-fast-forward)`), or the
    /// server's ref update lost to a concurrent push (`failed to update ref`,
    /// `cannot lock ref`).
    static func isRace(_ status: Substring) -> Bool {
        (status.contains("[rejected]") && (status.contains("fetch first") || status.contains("non-fast-forward")))
            || (status.contains("[remote rejected]") && status.contains("failed to update ref"))
    }

    private func underLock<T>(_ body: () throws -> T) throws(SyncError) -> T {
        let lock: DeskLock
        do { lock = try DeskLock.acquire(gitDir: repository.gitDir, timeout: LockTimeout.configured(repository), zone: desk.timeZone.zone) } catch { throw .git(error.description) }
        defer { withExtendedLifetime(lock) {} }
        do { return try body() } catch let error as SyncError { throw error } catch { throw .git(String(describing: error)) }
    }

    private func target(_ ref: String) throws(SyncError) -> ObjectID? {
        do { return try repository.referenceTarget(ref) } catch { throw .git(String(describing: error)) }
    }

    static func mergeMessage(_ upstream: Upstream, _ settled: [TreeMerge.Settled]) -> String {
        var message = "Sync: merge \(upstream.displayName)\n\n"
        if !settled.isEmpty {
            message += "Settled \(settled.count) conflict\(settled.count == 1 ? "" : "s") by the schema's merge rules:\n"
            message += settled.map { "- " + $0.line.replacingNewlines() + "\n" }.joined() + "\n"
        }
        return message + "Operation: sync\n"
    }

    /// git's last words, without its `fatal:` and hints.
    static func gitReason(_ result: GitRunner.Output) -> String {
        let lines = result.errorLines.filter { !$0.hasPrefix("hint:") }
        let meaningful = lines.filter { !$0.contains("Could not read from remote repository") && !$0.contains("Please make sure you have the correct access") }
        let line = (meaningful.first ?? lines.last ?? "git exited with status \(result.status)")
        return line.hasPrefix("fatal: ") ? String(line.dropFirst(7)) : line
    }
}

/// Lock files a killed git or gitdesk left behind.
enum StaleLock {
    /// Removes `path` if it still exists after `wait` (a second): a live git holds such a lock for milliseconds.
    static func clear(_ path: String, wait: Bool = true) {
        var waited = 0
        while access(path, F_OK) == 0 {
            if !wait || waited >= 100 {
                unlink(path)
                FileHandle.standardError.write(Data("gitdesk: removed a stale lock \(path) left by an interrupted command\n".utf8))
                return
            }
            waited += 1
            usleep(10_000)
        }
    }
}
