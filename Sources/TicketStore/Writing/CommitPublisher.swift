import Foundation
import GitKit
import TicketCore

/// Publishes one change as one commit on the branch: asks for the change on
/// the current tip, writes its blobs, tree and commit, names the files in
/// the journal and moves the branch by compare-and-swap. When another writer
/// moved the branch first, the change is asked for again on the new tip
/// (up to 50 times, with a growing random pause).
struct CommitPublisher {
    let repository: Repository
    let branch: String
    let journal: WriteJournal
    let signature: Signature

    /// What a change on one tip commits: the files' new bytes, the commit
    /// message, the reflog line, and whatever the caller wants back.
    struct Proposal<Value> {
        var files: [(path: String, bytes: [UInt8])]
        var message: String
        var reflog: String
        var value: Value
    }

    /// The commit that moved the branch, its parent (the tip it was made on)
    /// and the value of the proposal it records.
    struct Published<Value> {
        var commit: ObjectID
        var parent: ObjectID
        /// The parent's tree and the commit's tree.
        var tree: ObjectID
        var newTree: ObjectID
        /// The blob of each proposed file, in the proposal's order.
        var blobs: [ObjectID]
        var value: Value
    }

    /// `propose` gets the tip, its tree and the attempt (1 first); it throws
    /// to refuse the change (nothing is written).
    func publish<Value>(_ propose: (_ tip: ObjectID, _ tree: ObjectID, _ attempt: Int) throws -> Proposal<Value>) throws(DeskError) -> Published<Value> {
        var attempt = 0
        while true {
            attempt += 1
            do {
                guard let tip = try repository.referenceTarget(branch) else { throw DeskError.unbornBranch }
                let tree = try repository.commit(tip).tree
                let proposal = try propose(tip, tree, attempt)
                let blobs = try proposal.files.map { try repository.writeBlob($0.bytes) }
                let changes = zip(proposal.files, blobs).map { TreeChange.upsert($0.path, $1) }
                let newTree = try repository.updatedTree(base: tree, changes: changes)
                let commit = try repository.createCommit(tree: newTree, parents: [tip], author: signature,
                                                         committer: signature, message: proposal.message)
                StartupTrace.mark("blob + tree + commit")
                try journal.begin(paths: proposal.files.map(\.path), ref: branch)
                do {
                    try repository.updateReference(branch, to: commit, expecting: tip, message: proposal.reflog)
                } catch let error as GitError where error.code == .modified || error.code == .locked {
                    journal.end()
                    try giveUpOrPause(after: error, attempt: attempt)
                    continue
                } catch {
                    // The branch did not move (a full or read-only disk): no interrupted write to claim.
                    if (try? repository.referenceTarget(branch)) != commit { journal.end() }
                    throw error
                }
                StartupTrace.mark("move branch (CAS)")
                return Published(commit: commit, parent: tip, tree: tree, newTree: newTree, blobs: blobs, value: proposal.value)
            } catch let error as DeskError {
                throw error
            } catch {
                throw DeskError.from(error)
            }
        }
    }

    /// After a lost compare-and-swap: refuses after 50 attempts (naming a
    /// ref lock file that stays), else pauses 1 ms to 5 × attempt ms.
    private func giveUpOrPause(after error: GitError, attempt: Int) throws(DeskError) {
        guard attempt < 50 else {
            if error.code == .locked, let held = RefLockReport(gitDir: repository.gitDir, ref: branch) {
                throw .refLocked(ref: branch, lockFile: held.path, seconds: held.age)
            }
            throw .busy(branch)
        }
        usleep(UInt32.random(in: 1_000...(5_000 * UInt32(min(attempt, 10)))))
    }
}
