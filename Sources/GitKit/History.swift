internal import CLibGit2

extension Repository {
    /// The commits reachable from `start` that changed the file at `path`,
    /// newest (by committer time) first; at most `limit` of them.
    ///
    /// A commit *touches* the path when the blob there (or its absence)
    /// differs from its first parent's (a root commit: when the path exists);
    /// a merge touches it only when it differs from every parent. Ids are
    /// compared, never contents, and the blob id of each tree along the path
    /// is memoised per directory tree, so most commits cost a few
    /// small-tree lookups.
    ///
    /// Pruning rule: when the path is absent from a commit *and* from all of
    /// its parents, the walk does not continue into those parents: the file
    /// was born in a descendant, so that line of history holds nothing more
    /// about it. This stops the walk at the file's creation instead of
    /// walking the whole repository, and answers at once for a path that
    /// never existed. The price: a file deleted two or more commits before
    /// `start` (or deleted, absent a while, then re-created) hides what came
    /// before. Pass `includeDeleted: true` to walk on until the path has been
    /// seen once (then the same rule applies); it costs a walk down to the
    /// deletion, and the whole history for a path that never existed.
    public func history(of path: String, from start: ObjectID, limit: Int? = nil,
                        includeDeleted: Bool = false) throws -> [CommitInfo] {
        if let limit, limit <= 0 { return [] }
        let finder = PathBlobFinder(repository: self, path: path)
        var queue = CommitQueue()
        var seen: Set<ObjectID> = [start]
        let first = try lookupCommit(start)
        queue.push(first, blob: try finder.blob(inTree: first.treeID))
        var result: [CommitInfo] = []
        var pathSeen = !includeDeleted
        while let (commit, mine) = queue.pop() {
            var parents: [CommitHandle] = []
            var parentBlobs: [ObjectID?] = []
            for i in 0..<commit.parentCount {
                let parent = try lookupCommit(commit.parentID(i))
                parents.append(parent)
                parentBlobs.append(try finder.blob(inTree: parent.treeID))
            }
            let touched: Bool
            switch parentBlobs.count {
            case 0: touched = mine != nil
            case 1: touched = parentBlobs[0] != mine
            default: touched = parentBlobs.allSatisfy { $0 != mine }
            }
            if touched {
                result.append(try commitInfo(commit))
                if let limit, result.count >= limit { break }
            }
            if mine == nil && parentBlobs.allSatisfy({ $0 == nil }) {
                if pathSeen { continue }
            } else {
                pathSeen = true
            }
            for (parent, blob) in zip(parents, parentBlobs) where seen.insert(parent.id).inserted {
                queue.push(parent, blob: blob)
            }
        }
        return result
    }
}

/// Finds the blob id at one path in many trees, memoising each subdirectory
/// tree's answer: consecutive commits share most subtrees, so only trees that
/// changed along the path are ever read. (Root trees differ in every commit:
/// not memoised; the walk carries each commit's answer instead.)
private final class PathBlobFinder {
    private struct Key: Hashable {
        var depth: Int
        var tree: ObjectID
    }

    private let repository: Repository
    private let components: [String]
    private var memo: [Key: ObjectID?] = [:]

    init(repository: Repository, path: String) {
        self.repository = repository
        self.components = path.split(separator: "/").map(String.init)
    }

    /// The id of the entry at the path in `root`; nil if there is none.
    func blob(inTree root: ObjectID) throws -> ObjectID? {
        guard !components.isEmpty else { return nil }
        var current = root
        for depth in components.indices {
            let key = Key(depth: depth, tree: current)
            let next: ObjectID?
            if depth == 0 {
                next = try lookUp(components[0], in: current, isLast: components.count == 1)
            } else if let known = memo[key] {
                next = known
            } else {
                next = try lookUp(components[depth], in: current, isLast: depth == components.count - 1)
                memo.updateValue(next, forKey: key)
            }
            guard let found = next else { return nil }
            current = found
        }
        return current
    }

    private func lookUp(_ name: String, in treeID: ObjectID, isLast: Bool) throws -> ObjectID? {
        let tree = try repository.lookupTree(treeID)
        guard let entry = git_tree_entry_byname(tree.pointer, name) else { return nil }
        let isTree = git_tree_entry_type(entry) == GIT_OBJECT_TREE
        // A directory must be a tree on the way down; the file itself must not be one.
        guard isTree != isLast else { return nil }
        return ObjectID(git_tree_entry_id(entry))
    }
}

/// A max-heap of commits (each with its blob at the path) by committer time;
/// equal times come out in push order.
private struct CommitQueue {
    private var heap: [(time: Int64, order: Int, commit: CommitHandle, blob: ObjectID?)] = []
    private var pushed = 0

    mutating func push(_ commit: CommitHandle, blob: ObjectID?) {
        heap.append((commit.time, pushed, commit, blob))
        pushed += 1
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard before(child, parent) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (CommitHandle, ObjectID?)? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let last = heap.removeLast()
        let top = (last.commit, last.blob)
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var best = parent
            if left < heap.count && before(left, best) { best = left }
            if right < heap.count && before(right, best) { best = right }
            if best == parent { break }
            heap.swapAt(parent, best)
            parent = best
        }
        return top
    }

    private func before(_ a: Int, _ b: Int) -> Bool {
        heap[a].time != heap[b].time ? heap[a].time > heap[b].time : heap[a].order < heap[b].order
    }
}
