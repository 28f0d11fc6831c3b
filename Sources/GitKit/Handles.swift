internal import CLibGit2

// Owners of libgit2 objects: one generic class that frees its object in
// deinit, told how by the kind of object. Internal only: C pointers never
// leave GitKit.

/// A kind of libgit2 object and the function that frees it.
protocol LibGit2Object {
    static func free(_ pointer: OpaquePointer)
}

/// Owns one libgit2 object of `Kind`.
final class Handle<Kind: LibGit2Object> {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { Kind.free(pointer) }
}

enum GitTree: LibGit2Object { static func free(_ p: OpaquePointer) { git_tree_free(p) } }
enum GitCommit: LibGit2Object { static func free(_ p: OpaquePointer) { git_commit_free(p) } }
enum GitBlob: LibGit2Object { static func free(_ p: OpaquePointer) { git_blob_free(p) } }
enum GitReference: LibGit2Object { static func free(_ p: OpaquePointer) { git_reference_free(p) } }
enum GitIndex: LibGit2Object { static func free(_ p: OpaquePointer) { git_index_free(p) } }
enum GitConfig: LibGit2Object { static func free(_ p: OpaquePointer) { git_config_free(p) } }
enum GitDiff: LibGit2Object { static func free(_ p: OpaquePointer) { git_diff_free(p) } }
enum GitRevwalk: LibGit2Object { static func free(_ p: OpaquePointer) { git_revwalk_free(p) } }
/// A `git_tree_entry *` that was returned to us (bypath lookups), not one borrowed from a tree.
enum GitTreeEntry: LibGit2Object { static func free(_ p: OpaquePointer) { git_tree_entry_free(p) } }

typealias TreeHandle = Handle<GitTree>
typealias CommitHandle = Handle<GitCommit>
typealias BlobHandle = Handle<GitBlob>
typealias ReferenceHandle = Handle<GitReference>
typealias IndexHandle = Handle<GitIndex>
typealias ConfigHandle = Handle<GitConfig>
typealias DiffHandle = Handle<GitDiff>
typealias RevwalkHandle = Handle<GitRevwalk>
typealias TreeEntryHandle = Handle<GitTreeEntry>

extension Handle where Kind == GitCommit {
    var id: ObjectID { ObjectID(git_commit_id(pointer)) }
    var treeID: ObjectID { ObjectID(git_commit_tree_id(pointer)) }
    var time: Int64 { Int64(git_commit_time(pointer)) }
    var parentCount: Int { Int(git_commit_parentcount(pointer)) }
    func parentID(_ index: Int) -> ObjectID { ObjectID(git_commit_parent_id(pointer, UInt32(index))) }
}

extension Repository {
    /// Looks up a tree object.
    func lookupTree(_ id: ObjectID) throws -> TreeHandle {
        var oid = id.oid
        var tree: OpaquePointer? = nil
        try check(git_tree_lookup(&tree, pointer, &oid), reading: id, in: gitDir)
        return TreeHandle(tree!)
    }

    /// Looks up a commit object.
    func lookupCommit(_ id: ObjectID) throws -> CommitHandle {
        var oid = id.oid
        var commit: OpaquePointer? = nil
        try check(git_commit_lookup(&commit, pointer, &oid), reading: id, in: gitDir)
        return CommitHandle(commit!)
    }

    /// The repository's index (shared with the repository, reference-counted).
    func openIndex() throws -> IndexHandle {
        var index: OpaquePointer? = nil
        try check(git_repository_index(&index, pointer))
        return IndexHandle(index!)
    }
}
