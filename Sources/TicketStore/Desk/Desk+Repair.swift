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
        let start = try beginWrite(branch: branch)
        defer { withExtendedLifetime(start.lock) {} }
        var said: [Message] = []
        if let repaired = start.repaired { said.append(repaired) }
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
