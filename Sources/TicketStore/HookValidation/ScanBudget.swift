import GitKit
import TicketCore

/// How much text one push has asked the server to scan, against the cap in
/// privacy.yaml (`max_scan_bytes`). The scan is linear, but a hostile
/// pusher could still send hundreds of megabytes of digits and hold the
/// pre-receive hook: past the cap the push is refused before its text is
/// scanned, with a message saying what to do.
///
/// One budget serves one push (share it among the ``CommitValidator``s of
/// its ref updates); the client gates (`validate`, the local hooks) have none.
public final class ScanBudget {
    /// Bytes counted so far: files added or changed (tickets and every other
    /// file the server scans for personal data), and commit messages.
    public private(set) var spent = 0

    public init() {}

    /// Counts what `commit` asks to scan (the files it adds or changes
    /// relative to its first parent, and its message) and refuses once the
    /// push's total passes `policy.maxScanBytes`.
    public func charge(_ commit: CommitInfo, in repository: Repository, policy: PrivacyPolicy) throws {
        let base = try commit.parents.first.map { try repository.commit($0).tree }
        try charge(commit, changes: repository.changedPaths(from: base, to: commit.tree),
                   size: { try repository.blob($0).count }, policy: policy)
    }

    /// The same with the commit's changes (against its first parent) and a
    /// blob's size given: the validator's, already read for its rules.
    func charge(_ commit: CommitInfo, changes: [ChangedPath], size: (ObjectID) throws -> Int, policy: PrivacyPolicy) throws {
        spent += commit.message.utf8.count
        for change in changes {
            // A submodule's id is a commit, not text to scan (tree-entry refuses it).
            guard let blob = change.newBlob, change.newKind != .submodule else { continue }
            spent += try size(blob)
            if spent > policy.maxScanBytes { break }
        }
        guard spent <= policy.maxScanBytes else { throw Self.refusal(spent: spent, limit: policy.maxScanBytes) }
    }

    /// The one-line refusal, e.g. `this push asks the server to scan more than
    /// 8.0 MB of files and commit messages (max_scan_bytes in privacy.yaml):
    /// push the commits in several smaller pushes, or ask an admin to raise the limit`.
    static func refusal(spent: Int, limit: Int) -> DeskError {
        .invalidInput("this push asks the server to scan more than \(megabytes(limit)) of files and commit messages"
            + " (max_scan_bytes in privacy.yaml is \(limit)): push the commits in several smaller pushes,"
            + " or ask an admin to raise max_scan_bytes")
    }

    static func megabytes(_ bytes: Int) -> String {
        let mb = Double(bytes) / 1_048_576
        return mb >= 0.1 ? "\(Double(Int(mb * 10)) / 10) MB" : "\(bytes) bytes"
    }
}
