import Foundation
import GitKit
import TicketCore

/// The outcome of one change: the commit that records it.
public struct ChangeResult: Sendable {
    public var id: String
    public var path: String
    public var commit: ObjectID
    public var ticket: Ticket
    public var summary: String
    /// The ticket before the change (nil when created).
    public var previous: Ticket?
    /// The `Operation:` trailer of the commit.
    public var operation: String
    /// Personal data typed into the change and stored masked (kinds and masked forms only).
    public var masked: [MaskNote] = []
}

/// One change = one commit.
///
/// The new tree is the branch's current tree plus the one ticket blob (the
/// index is never used to build it, so whatever the user staged stays out);
/// the branch moves by compare-and-swap and the change is recomputed on the
/// new tip when another writer got there first. Afterwards the working file
/// and its index entry are brought to the committed content, so `git status`
/// stays clean. A journal (`.git/gitdesk/pending`) names the file being
/// written so a process that dies half-way is repaired by the next writer.
extension Desk {
    /// How a change is computed from the ticket's current version (nil when
    /// creating): the new version, a one-line summary for the commit message
    /// and the operation for its trailer.
    typealias Step = (Ticket?) throws -> (ticket: Ticket, summary: String, operation: String)

    /// Creates a new ticket file.
    public func create(_ ticket: Ticket, operation: String = "new", by person: Person, at time: Timestamp) throws(DeskError) -> ChangeResult {
        guard let created = ticket.created else { throw .invalidInput("a new ticket needs its created time") }
        let path = TicketPath.path(id: ticket.id, created: created)
        return try write(id: ticket.id, path: path, by: person, at: time, creating: true) { old in
            if old != nil { throw DeskError.said(Message(.ticketExists, ["id": .text(ticket.id)])) }
            return (ticket, "new \(ticket["type"] ?? "ticket"): \(ticket["title"] ?? "")", operation)
        }
    }

    /// Changes an existing ticket.
    public func update(_ query: String, operation: String, by person: Person, at time: Timestamp,
                       _ change: @escaping (Ticket) throws -> (ticket: Ticket, summary: String)) throws(DeskError) -> ChangeResult {
        let (id, path) = try locate(query)
        return try write(id: id, path: path, by: person, at: time, creating: false) { old in
            guard let old else { throw DeskError.unknownTicket(query) }
            let (ticket, summary) = try change(old)
            return (ticket, summary, operation)
        }
    }

    /// Changes an existing ticket by a workflow operation: the engine's
    /// result is written as one commit whose `Operation:` trailer is the
    /// engine's operation. The operation runs again on the new tip if another
    /// writer got there first; a `WorkflowError` it throws becomes
    /// `DeskError.workflow` (nothing written).
    public func apply(_ query: String, by person: Person, at time: Timestamp,
                      _ operation: @escaping (WorkflowEngine, Ticket) throws -> WorkflowResult) throws(DeskError) -> ChangeResult {
        let (id, path) = try locate(query)
        let engine = self.engine
        return try write(id: id, path: path, by: person, at: time, creating: false) { old in
            guard let old else { throw DeskError.unknownTicket(query) }
            let result = try operation(engine, old)
            return (result.ticket, result.summary, result.operation)
        }
    }

    /// The write path shared by every command.
    func write(id: String, path: String, by person: Person, at time: Timestamp,
               creating: Bool, format: DocumentFormat? = nil, _ change: Step) throws(DeskError) -> ChangeResult {
        let format = format ?? .ticket(schema: schema, team: team)
        guard let branch else { throw .detachedHead }
        let backdated = try backdateTrailer(for: time, by: person)
        // The person learns what happened to a write that was cut off (said
        // once this write succeeds, so a refusal stays one line).
        let start = try beginWrite(branch: branch)
        defer { withExtendedLifetime(start.lock) {} }
        let (journal, repaired) = (start.journal, start.repaired)
        // A damaged index is named before anything is committed (git would
        // refuse to update it after the branch moved).
        // The checksum is verified only for an index gitdesk has not seen (IndexCheckStamp).
        let indexStamp = IndexCheckStamp(gitDir: repository.gitDir)
        do {
            let known = indexStamp.isCurrent
            try repository.checkIndexHeader(verifyChecksum: !known)
            if !known { indexStamp.record() }
        } catch { throw DeskError.from(error) }
        // git starts and reads the index while the change is built and committed.
        let index = repository.workdir == nil ? nil : IndexUpdater(repository: repository)
        StartupTrace.mark("lock + journal")

        let signature = Signature(name: person.name, email: person.email, time: time.seconds, offsetMinutes: time.offsetMinutes)
        var attempt = 0
        while true {
            attempt += 1
            do {
                guard let tip = try repository.referenceTarget(branch) else { throw DeskError.unbornBranch }
                let tree = try repository.commit(tip).tree
                let oldBytes = try repository.fileContents(at: path, inTree: tree)
                if attempt == 1 { try checkWorkingCopyIsClean(path: path, committed: oldBytes) }
                var old: ParsedTicket? = nil
                if let oldBytes {
                    do { old = try TicketFile.parse(bytes: oldBytes) } catch {
                        throw DeskError.unreadableTicket(path: path, line: error.line, error.description)
                    }
                } else if !creating {
                    throw DeskError.unknownTicket(id)
                }
                let (changed, rawSummary, operation) = try change(old?.ticket)
                // Privacy before anything is rendered: raw personal data never
                // reaches a git object (not even an unreachable blob).
                let newTicket = try format.prepare(changed, old?.ticket)
                let summary = PrivacyGuard.maskCommitMessage(rawSummary, policy: schema.privacy)
                let text = format.render(newTicket)
                if text.utf8.count > TicketLimits.fileBytes {
                    throw DeskError.invalidInput("\(id) would be \(TicketLimits.describe(bytes: text.utf8.count)) long; "
                        + "a ticket file holds at most \(TicketLimits.describe(bytes: TicketLimits.fileBytes)): shorten the text")
                }
                let parsed: ParsedTicket
                do { parsed = try TicketFile.parse(text) } catch {
                    throw DeskError.invalidInput("internal: rendered ticket does not parse (\(error.description))")
                }
                let findings = format.validate(path, old?.ticket, parsed, person)
                let errors = findings.filter { $0.severity == .error }
                if !errors.isEmpty { throw DeskError.invalidChange(errors) }
                StartupTrace.mark("read, change, render, validate")
                let bytes = Array(text.utf8)
                if let oldBytes, oldBytes == bytes { throw DeskError.nothingChanged(id) }

                let blob = try repository.writeBlob(bytes)
                let newTree = try repository.updatedTree(base: tree, changes: [.upsert(path, blob)])
                let message = format.message(id, summary.replacingNewlines(), operation) + (backdated.map { "\($0)\n" } ?? "")
                let commit = try repository.createCommit(tree: newTree, parents: [tip], author: signature,
                                                         committer: signature, message: message)
                StartupTrace.mark("blob + tree + commit")
                try journal.begin(path: path, ref: branch)
                do {
                    try repository.updateReference(branch, to: commit, expecting: tip, message: "gitdesk \(operation): \(id)")
                } catch let error as GitError where error.code == .modified || error.code == .locked {
                    journal.end()
                    guard attempt < 50 else {
                        if error.code == .locked, let held = RefLockReport(gitDir: repository.gitDir, ref: branch) {
                            throw DeskError.refLocked(ref: branch, lockFile: held.path, seconds: held.age)
                        }
                        throw DeskError.busy(branch)
                    }
                    usleep(UInt32.random(in: 1_000...(5_000 * UInt32(min(attempt, 10)))))
                    continue
                } catch {
                    // The branch did not move (a full or read-only disk): no interrupted write to claim.
                    if (try? repository.referenceTarget(branch)) != commit { journal.end() }
                    throw error
                }
                StartupTrace.mark("move branch (CAS)")
                // The change is committed from here on: a failure to refresh
                // the working copy is a warning, and the journal stays so the
                // next gitdesk write repairs it.
                var synced = false
                do {
                    try writeWorkingFile(path: path, bytes: bytes)
                    index?.stage(path)
                    synced = true
                } catch {
                    warnUnsynced(id: id, path: path, error)
                }
                if format.recordsHistory { HistoryIndex(repository: repository).record(commit: commit, parent: tip, path: path) }
                do {
                    try index?.finish()
                    if index != nil { indexStamp.record() }  // the index git just wrote
                    if synced { journal.end() }
                } catch {
                    warnUnsynced(id: id, path: path, error)
                }
                StartupTrace.mark("working file + index")
                Maintenance.afterWrite(gitDir: repository.gitDir)
                if let repaired {
                    let notice = repaired.render(config.language)
                    FileHandle.standardError.write(Data("gitdesk: \(notice)\n".utf8))
                }
                return ChangeResult(id: id, path: path, commit: commit, ticket: newTicket, summary: summary,
                                    previous: old?.ticket, operation: operation,
                                    masked: format.recordsHistory ? MaskingReport.notes(typed: changed, stored: newTicket, old: old?.ticket) : [])
            } catch let error as DeskError {
                throw error
            } catch {
                throw DeskError.from(error)
            }
        }
    }

    /// What every write starts with, under the desk's write lock: a dead writer's
    /// leftovers cleared, the index free, and what an interrupted write left
    /// repaired (`repaired` says what, to be said once the write succeeds).
    struct WriteStart {
        let lock: DeskLock
        let journal: WriteJournal
        let repaired: Message?
        let lockTimeout: Double
    }

    /// Takes the write lock and repairs what an interrupted write left (``WriteStart``).
    func beginWrite(branch: String) throws(DeskError) -> WriteStart {
        let lockTimeout = try LockTimeout.configured(repository)
        let lock = try DeskLock.acquire(gitDir: repository.gitDir, timeout: lockTimeout, zone: timeZone.zone)
        var lockTakenAt = timespec()
        clock_gettime(CLOCK_REALTIME, &lockTakenAt)
        let journal = WriteJournal(gitDir: repository.gitDir)
        CrashLeftovers.clear(gitDir: repository.gitDir, workdir: repository.workdir, journal: journal.read(),
                             lockTakenAt: lockTakenAt)
        try waitForIndex(timeout: lockTimeout)
        let repaired = try journal.recover(in: repository, branch: branch)
        return WriteStart(lock: lock, journal: journal, repaired: repaired, lockTimeout: lockTimeout)
    }

    /// Waits (up to the lock timeout) while `.git/index.lock` exists, then
    /// refuses before anything is committed: once the branch has moved, the
    /// index must be updated too, or `git status` would show the change
    /// reverted while gitdesk reported a failure (and a retry would repeat it).
    /// A lock nobody holds any more is removed while waiting
    /// (``CrashLeftovers/removeAbandonedIndexLock(gitDir:)``); one still held
    /// is named with its age and holder when the wait gives up.
    func waitForIndex(timeout: Double) throws(DeskError) {
        guard repository.workdir != nil else { return }
        let gitDir = repository.gitDir.hasSuffix("/") ? String(repository.gitDir.dropLast()) : repository.gitDir
        let lock = gitDir + "/index.lock"
        var waited = 0.0
        var pause = 0.005
        while access(lock, F_OK) == 0 {
            if CrashLeftovers.removeAbandonedIndexLock(gitDir: gitDir) { return }
            if waited >= timeout {
                var info = stat()
                let age = stat(lock, &info) == 0 ? max(0, Int(time(nil) - info.st_mtim.tv_sec)) : 0
                throw .indexLocked(lockFile: lock, seconds: age, holder: OpenFiles.holderDescription(of: lock))
            }
            usleep(UInt32(pause * 1_000_000))
            waited += pause
            pause = min(pause * 2, 0.1)
        }
    }

    /// Refuses to overwrite edits the user has not committed to this file.
    ///
    /// The working file must hold exactly what the branch holds. (A change
    /// staged and then undone in the working file is not detected: reading
    /// the whole index costs milliseconds on every command.)
    func checkWorkingCopyIsClean(path: String, committed: [UInt8]?) throws {
        guard let workdir = repository.workdir else { return }
        let full = workdir.hasSuffix("/") ? workdir + path : workdir + "/" + path
        // A working file more than twice the committed size (CRLF at most doubles
        // it) differs for sure: refused without reading it (it may be gigabytes).
        var info = stat()
        if stat(full, &info) == 0, Int(info.st_size) > 2 * (committed?.count ?? 0) + 2 {
            throw DeskError.uncommittedChanges(path)
        }
        let onDisk = FileManager.default.contents(atPath: full).map { [UInt8]($0) }
        guard onDisk != committed else { return }
        // .gitattributes has tickets/** eol=lf: a file that differs only by CRLF
        // line ends is what git itself calls unchanged (git status is clean);
        // the write replaces it with the committed LF text.
        if let onDisk, let committed, Self.withoutCarriageReturnsBeforeNewlines(onDisk) == committed { return }
        throw DeskError.uncommittedChanges(path)
    }

    /// `bytes` with every CR that precedes an LF removed (CRLF → LF).
    static func withoutCarriageReturnsBeforeNewlines(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (i, b) in bytes.enumerated() where !(b == 13 && i + 1 < bytes.count && bytes[i + 1] == 10) { out.append(b) }
        return out
    }

    /// Writes the committed content to the working file (atomically); its
    /// index entry is the ``IndexUpdater``'s job.
    func writeWorkingFile(path: String, bytes: [UInt8]) throws {
        guard let workdir = repository.workdir else { return }
        let full = workdir.hasSuffix("/") ? workdir + path : workdir + "/" + path
        do { try AtomicFile.replace(full, with: bytes, makeDirectory: true) } catch {
            throw DeskError.git(error.description)
        }
    }

    private func warnUnsynced(id: String, path: String, _ error: any Error) {
        FileHandle.standardError.write(Data(
            "gitdesk: warning: committed \(id), but could not update \(path) in the working tree (\(error)); the next gitdesk command repairs it\n".utf8))
    }
}

/// Remembers which file a write is bringing into the working copy, so a
/// process that dies between moving the branch and updating the file is
/// repaired by the next gitdesk writer. It also names the writer (PID and
/// start time) and the branch it is moving: written before the branch's lock
/// file is taken and removed after, it lets the next writer tell a lock file
/// that a dead gitdesk left from one held by another program
/// (``CrashLeftovers``).
///
/// The file: the ticket's path on the first line, then `pid PID START` and
/// `ref REF` (a journal holding only the path is read as before), then one
/// `also PATH` line for each further file of a write that brings several
/// files along (an import).
struct WriteJournal {
    let url: String

    /// What an interrupted write left in the journal.
    struct Record {
        var path: String
        /// Every file the write brings along: `path` first, then the `also` lines.
        var paths: [String] = []
        var owner: ProcessIdentity?
        var ref: String?
        /// When the journal was written (its modification time).
        var time: timespec?
    }

    init(gitDir: String) {
        url = (gitDir.hasSuffix("/") ? gitDir : gitDir + "/") + "gitdesk/pending"
    }

    func begin(path: String, ref: String) throws {
        try begin(paths: [path], ref: ref)
    }

    /// Names every file a write will bring along (an import's tickets).
    func begin(paths: [String], ref: String) throws {
        let me = ProcessIdentity.current
        let text = "\(paths.first ?? "")\npid \(me.pid) \(me.startTime.map(String.init) ?? "-")\nref \(ref)\n"
            + paths.dropFirst().map { "also \($0)\n" }.joined()
        do { try AtomicFile.replace(url, with: Array(text.utf8)) } catch {
            throw DeskError.git(error.description)
        }
    }

    func end() { unlink(url) }

    /// The journal left by an interrupted write, if any.
    func read() -> Record? {
        guard let data = BoundedFile.read(url, maximum: Self.maximumBytes) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        var record = Record(path: lines.first.map(String.init) ?? "")
        if !record.path.isEmpty { record.paths = [record.path] }
        for line in lines.dropFirst() {
            if line.hasPrefix("also "), line.count > 5 {
                record.paths.append(String(line.dropFirst(5)))
                continue
            }
            let words = line.split(separator: " ")
            if words.count == 3, words[0] == "pid", let pid = pid_t(words[1]) {
                record.owner = ProcessIdentity(pid: pid, startTime: UInt64(words[2]))
            } else if words.count == 2, words[0] == "ref" {
                record.ref = String(words[1])
            }
        }
        var info = stat()
        if stat(url, &info) == 0 { record.time = info.st_mtim }
        return record
    }

    /// Brings the files named by an interrupted write to what the branch
    /// holds; returns the line that says so when there was something to repair.
    @discardableResult
    func recover(in repository: Repository, branch: String) throws(DeskError) -> Message? {
        guard let record = read() else { return nil }
        var restored: [String] = []
        do {
            if let workdir = repository.workdir, let tip = try repository.referenceTarget(branch) {
                let tree = try repository.commit(tip).tree
                let parentTree = try repository.commit(tip).parents.first.map { try repository.commit($0).tree }
                let index = IndexUpdater(repository: repository)
                for path in record.paths {
                    guard let bytes = try repository.fileContents(at: path, inTree: tree) else { continue }
                    let full = workdir.hasSuffix("/") ? workdir + path : workdir + "/" + path
                    // The working file is brought along only from a state the dead write
                    // left (the version before it, or already the committed one): a hand
                    // edit made since is kept, never overwritten.
                    let before = try parentTree.flatMap { try repository.fileContents(at: path, inTree: $0) }
                    let onDisk = FileManager.default.contents(atPath: full).map { [UInt8]($0) }
                    if onDisk == nil || onDisk == bytes || onDisk == before {
                        if onDisk != bytes { try AtomicFile.replace(full, with: bytes, makeDirectory: true) }
                        index.stage(path)
                        restored.append(path)
                    } else {
                        FileHandle.standardError.write(Data("gitdesk: warning: \(path) was edited by hand after an interrupted write; it is left as it is (git diff shows the edit)\n".utf8))
                    }
                }
                try index.finish()
            }
        } catch {
            throw DeskError.from(error)
        }
        end()
        // Say only what was done: a hand-edited file was left as it is (warned above), not restored.
        guard !restored.isEmpty else { return nil }
        return InterruptedWrite.repaired(paths: restored)
    }
}
