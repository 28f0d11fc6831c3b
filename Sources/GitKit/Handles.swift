internal import CLibGit2

// Owners of libgit2 objects: one small final class per kind, freeing its
// object in deinit. Internal only: C pointers never leave GitKit.

/// Owns a `git_tree *`.
final class TreeHandle {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_tree_free(pointer) }
}

/// Owns a `git_commit *`.
final class CommitHandle {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_commit_free(pointer) }

    var id: ObjectID { ObjectID(git_commit_id(pointer)) }
    var treeID: ObjectID { ObjectID(git_commit_tree_id(pointer)) }
    var time: Int64 { Int64(git_commit_time(pointer)) }
    var parentCount: Int { Int(git_commit_parentcount(pointer)) }
    func parentID(_ index: Int) -> ObjectID { ObjectID(git_commit_parent_id(pointer, UInt32(index))) }
}

/// Owns a `git_blob *`.
final class BlobHandle {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_blob_free(pointer) }
}

/// Owns a `git_reference *`.
final class ReferenceHandle {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_reference_free(pointer) }
}

/// Owns a `git_index *`.
final class IndexHandle {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_index_free(pointer) }
}

/// Owns a `git_config *`.
final class ConfigHandle {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_config_free(pointer) }
}

/// Owns a `git_diff *`.
final class DiffHandle {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_diff_free(pointer) }
}

/// Owns a `git_tree_entry *` that was returned to us (bypath lookups).
final class TreeEntryHandle {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_tree_entry_free(pointer) }
}

extension Repository {
    /// Looks up a tree object.
    func lookupTree(_ id: ObjectID) throws -> TreeHandle {
        var oid = id.oid
        var tree: OpaquePointer? = nil
        try check(git_tree_lookup(&tree, pointer, &oid))
        return TreeHandle(tree!)
    }

    /// Looks up a commit object.
    func lookupCommit(_ id: ObjectID) throws -> CommitHandle {
        var oid = id.oid
        var commit: OpaquePointer? = nil
        try check(git_commit_lookup(&commit, pointer, &oid))
        return CommitHandle(commit!)
    }

    /// The repository's index (shared with the repository, reference-counted).
    func openIndex() throws -> IndexHandle {
        var index: OpaquePointer? = nil
        try check(git_repository_index(&index, pointer))
        return IndexHandle(index!)
    }
}
