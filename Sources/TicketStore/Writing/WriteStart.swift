import Foundation
import GitKit
import TicketCore

/// The first step of every write (write, import, repair): the desk's write
/// lock, then what an earlier writer left behind put right.
extension Desk {

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

    /// A write's view of `.git/index`: the updater that brings entries to
    /// the committed content (nil in a bare repository) and the stamp of the
    /// index last verified.
    struct WriteIndex {
        let updater: IndexUpdater?
        let stamp: IndexCheckStamp
    }

    /// Names a damaged index before anything is committed (git would refuse
    /// to update it after the branch moved), then starts git reading it while
    /// the change is built and committed. The checksum is verified only for an
    /// index gitdesk has not seen (``IndexCheckStamp``).
    func openIndexForWrite() throws(DeskError) -> WriteIndex {
        let stamp = IndexCheckStamp(gitDir: repository.gitDir)
        do {
            let known = stamp.isCurrent
            try repository.checkIndexHeader(verifyChecksum: !known)
            if !known { stamp.record() }
        } catch { throw DeskError.from(error) }
        return WriteIndex(updater: repository.workdir == nil ? nil : IndexUpdater(repository: repository), stamp: stamp)
    }
}
