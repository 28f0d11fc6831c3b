#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// What a gitdesk writer killed half-way (kill -9, power cut) leaves behind,
/// and how the next writer clears it. Runs only while the desk's write lock
/// (the flock on `.git/gitdesk/write.lock`) is held.
///
/// - Temporary files `NAME.gitdesk-PID.tmp` (``AtomicFile``) beside a
///   working file or in `.git/gitdesk/`: removed when process PID is gone.
///   A live process's temporary file is never touched (its PID is alive).
/// - The branch's lock file `.git/refs/heads/BRANCH.lock`, which libgit2
///   creates (empty) when it starts moving the branch and renames over the
///   branch when done. A writer killed in between leaves it, and from then on
///   every write — gitdesk's and plain git's — is refused.
///
/// Why removing that lock is safe. Every gitdesk write moves the branch only
/// while it holds the write lock, and writes its journal (naming its PID and
/// the branch) before it takes the branch's lock file, removing the journal
/// after the branch has moved. So when we hold the write lock and find a
/// journal, its writer is no longer writing: it died (the kernel dropped its
/// flock). The branch's lock file is removed only if, in addition,
/// 1. the journal's process is gone (PID and start time no longer match a
///    running process),
/// 2. the lock file is no older than the journal (it was made after the dead
///    writer announced its update; an older one belongs to someone else, and
///    the dead writer would have been refused by it),
/// 3. no running process has the lock file open. git and libgit2 keep a lock
///    file open from creating it until they rename it (git closes it only
///    moments before the rename), so a lock still in use is always seen,
///    whoever made it.
/// Anything else is reported, never removed: ``DeskError/refLocked``
/// names the file, its age and what to do.
enum CrashLeftovers {
    /// Removes this desk's leftovers of dead processes before a write:
    /// temporary files in `.git/gitdesk/` and, when an interrupted write's
    /// journal names a ticket, beside that ticket's working file, and a
    /// branch lock that the journal's dead writer left.
    static func clear(gitDir: String, workdir: String?, journal: WriteJournal.Record?, lockTakenAt: timespec) {
        let git = gitDir.hasSuffix("/") ? String(gitDir.dropLast()) : gitDir
        removeDeadTemporaryFiles(in: git + "/gitdesk")
        removeDeadTemporaryFiles(in: git + "/gitdesk/history")
        removeAbandonedIndexLock(gitDir: git)
        guard let journal else { return }
        if let workdir {
            // Each folder once: an import's journal names hundreds of files in a few month folders.
            let folders = Set(journal.paths.map { ($0 as NSString).deletingLastPathComponent })
            for folder in folders.sorted() {
                removeDeadTemporaryFiles(in: (workdir.hasSuffix("/") ? workdir : workdir + "/") + folder)
            }
        }
        if let ref = journal.ref, let owner = journal.owner {
            removeStaleRefLock(gitDir: git, ref: ref, owner: owner, journalTime: journal.time, lockTakenAt: lockTakenAt)
        }
    }

    // MARK: Temporary files

    /// Removes `*.gitdesk-PID.tmp` files in `directory` whose process is gone.
    static func removeDeadTemporaryFiles(in directory: String) {
        guard let dir = opendir(directory) else { return }
        defer { closedir(dir) }
        let me = getpid()
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            guard let pid = temporaryFileOwner(name), pid != me, !ProcessIdentity.isRunning(pid) else { continue }
            unlink(directory + "/" + name)
        }
    }

    /// libgit2's own temporary files (`_git2_XXXXXX`, made beside a file it
    /// writes, e.g. by a checkout) in `directory` that no process holds open:
    /// left by a process killed while libgit2 wrote. Only called where no other
    /// writer can be at work (an `init` being finished).
    static func removeAbandonedLibgit2Files(in directory: String) {
        guard let dir = opendir(directory) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            guard name.hasPrefix("_git2_"), !OpenFiles.isOpen(directory + "/" + name) else { continue }
            unlink(directory + "/" + name)
        }
    }

    /// The PID in a name `NAME.gitdesk-PID.tmp` (``AtomicFile``'s temporary files).
    static func temporaryFileOwner(_ name: String) -> pid_t? {
        guard name.hasSuffix(".tmp"), let marker = name.range(of: ".gitdesk-", options: .backwards) else { return nil }
        let digits = name[marker.upperBound..<name.index(name.endIndex, offsetBy: -4)]
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return pid_t(digits)
    }

    // MARK: The index's lock file

    /// `.git/index.lock` left by a process that is gone — typically the
    /// `git update-index` child of a gitdesk write, killed with it (kill -9 of
    /// the process group). Removed when no running process has it open and
    /// either
    /// - its writer is known dead: the ``IndexWriterRecord`` a gitdesk write
    ///   leaves while its `git update-index` runs names a process that is
    ///   gone, and the lock was made after that record (so it was that
    ///   writer's child's), or
    /// - it has not been touched for two seconds: git holds its lock file open
    ///   from creating it until just before renaming it into place, so past
    ///   that last close-then-rename moment it has no owner left.
    /// Removing it is what `git` tells a person to do by hand.
    /// Returns true when no lock is left.
    @discardableResult
    static func removeAbandonedIndexLock(gitDir: String) -> Bool {
        let lock = gitDir + "/index.lock"
        let record = IndexWriterRecord(gitDir: gitDir)
        var info = stat()
        guard stat(lock, &info) == 0 else {
            record.clearIfDead()
            return true
        }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let deadWriters = record.deadWriterTime.map { !(info.st_mtim < $0) } ?? false
        guard deadWriters || now.tv_sec - info.st_mtim.tv_sec >= 2 else { return false }
        guard !OpenFiles.isOpen(lock) else { return false }
        guard unlink(lock) == 0 || errno == ENOENT else { return false }
        StartupTrace.mark(deadWriters ? "removed index.lock of a dead gitdesk write" : "removed index.lock that no process holds")
        record.clearIfDead()
        return true
    }

    // MARK: The branch's lock file

    private static func removeStaleRefLock(gitDir: String, ref: String, owner: ProcessIdentity,
                                           journalTime: timespec?, lockTakenAt: timespec) {
        let lock = gitDir + "/" + ref + ".lock"
        var info = stat()
        guard stat(lock, &info) == 0 else { return }
        guard !owner.isRunning else { return }
        if let journalTime, info.st_mtim < journalTime { return }
        guard !(lockTakenAt < info.st_mtim) else { return }
        guard !OpenFiles.isOpen(lock) else { return }
        if unlink(lock) == 0 { StartupTrace.mark("removed \(ref).lock left by dead gitdesk \(owner.pid)") }
    }
}

/// A process, told apart from a later one that reuses its PID by its start time.
struct ProcessIdentity: Equatable {
    var pid: pid_t
    /// Clock ticks after boot at which it started (field 22 of /proc/PID/stat); nil if unknown.
    var startTime: UInt64?

    static var current: ProcessIdentity { ProcessIdentity(pid: getpid(), startTime: startTime(of: getpid())) }

    /// True while this very process runs (same PID and, when known, same start time).
    var isRunning: Bool {
        guard Self.isRunning(pid) else { return false }
        guard let startTime, let now = Self.startTime(of: pid) else { return true }
        return now == startTime
    }

    /// True if some process has this PID (a zombie counts as gone).
    static func isRunning(_ pid: pid_t) -> Bool {
        guard pid > 0 else { return false }
        if kill(pid, 0) != 0 && errno == ESRCH { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        return !stat[stat.index(after: close)...].hasPrefix(" Z")
    }

    static func startTime(of pid: pid_t) -> UInt64? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // Fields after "(comm)": state is field 3, starttime field 22.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 19 ? UInt64(fields[19]) : nil
    }
}

/// Whether any process has a file open, from /proc/*/fd (Linux).
enum OpenFiles {
    /// True if a process we may inspect has `path` open. Processes of other
    /// users cannot be inspected: a desk shared by several Unix accounts
    /// should not kill its writers.
    static func isOpen(_ path: String) -> Bool { holder(of: path) != nil }

    /// A process that has `path` open, as `pid 42 (git)`, if any we may inspect.
    static func holderDescription(of path: String) -> String? {
        guard let pid = holder(of: path) else { return nil }
        let comm = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
            .filter { $0.isASCII && !$0.isWhitespace && $0 != "\u{7F}" && $0.unicodeScalars.allSatisfy { $0.value >= 0x20 } } ?? ""
        return comm.isEmpty ? "pid \(pid)" : "pid \(pid) (\(comm))"
    }

    /// The PID of a process that has `path` open, if any we may inspect.
    static func holder(of path: String) -> pid_t? {
        guard let real = realpath(path, nil) else { return nil }
        let target = String(cString: real)
        free(real)
        guard let proc = opendir("/proc") else { return nil }
        defer { closedir(proc) }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        while let entry = readdir(proc) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            guard name.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let fds = opendir("/proc/\(name)/fd") else { continue }
            defer { closedir(fds) }
            while let fd = readdir(fds) {
                let fdName = withUnsafePointer(to: fd.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
                }
                let n = readlink("/proc/\(name)/fd/\(fdName)", &buffer, buffer.count - 1)
                guard n > 0 else { continue }
                buffer[n] = 0
                if String(cString: buffer) == target { return pid_t(name) }
            }
        }
        return nil
    }
}

func < (a: timespec, b: timespec) -> Bool {
    a.tv_sec != b.tv_sec ? a.tv_sec < b.tv_sec : a.tv_nsec < b.tv_nsec
}

/// A branch lock file still there after a write gave up: where and how old.
struct RefLockReport {
    var path: String
    var age: Int

    init?(gitDir: String, ref: String) {
        let lock = (gitDir.hasSuffix("/") ? gitDir : gitDir + "/") + ref + ".lock"
        var info = stat()
        guard stat(lock, &info) == 0 else { return nil }
        path = lock
        age = max(0, Int(time(nil) - info.st_mtim.tv_sec))
    }
}
