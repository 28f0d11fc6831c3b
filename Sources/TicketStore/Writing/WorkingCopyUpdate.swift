import Foundation
import GitKit
import TicketCore

/// The working-copy step of a write: the files a commit changed brought to
/// the committed content, their index entries too, so `git status` stays
/// clean. A failure here is a warning (the change is committed), and the
/// journal stays so the next gitdesk write repairs it.
extension Desk {
    /// A working-copy sync under way: the files written, git updating the index.
    struct WorkingCopySyncInProgress {
        let id: String
        let files: [(path: String, bytes: [UInt8])]
        let index: WriteIndex
        var synced: Bool
    }

    /// Writes the committed files into the working tree and hands their
    /// index entries to the ``IndexUpdater`` (whose git runs meanwhile).
    func startWorkingCopySync(id: String, files: [(path: String, bytes: [UInt8])], index: WriteIndex) -> WorkingCopySyncInProgress {
        var sync = WorkingCopySyncInProgress(id: id, files: files, index: index, synced: false)
        do {
            for file in files {
                try writeWorkingFile(path: file.path, bytes: file.bytes)
                index.updater?.stage(file.path)
            }
            sync.synced = true
        } catch {
            warnUnsynced(id: id, path: files.first?.path ?? "", error)
        }
        return sync
    }

    /// Waits for git's index update; the journal is cleared once every file
    /// and entry is in place.
    func finishWorkingCopySync(_ sync: WorkingCopySyncInProgress, journal: WriteJournal) {
        do {
            try sync.index.updater?.finish()
            if sync.index.updater != nil { sync.index.stamp.record() }  // the index git just wrote
            if sync.synced { journal.end() }
        } catch {
            warnUnsynced(id: sync.id, path: sync.files.first?.path ?? "", error)
        }
        StartupTrace.mark("working file + index")
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

    func warnUnsynced(id: String, path: String, _ error: any Error) {
        FileHandle.standardError.write(Data(
            "gitdesk: warning: committed \(id), but could not update \(path) in the working tree (\(error)); the next gitdesk command repairs it\n".utf8))
    }
}
