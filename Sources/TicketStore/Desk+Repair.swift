#if canImport(Glibc)
import Glibc
#endif
import Foundation
import GitKit
import TicketCore

extension Desk {
    /// `gitdesk repair`: under the desk's write lock, removes the leftovers of
    /// dead writers (temporary files, a branch lock the journal's writer left)
    /// and brings the files an interrupted write or sync named into the
    /// working tree and the index. Commits nothing. Returns one line for each
    /// thing repaired (none: nothing was pending).
    public func repairInterruptedWrite() throws(DeskError) -> [Message] {
        guard let branch else { throw .detachedHead }
        let lock = try DeskLock.acquire(gitDir: repository.gitDir, timeout: try LockTimeout.configured(repository))
        defer { withExtendedLifetime(lock) {} }
        var lockTakenAt = timespec()
        clock_gettime(CLOCK_REALTIME, &lockTakenAt)
        let journal = WriteJournal(gitDir: repository.gitDir)
        let record = journal.read()
        CrashLeftovers.clear(gitDir: repository.gitDir, workdir: repository.workdir, journal: record, lockTakenAt: lockTakenAt)
        var said: [Message] = []
        if let repaired = try journal.recover(in: repository, branch: branch) { said.append(repaired) }
        let sync = WorkingCopySync(repository: repository)
        if access(sync.journalPath, F_OK) == 0 {
            do { try sync.recover(branch: branch) } catch { throw .git(error.description) }
            said.append(Message(.interruptedSyncRepaired))
        }
        return said
    }
}

extension Desk {
    /// A write killed before the working tree and the index caught up with the branch, if any (read-only).
    public var interruptedWrite: InterruptedWrite? { InterruptedWrite.pending(gitDir: repository.gitDir) }
}
