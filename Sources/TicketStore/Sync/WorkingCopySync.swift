import Foundation
import GitKit

/// Brings the working tree and the index along when sync moves the branch,
/// so `git status` stays clean.
///
/// Before the branch moves, a journal (`.git/gitdesk/sync-pending`) records
/// the old and new commits; after, every file that differs between their trees
/// is written from the branch (atomically, each file whole) and its index entry
/// refreshed by `git update-index`; then the journal goes. A sync killed in
/// between leaves the journal, and the next sync (or status) repeats the
/// update, which is idempotent: files are written from the branch's tip.
struct WorkingCopySync {
    let repository: Repository
    let journalPath: String

    init(repository: Repository) {
        self.repository = repository
        journalPath = repository.gitDir + "/gitdesk/sync-pending"
    }

    /// Records that the branch is about to move from `old` to `new`.
    func begin(from old: ObjectID, to new: ObjectID) throws(SyncError) {
        do { try AtomicFile.replace(journalPath, with: Array("\(old.hex) \(new.hex)\n".utf8), makeDirectory: true) } catch {
            throw .git(error.description)
        }
    }

    /// Drops the journal (the branch did not move after all).
    func cancel() { unlink(journalPath) }

    /// Writes the files that differ between `old` and the branch's tip `tip`, then drops the journal.
    func apply(from old: ObjectID, to tip: ObjectID, recovering: Bool = false) throws(SyncError) {
        guard let workdir = repository.workdir else { cancel(); return }
        do {
            let changes = try repository.changedPaths(from: repository.commit(old).tree,
                                                      to: repository.commit(tip).tree)
            if !changes.isEmpty {
                for change in changes {
                    let full = workdir + "/" + change.path
                    if let blob = change.newBlob {
                        try AtomicFile.replace(full, with: try repository.blob(blob), makeDirectory: true)
                    } else {
                        unlink(full)
                        removeEmptyParents(of: change.path, in: workdir)
                    }
                }
                try waitForIndexLock(removeIfStale: recovering)
                var input: [UInt8] = []
                for change in changes { input += Array(change.path.utf8); input.append(0) }
                let result = try GitRunner(directory: workdir).run(["update-index", "--add", "--remove", "-z", "--stdin"], input: input)
                guard result.succeeded else { throw SyncError.git(result.errorLines.last ?? "update-index failed") }
            }
        } catch let error as SyncError {
            throw error
        } catch {
            throw .git(String(describing: error))
        }
        cancel()
    }

    /// Finishes an update a killed sync left half done.
    func recover(branch: String) throws(SyncError) {
        guard let text = BoundedFile.read(journalPath, maximum: 4096).map({ String(decoding: $0, as: UTF8.self) }) else { return }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        guard parts.count == 2, let old = ObjectID(hex: parts[0]), let new = ObjectID(hex: parts[1]) else { cancel(); return }
        let tip: ObjectID?
        do { tip = try repository.referenceTarget(branch) } catch { throw .git(String(describing: error)) }
        guard let tip, tip != old else { cancel(); return }  // the branch never moved
        _ = new
        try apply(from: old, to: tip, recovering: true)
    }

    /// `index.lock` left by an update-index killed with the sync: the journal
    /// says sync was updating the index, and the desk's lock keeps other
    /// gitdesk processes out, so a lock that outlives a second is removed.
    private func waitForIndexLock(removeIfStale: Bool) throws {
        let lock = repository.gitDir + "/index.lock"
        var waited = 0
        while access(lock, F_OK) == 0 {
            if waited >= 100 {
                guard removeIfStale else {
                    throw SyncError.git("\(lock) is held by another git command; the branch moved: run 'gitdesk sync' again to update the working tree")
                }
                unlink(lock)
                FileHandle.standardError.write(Data("gitdesk: removed a stale \(lock) left by an interrupted sync\n".utf8))
                return
            }
            waited += 1
            usleep(10_000)
        }
    }

    private func removeEmptyParents(of path: String, in workdir: String) {
        var parts = path.split(separator: "/").dropLast()
        while !parts.isEmpty {
            if rmdir(workdir + "/" + parts.joined(separator: "/")) != 0 { return }
            parts = parts.dropLast()
        }
    }
}
