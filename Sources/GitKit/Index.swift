internal import CLibGit2

extension Repository {
    /// Stages the working file at `path` (relative to the working directory),
    /// like `git add path`: reads the index fresh from disk, hashes the file,
    /// records its stat data so `git status` stays clean, writes the index.
    /// Nothing else in the index changes. Throws `.locked` if another process
    /// holds `index.lock`, `.bareRepo` in a bare repository.
    public func stageFile(path: String) throws {
        let index = try readIndex()
        try check(git_index_add_bypath(index.pointer, path))
        try check(git_index_write(index.pointer))
    }

    /// Removes `path` from the index (after its working file was deleted), like `git rm --cached`.
    public func unstageFile(path: String) throws {
        let index = try readIndex()
        try check(git_index_remove_bypath(index.pointer, path))
        try check(git_index_write(index.pointer))
    }

    /// The blob the index records at `path` (stage 0); nil if it has none.
    public func indexEntry(_ path: String) throws -> ObjectID? {
        let index = try readIndex()
        return git_index_get_bypath(index.pointer, path, 0).map { ObjectID($0.pointee.id) }
    }

    /// True if the index holds for `path` exactly what tree `headTree` holds
    /// (both absent counts as a match) and `path` has no conflict. False means
    /// the user staged something for that file.
    public func indexMatchesHead(path: String, headTree: ObjectID?) throws -> Bool {
        let index = try readIndex()
        for stage: Int32 in 1...3 where git_index_get_bypath(index.pointer, path, stage) != nil {
            return false
        }
        let staged = git_index_get_bypath(index.pointer, path, 0).map { ObjectID($0.pointee.id) }
        let committed = try headTree.flatMap { try entry(at: path, inTree: $0)?.id }
        return staged == committed
    }

    /// The index's stage-0 files whose paths start with `prefix` (e.g. `tickets/`), in index order.
    public func indexEntries(under prefix: String = "") throws -> [(path: String, blob: ObjectID)] {
        let index = try readIndex()
        var position = 0
        if !prefix.isEmpty {
            let rc = git_index_find_prefix(&position, index.pointer, prefix)
            if rc == GIT_ENOTFOUND.rawValue { return [] }
            try check(rc)
        }
        var result: [(path: String, blob: ObjectID)] = []
        let count = git_index_entrycount(index.pointer)
        while position < count, let entry = git_index_get_byindex(index.pointer, position) {
            position += 1
            let path = String(cString: entry.pointee.path)
            guard path.hasPrefix(prefix) else { break }
            guard (entry.pointee.flags & UInt16(GIT_INDEX_ENTRY_STAGEMASK)) == 0 else { continue }
            result.append((path, ObjectID(entry.pointee.id)))
        }
        return result
    }

    /// Writes the index as tree objects and returns the root tree's id (what
    /// `git commit` would record). Throws `.unmerged` if the index has conflicts.
    public func writeIndexTree() throws -> ObjectID {
        let index = try readIndex()
        var oid = git_oid()
        try check(git_index_write_tree(&oid, index.pointer))
        return ObjectID(oid)
    }
}
