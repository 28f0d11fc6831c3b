import Foundation
import GitKit

/// Which commits touched each ticket file, cached under
/// `.git/gitdesk/history/` so `gitdesk history` does not walk every commit.
///
/// A ticket's history is a path filter over the whole commit graph: at 10k
/// tickets an old ticket's history walks 10k commits (~0.7 s). The index
/// keeps, for each path under `tickets/`, the commits that changed it (one
/// hex ID per line, oldest first, in `history/<path>`), and in
/// `history/TIP` the commit it covers. Queries catch up from `TIP` to the
/// branch tip by diffing trees of the new commits only; gitdesk's own writes
/// append as they commit. A commit *changes* a path when its blob differs
/// from the first parent's, or for a merge from every parent's — the same
/// rule as `Repository.history`. If the tip is not a descendant of `TIP`
/// (history rewritten) the index is rebuilt. It is a cache: delete it and
/// nothing is lost.
struct HistoryIndex {
    let repository: Repository
    let root: String

    init(repository: Repository) {
        self.repository = repository
        root = (repository.gitDir.hasSuffix("/") ? repository.gitDir : repository.gitDir + "/") + "gitdesk/history"
    }

    /// The index's format; a directory without it (older, or not ours) is rebuilt.
    static let format = "gitdesk-history-2"

    /// The commits that changed `path` in the history of `tip`, newest first.
    ///
    /// Never answered from a damaged index: the answer is checked first (see
    /// ``verified(_:path:tip:)``) and on any doubt the index is rebuilt from
    /// the commit graph and asked again.
    func commits(touching path: String, tip: ObjectID) throws -> [ObjectID] {
        let lock = try DeskLock.acquire(gitDir: repository.gitDir, name: "history.lock", timeout: LockTimeout.configured(repository), quiet: true)
        defer { withExtendedLifetime(lock) {} }
        if Self.read(root + "/FORMAT", cap: 4096) != Data((Self.format + "\n").utf8) {
            rebuildFromScratch()
        }
        try catchUp(to: tip)
        if let answer = try verified(listed(path), path: path, tip: tip) { return answer }
        StartupTrace.mark("history index damaged: rebuilt")
        rebuildFromScratch()
        try catchUp(to: tip)
        // Just built from the commit graph: the truth, whatever the check says
        // (a merge can keep a version no single listed commit shows last).
        guard let ids = listed(path) else { throw GitError(code: .invalid, message: "cannot read the history index \(root)") }
        var seen = Set<ObjectID>()
        return ids.reversed().filter { seen.insert($0).inserted }
    }

    /// The lines of `path`'s file: nil if one is not a commit ID (truncated, overwritten).
    private func listed(_ path: String) -> [ObjectID]? {
        let target = file(for: path)
        guard let data = Self.read(target, cap: Self.fileCap) else {
            return access(target, F_OK) == 0 ? nil : []  // there but unreadable or over the cap: damage
        }
        guard data.last == 0x0A || data.isEmpty else { return nil }
        var ids: [ObjectID] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            guard line.utf8.count == 40, let id = ObjectID(hex: String(line)) else { return nil }
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

    private func rebuildFromScratch() {
        try? FileManager.default.removeItem(atPath: root)
        try? AtomicFile.replace(root + "/FORMAT", with: Array((Self.format + "\n").utf8), makeDirectory: true)
    }

    /// Records a commit gitdesk just made when the index is at its parent.
    func record(commit: ObjectID, parent: ObjectID, path: String) {
        guard let lock = try? DeskLock.acquire(gitDir: repository.gitDir, name: "history.lock", timeout: 1, quiet: true) else { return }
        defer { withExtendedLifetime(lock) {} }
        guard indexedTip() == parent else { return }
        append([path: [commit.hex]])
        setTip(commit)
    }

    // MARK: Building

    private func catchUp(to tip: ObjectID) throws {
        let indexed = indexedTip()
        if indexed == tip { return }
        var fresh: [ObjectID]
        if let indexed, (try? repository.isAncestor(indexed, of: tip)) == true {
            fresh = try repository.commits(from: [tip], hiding: [indexed], oldestFirst: true)
        } else {
            rebuildFromScratch()
            fresh = try repository.commits(from: [tip], oldestFirst: true)
        }
        var additions: [String: [String]] = [:]
        let comparer = TreeComparer(repository: repository)
        for id in fresh {
            for path in try changedTicketPaths(of: id, comparer) { additions[path, default: []].append(id.hex) }
        }
        append(additions)
        setTip(tip)
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

    // MARK: Files

    private func file(for path: String) -> String { root + "/" + path }

    /// The most one ticket's list may hold (41 bytes a commit: 200,000 changes to
    /// one ticket). A larger file — a huge or sparse one planted or grown by
    /// damage — is not read: it is damage, and the index is rebuilt.
    static let fileCap = 8 << 20

    /// The file's bytes if it is a regular file of at most `cap` bytes (its size
    /// checked with stat before reading), else nil.
    static func read(_ file: String, cap: Int) -> Data? {
        var info = stat()
        guard stat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        guard Int(info.st_size) <= cap else {
            StartupTrace.mark("history index file over \(cap) bytes: not read, rebuilt")
            return nil
        }
        return FileManager.default.contents(atPath: file)
    }

    private func indexedTip() -> ObjectID? {
        guard let data = Self.read(root + "/TIP", cap: 4096) else { return nil }
        return ObjectID(hex: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private func setTip(_ tip: ObjectID) {
        try? AtomicFile.replace(root + "/TIP", with: Array((tip.hex + "\n").utf8), makeDirectory: true)
    }

    private func append(_ additions: [String: [String]]) {
        var madeDirectories = Set<String>()
        for (path, ids) in additions {
            let target = file(for: path)
            let dir = (target as NSString).deletingLastPathComponent
            if madeDirectories.insert(dir).inserted {
                try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            }
            let fd = open(target, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
            guard fd >= 0 else { continue }
            let text = ids.map { $0 + "\n" }.joined()
            _ = text.withCString { write(fd, $0, strlen($0)) }
            close(fd)
        }
    }
}
