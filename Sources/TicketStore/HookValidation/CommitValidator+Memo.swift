import GitKit
import TicketCore

/// What one validator has already read, so each pushed commit's tree is
/// diffed once and each blob read once, however many checks (scan budget,
/// rules, back-dating, merge judgement) look at it. The memo lives as long
/// as the validator: one push, one hook run, one `validate`.
final class ValidatorMemo {
    var diffs: [String: [ChangedPath]] = [:]
    var blobs: [ObjectID: [UInt8]] = [:]
    var blobBytes = 0
    /// Blobs are kept up to this many bytes in all (a push's scan cap is
    /// 8 MB by default); past it they are read again when asked.
    static let blobLimit = 32 << 20
}

extension CommitValidator {
    /// The paths changed from `old` to `new` (all of them, or those under
    /// `prefix`), diffed once per pair of trees.
    func changes(from old: ObjectID?, to new: ObjectID, under prefix: String? = nil) throws -> [ChangedPath] {
        let key = "\(old?.hex ?? "-") \(new.hex)"
        let all: [ChangedPath]
        if let known = memo.diffs[key] {
            all = known
        } else {
            all = try repository.changedPaths(from: old, to: new)
            memo.diffs[key] = all
        }
        guard let prefix else { return all }
        return all.filter { $0.path.hasPrefix(prefix) }
    }

    /// A blob's bytes, read once while the memo has room.
    func blob(_ id: ObjectID) throws -> [UInt8] {
        if let known = memo.blobs[id] { return known }
        let bytes = try repository.blob(id)
        if memo.blobBytes + bytes.count <= ValidatorMemo.blobLimit {
            memo.blobs[id] = bytes
            memo.blobBytes += bytes.count
        }
        return bytes
    }
}
