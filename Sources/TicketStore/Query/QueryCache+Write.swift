import Foundation
import GitKit
import GRDB
import TicketCore

extension QueryCache {
    /// Moves the query cache of HEAD over a write gitdesk just committed (one
    /// ticket file of `tree` became `blob` in `newTree`), in the same step as
    /// the write, so the next query finds it fresh instead of catching up.
    ///
    /// Only when the cache holds exactly `tree` with the same settings: any
    /// other state (no cache, another revision, a damaged file, a busy writer
    /// for more than a moment) is left to the next reader's catch-up, which
    /// is always correct. Never fails the write: the commit is already made.
    static func recordWrite(desk: Desk, tree: ObjectID, newTree: ObjectID, path: String,
                            blob: ObjectID, bytes: [UInt8], parsed: ParsedTicket) {
        guard !disabled, desk.revision == nil else { return }
        let file = self.path(gitDir: desk.repository.gitDir)
        guard FileManager.default.fileExists(atPath: file),
              let settings = SettingsCache.key(repository: desk.repository, tree: newTree),
              settings == SettingsCache.key(repository: desk.repository, tree: tree),
              let queue = try? openQueue(file: file, busy: 0.2) else { return }
        try? queue.inTransaction(.immediate) { db in
            guard try db.tableExists("meta"), try CacheSchema.meta(db, "format") == CacheSchema.format,
                  try CacheSchema.meta(db, "settings") == settings,
                  try CacheSchema.meta(db, "tree") == tree.hex else { return .rollback }
            let writer = try RowWriter(db, schema: desk.schema)
            try writer.delete(path: path)
            try writer.insert(path: path, blob: blob, bytes: bytes, known: parsed)
            try CacheSchema.setMeta(db, "tree", newTree.hex)
            return .commit
        }
        StartupTrace.mark("query cache moved with the write")
    }
}
