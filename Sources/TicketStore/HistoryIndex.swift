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

    /// The commits that changed `path` in the history of `tip`, newest first.
    func commits(touching path: String, tip: ObjectID) throws -> [ObjectID] {
        let lock = try DeskLock.acquire(gitDir: repository.gitDir, name: "history.lock", quiet: true)
        defer { withExtendedLifetime(lock) {} }
        try catchUp(to: tip)
        guard let data = FileManager.default.contents(atPath: file(for: path)) else { return [] }
        // A writer killed between appending its commit and moving TIP leaves the
        // commit listed once more by the next catch-up: keep the first of each.
        var seen = Set<ObjectID>()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").reversed()
            .compactMap { ObjectID(hex: String($0)) }.filter { seen.insert($0).inserted }
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
            try? FileManager.default.removeItem(atPath: root)
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

    private func indexedTip() -> ObjectID? {
        guard let data = FileManager.default.contents(atPath: root + "/TIP") else { return nil }
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
