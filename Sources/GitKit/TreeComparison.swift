internal import CLibGit2

/// Compares two trees by entry IDs, descending only into subtrees that
/// differ: the paths of files added, removed or changed.
///
/// Cheaper than a full `git_diff` for walking thousands of commits (no diff
/// objects, no pathspec matching), and it keeps the last trees it read, since
/// consecutive commits share most of them.
public final class TreeComparer {
    private let repository: Repository
    private var cache: [ObjectID: TreeHandle] = [:]
    private var order: [ObjectID] = []
    private let capacity = 64

    public init(repository: Repository) { self.repository = repository }

    /// Paths of files that differ between `old` (nil: empty) and `new`,
    /// limited to those under `prefix` (e.g. `tickets/`).
    public func changedFiles(from old: ObjectID?, to new: ObjectID, under prefix: String = "") throws -> [String] {
        try changes(from: old, to: new, under: prefix).map(\.path)
    }

    /// The files that differ, with their blob ids on each side, in path
    /// order; `prefix` is a directory (`tickets/`) or a file (`team.yaml`).
    public func changes(from old: ObjectID?, to new: ObjectID, under prefix: String = "") throws -> [ChangedPath] {
        var result: [ChangedPath] = []
        var components = prefix.split(separator: "/").map(String.init)
        var oldTree = old
        var newTree: ObjectID? = new
        var base = ""
        // Walk down to the prefix on both sides.
        while !components.isEmpty {
            let name = components.removeFirst()
            let a = try oldTree.flatMap { try child(name, of: $0) }
            let b = try newTree.flatMap { try child(name, of: $0) }
            if components.isEmpty && (a?.isFile ?? false || b?.isFile ?? false) {
                // The prefix names a file.
                let oldBlob = a?.isFile == true ? a?.id : nil
                let newBlob = b?.isFile == true ? b?.id : nil
                return oldBlob == newBlob ? [] : [ChangedPath(path: base + name, oldBlob: oldBlob, newBlob: newBlob, newMode: b?.mode)]
            }
            oldTree = a?.isFile == false ? a?.id : nil
            newTree = b?.isFile == false ? b?.id : nil
            base += name + "/"
        }
        if oldTree == newTree { return [] }
        try compare(oldTree, newTree, base: base, into: &result)
        return result
    }

    private func child(_ name: String, of tree: ObjectID) throws -> (id: ObjectID, isFile: Bool, mode: UInt32)? {
        let handle = try lookUp(tree)
        guard let entry = git_tree_entry_byname(handle.pointer, name) else { return nil }
        let type = git_tree_entry_type(entry)
        guard type == GIT_OBJECT_TREE || type == GIT_OBJECT_BLOB else { return nil }
        return (ObjectID(git_tree_entry_id(entry)), type == GIT_OBJECT_BLOB, UInt32(git_tree_entry_filemode(entry).rawValue))
    }

    private func compare(_ old: ObjectID?, _ new: ObjectID?, base: String, into result: inout [ChangedPath]) throws {
        let a = try old.map(lookUp)
        let b = try new.map(lookUp)
        let countA = a.map { git_tree_entrycount($0.pointer) } ?? 0
        let countB = b.map { git_tree_entrycount($0.pointer) } ?? 0
        var i = 0, j = 0
        while i < countA || j < countB {
            let ea = i < countA ? git_tree_entry_byindex(a!.pointer, i) : nil
            let eb = j < countB ? git_tree_entry_byindex(b!.pointer, j) : nil
            let order: Int32
            if let ea, let eb { order = git_tree_entry_cmp(ea, eb) } else { order = ea == nil ? 1 : -1 }
            if order == 0, let ea, let eb {
                i += 1; j += 1
                // A mode change alone (a ticket made executable) is a change too.
                if git_oid_equal(git_tree_entry_id(ea), git_tree_entry_id(eb)) != 0,
                   git_tree_entry_filemode(ea) == git_tree_entry_filemode(eb) { continue }
                try emit(ea, eb, base: base, into: &result)
            } else if order < 0, let ea {
                i += 1
                try emit(ea, nil, base: base, into: &result)
            } else if let eb {
                j += 1
                try emit(nil, eb, base: base, into: &result)
            }
        }
    }

    private func emit(_ old: OpaquePointer?, _ new: OpaquePointer?, base: String, into result: inout [ChangedPath]) throws {
        let name = String(cString: git_tree_entry_name(old ?? new!))
        let oldIsTree = old.map { git_tree_entry_type($0) == GIT_OBJECT_TREE } ?? false
        let newIsTree = new.map { git_tree_entry_type($0) == GIT_OBJECT_TREE } ?? false
        if oldIsTree || newIsTree {
            try compare(oldIsTree ? ObjectID(git_tree_entry_id(old!)) : nil,
                        newIsTree ? ObjectID(git_tree_entry_id(new!)) : nil,
                        base: base + name + "/", into: &result)
        }
        let oldBlob = old != nil && !oldIsTree ? ObjectID(git_tree_entry_id(old!)) : nil
        let newBlob = new != nil && !newIsTree ? ObjectID(git_tree_entry_id(new!)) : nil
        if oldBlob != nil || newBlob != nil {
            result.append(ChangedPath(path: base + name, oldBlob: oldBlob, newBlob: newBlob,
                                      newMode: newBlob == nil ? nil : UInt32(git_tree_entry_filemode(new!).rawValue)))
        }
    }

    private func lookUp(_ id: ObjectID) throws -> TreeHandle {
        if let cached = cache[id] { return cached }
        let handle = try repository.lookupTree(id)
        cache[id] = handle
        order.append(id)
        if order.count > capacity { cache.removeValue(forKey: order.removeFirst()) }
        return handle
    }
}
