#if canImport(Glibc)
import Glibc
#endif
import Foundation
import GitKit
import TicketCore

/// A gitdesk write (a ticket change, an import, a sync) killed after it named
/// its files in a journal and before the working tree and the index caught
/// up with the branch. Until it is repaired, `git status` shows those files
/// as deleted or changed, and a plain `git commit -a` would record that:
/// the client hooks refuse commits, read-only commands say so on one line,
/// and the next write (or `gitdesk repair`) brings the files along.
public struct InterruptedWrite: Sendable, Equatable {
    /// The first file the write named (nil for a sync, whose journal names commits).
    public var firstPath: String?
    /// How many files the write named (0 for a sync).
    public var fileCount: Int

    /// The interrupted write left in the repository whose git directory is
    /// `gitDir`, or nil. Reads only: two stats when there is none. A journal
    /// whose writer still holds the desk's write lock is a write at work, not
    /// an interruption (the kernel drops a dead writer's flock).
    public static func pending(gitDir: String) -> InterruptedWrite? {
        let dir = (gitDir.hasSuffix("/") ? gitDir : gitDir + "/") + "gitdesk/"
        let journal = WriteJournal(gitDir: gitDir)
        let syncJournal = dir + "sync-pending"
        let hasJournal = access(journal.url, F_OK) == 0
        guard hasJournal || access(syncJournal, F_OK) == 0 else { return nil }
        guard !writerIsAtWork(lockFile: dir + "write.lock") else { return nil }
        // A journal no write could have left is damaged, not a claim: the next write replaces it.
        if hasJournal, journal.isOversize { return nil }
        guard hasJournal, let record = journal.read(), !record.paths.isEmpty else {
            return InterruptedWrite(firstPath: nil, fileCount: 0)
        }
        return InterruptedWrite(firstPath: record.path, fileCount: record.paths.count)
    }

    /// True when some process holds the desk's write lock now.
    static func writerIsAtWork(lockFile: String) -> Bool {
        let fd = open(lockFile, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        // Shared and non-blocking: taken and dropped at once, it never holds up a writer.
        guard flock(fd, LOCK_SH | LOCK_NB) == 0 else { return errno == EWOULDBLOCK }
        flock(fd, LOCK_UN)
        return false
    }

    /// One line saying what is pending and the command that repairs it.
    public var notice: Message {
        guard let firstPath else { return Message(.interruptedSyncPending) }
        return fileCount > 1
            ? Message(.interruptedWritePendingMany, ["count": .number(fileCount), "path": .text(firstPath)])
            : Message(.interruptedWritePending, ["path": .text(firstPath)])
    }

    /// One line saying which files a repair brought back.
    static func repaired(paths: [String]) -> Message {
        paths.count > 1
            ? Message(.interruptedWriteRepairedMany, ["count": .number(paths.count), "path": .text(paths[0])])
            : Message(.interruptedWriteRepaired, ["path": .text(paths.first ?? "")])
    }
}
