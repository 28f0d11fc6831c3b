import Foundation
import GitKit
import GRDB

/// Which commits touched each ticket file, kept in the query cache's file
/// (`.git/gitdesk/cache.sqlite`, tables `history_meta` and `history_commit`)
/// so `gitdesk history` does not walk every commit.
///
/// A ticket's history is a path filter over the whole commit graph: at 10k
/// tickets an old ticket's history walks 10k commits (~0.7 s). The index
/// keeps, for each path under `tickets/`, the commits that changed it (rows
/// in insertion order, oldest first), and in `history_meta` the commit it
/// covers (`tip`). Queries catch up from that tip to the branch tip by
/// diffing trees of the new commits only; gitdesk's own writes append as
/// they commit. A commit *changes* a path when its blob differs from the
/// first parent's, or for a merge from every parent's — the same rule as
/// `Repository.history`. If the tip is not a descendant of the recorded one
/// (history rewritten) the index is rebuilt. It is a cache: delete the file
/// and nothing is lost. (It was one file per ticket under
/// `.git/gitdesk/history/` — 10k files, 40 MB at 10k tickets — which is
/// removed when found.)
struct HistoryIndex {
    let repository: Repository
    let file: String

    init(repository: Repository) {
        self.repository = repository
        file = QueryCache.path(gitDir: repository.gitDir)
    }

    /// The index's format; tables without it (older, or not ours) are rebuilt.
    static let format = "gitdesk-history-3"

    static let create = """
        CREATE TABLE IF NOT EXISTS history_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS history_commit(n INTEGER PRIMARY KEY, path TEXT NOT NULL, commit_id TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS history_commit_path ON history_commit(path, n);
        """

    /// The commits that changed `path` in the history of `tip`, newest first.
    ///
    /// Never answered from a damaged index: the answer is checked first (see
    /// ``verified(_:path:tip:)``) and on any doubt the index is rebuilt from
    /// the commit graph and asked again.
    func commits(touching path: String, tip: ObjectID) throws -> [ObjectID] {
        let lock = try DeskLock.acquire(gitDir: repository.gitDir, name: "history.lock", timeout: LockTimeout.configured(repository), quiet: true)
        defer { withExtendedLifetime(lock) {} }
        removeFilesIndex()
        do {
            return try answer(path: path, tip: tip, queue: try QueryCache.openQueue(file: file))
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            StartupTrace.mark("history index damaged: rebuilt")
            QueryCache.remove(file)
            return try answer(path: path, tip: tip, queue: try QueryCache.openQueue(file: file))
        }
    }

    private func answer(path: String, tip: ObjectID, queue: DatabaseQueue) throws -> [ObjectID] {
        try queue.write { db in
            try db.execute(sql: Self.create)
            if try Self.meta(db, "format") != Self.format { try rebuildFromScratch(db) }
            try catchUp(db, to: tip)
        }
        if let answer = try verified(try queue.read { try listed($0, path) }, path: path, tip: tip) { return answer }
        StartupTrace.mark("history index damaged: rebuilt")
        try queue.write { db in
            try rebuildFromScratch(db)
            try catchUp(db, to: tip)
        }
        // Just built from the commit graph: the truth, whatever the check says
        // (a merge can keep a version no single listed commit shows last).
        guard let ids = try queue.read({ try listed($0, path) }) else {
            throw GitError(code: .invalid, message: "cannot read the history index \(file)")
        }
        var seen = Set<ObjectID>()
        return ids.reversed().filter { seen.insert($0).inserted }
    }

    /// The commits listed for `path`, oldest first: nil if one is not a commit ID (overwritten).
    private func listed(_ db: Database, _ path: String) throws -> [ObjectID]? {
        var ids: [ObjectID] = []
        for hex in try String.fetchAll(db, sql: "SELECT commit_id FROM history_commit WHERE path = ? ORDER BY n", arguments: [path]) {
            guard hex.utf8.count == 40, let id = ObjectID(hex: hex) else { return nil }
            ids.append(id)
        }
        return ids
    }

    /// The commits listed for `path`, newest first, if they can be trusted:
    /// each is a commit of this repository that changed `path` (its blob
    /// there differs from a parent's), and the newest holds what `tip` holds
    /// at `path` (nothing listed: `tip` has no such file; a merge may take
    /// an older listed commit's version, so any listed one). That catches a
    /// truncated or overwritten file, flipped bytes, a TIP that claims more
    /// than the files hold, and an index copied from another repository.
    private func verified(_ ids: [ObjectID]?, path: String, tip: ObjectID) throws -> [ObjectID]? {
        guard let ids else { return nil }
        // A writer killed between appending its commit and moving TIP leaves the
        // commit listed once more by the next catch-up: keep the first of each.
        var seen = Set<ObjectID>()
        let newestFirst = ids.reversed().filter { seen.insert($0).inserted }
        let atTip = try repository.entry(at: path, inTree: try repository.commit(tip).tree)?.id
        var versions = Set<ObjectID?>()
        for id in newestFirst {
            guard let commit = try? repository.commit(id) else { return nil }
            let blob = try repository.entry(at: path, inTree: commit.tree)?.id
            let parentBlobs = try commit.parents.map { try repository.entry(at: path, inTree: try repository.commit($0).tree)?.id }
            guard parentBlobs.isEmpty ? blob != nil : parentBlobs.contains(where: { $0 != blob }) else { return nil }
            versions.insert(blob)
        }
        return newestFirst.isEmpty ? (atTip == nil ? [] : nil) : (versions.contains(atTip) ? newestFirst : nil)
    }

    private func rebuildFromScratch(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM history_commit; DELETE FROM history_meta")
        try Self.setMeta(db, "format", Self.format)
    }

    /// The one-file-per-ticket index of earlier versions: 10k files, removed.
    private func removeFilesIndex() {
        let old = (file as NSString).deletingLastPathComponent + "/history"
        if FileManager.default.fileExists(atPath: old) { try? FileManager.default.removeItem(atPath: old) }
    }

    /// Records a commit gitdesk just made when the index is at its parent.
    func record(commit: ObjectID, parent: ObjectID, path: String) {
        guard let lock = try? DeskLock.acquire(gitDir: repository.gitDir, name: "history.lock", timeout: 1, quiet: true) else { return }
        defer { withExtendedLifetime(lock) {} }
        guard FileManager.default.fileExists(atPath: file), let queue = try? QueryCache.openQueue(file: file, busy: 1) else { return }
        try? queue.write { db in
            guard try db.tableExists("history_meta"), try Self.meta(db, "format") == Self.format,
                  try Self.meta(db, "tip") == parent.hex else { return }
            try append(db, [(path, commit.hex)])
            try Self.setMeta(db, "tip", commit.hex)
        }
    }

    // MARK: Building

    private func catchUp(_ db: Database, to tip: ObjectID) throws {
        let indexed = try Self.meta(db, "tip").flatMap(ObjectID.init(hex:))
        if indexed == tip { return }
        var fresh: [ObjectID]
        if let indexed, (try? repository.isAncestor(indexed, of: tip)) == true {
            fresh = try repository.commits(from: [tip], hiding: [indexed], oldestFirst: true)
        } else {
            try rebuildFromScratch(db)
            fresh = try repository.commits(from: [tip], oldestFirst: true)
        }
        var additions: [(String, String)] = []
        let comparer = TreeComparer(repository: repository)
        for id in fresh {
            for path in try changedTicketPaths(of: id, comparer) { additions.append((path, id.hex)) }
        }
        try append(db, additions)
        try Self.setMeta(db, "tip", tip.hex)
    }

    private func changedTicketPaths(of id: ObjectID, _ comparer: TreeComparer) throws -> [String] {
        let commit = try repository.commit(id)
        if commit.parents.isEmpty {
            return try comparer.changedFiles(from: nil, to: commit.tree, under: "tickets/")
        }
        if commit.parents.count == 1 {
            return try comparer.changedFiles(from: try repository.commit(commit.parents[0]).tree, to: commit.tree, under: "tickets/")
        }
        var touched: Set<String>? = nil
        for parent in commit.parents {
            let parentTree = try repository.commit(parent).tree
            let changed = Set(try comparer.changedFiles(from: parentTree, to: commit.tree, under: "tickets/"))
            touched = touched.map { $0.intersection(changed) } ?? changed
        }
        return touched.map { $0.sorted() } ?? []
    }

    // MARK: Rows

    private func append(_ db: Database, _ rows: [(path: String, commit: String)]) throws {
        let insert = try db.makeStatement(sql: "INSERT INTO history_commit(path, commit_id) VALUES (?, ?)")
        for row in rows { try insert.execute(arguments: [row.path, row.commit]) }
    }

    static func meta(_ db: Database, _ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM history_meta WHERE key = ?", arguments: [key])
    }

    static func setMeta(_ db: Database, _ key: String, _ value: String) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO history_meta(key, value) VALUES (?, ?)", arguments: [key, value])
    }
}
