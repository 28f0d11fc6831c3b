internal import CLibGit2

extension Repository {
    /// The commit a revision expression names (`HEAD`, `origin/main`, `abc1234`,
    /// `main~2`), peeled to a commit. Throws `.notFound` when it names nothing.
    public func resolveCommit(_ revision: String) throws -> ObjectID {
        var object: OpaquePointer? = nil
        try check(git_revparse_single(&object, pointer, revision))
        defer { git_object_free(object) }
        var peeled: OpaquePointer? = nil
        try check(git_object_peel(&peeled, object, GIT_OBJECT_COMMIT))
        defer { git_object_free(peeled) }
        return ObjectID(git_object_id(peeled))
    }

    /// The commits reachable from `tips` but from none of `hiding`, parents
    /// before children (oldest first), like `git rev-list --topo-order
    /// --reverse TIPS ^HIDING`. Hidden ids that are not in the repository are
    /// ignored.
    public func commits(from tips: [ObjectID], hiding: [ObjectID]) throws -> [ObjectID] {
        var walk: OpaquePointer? = nil
        try check(git_revwalk_new(&walk, pointer))
        let handle = RevwalkHandle(walk!)
        try check(git_revwalk_sorting(handle.pointer, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_REVERSE.rawValue))
        for tip in tips {
            var oid = tip.oid
            try check(git_revwalk_push(handle.pointer, &oid))
        }
        for hidden in hiding {
            var oid = hidden.oid
            let rc = git_revwalk_hide(handle.pointer, &oid)
            if rc == GIT_ENOTFOUND.rawValue { continue }
            try check(rc)
        }
        var result: [ObjectID] = []
        var oid = git_oid()
        while true {
            let rc = git_revwalk_next(&oid, handle.pointer)
            if rc == GIT_ITEROVER.rawValue { break }
            try check(rc)
            result.append(ObjectID(oid))
        }
        return result
    }

    /// The directory shared by all worktrees (`.git` of the main working tree,
    /// or the bare repository), where hooks and refs live; no trailing slash.
    public var commonDir: String {
        let path = String(cString: git_repository_commondir(pointer))
        return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// The entries directly inside directory `path` of tree `tree` (`""`: the
    /// root), by name; empty when `path` is not a directory.
    public func directoryEntries(at path: String, inTree tree: ObjectID) throws -> [(name: String, entry: TreeEntry)] {
        var dir = tree
        if !path.isEmpty {
            guard let sub = try entry(at: path, inTree: tree), sub.kind == .tree else { return [] }
            dir = sub.id
        }
        let handle = try lookupTree(dir)
        let count = git_tree_entrycount(handle.pointer)
        var result: [(name: String, entry: TreeEntry)] = []
        result.reserveCapacity(count)
        for i in 0..<count {
            guard let e = git_tree_entry_byindex(handle.pointer, i) else { continue }
            result.append((String(cString: git_tree_entry_name(e)),
                           TreeEntry(id: ObjectID(git_tree_entry_id(e)), mode: UInt32(git_tree_entry_filemode(e).rawValue))))
        }
        return result
    }
}
