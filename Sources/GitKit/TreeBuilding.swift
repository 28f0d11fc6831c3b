internal import CLibGit2

/// One change to apply to a tree.
public enum TreeChange: Hashable, Sendable {
    /// Puts `blob` at `path` (creating directories), replacing what was there.
    case upsert(String, ObjectID, executable: Bool = false)
    /// Removes the file at `path`; directories left empty disappear.
    case remove(String)

    /// The path the change applies to.
    public var path: String {
        switch self {
        case .upsert(let path, _, _), .remove(let path): path
        }
    }
}

extension Repository {
    /// Writes the tree `base` + `changes` and returns its id (`base` nil: start
    /// from the empty tree, for a first commit). Only the directories on the
    /// changed paths are rewritten (`git_tree_create_updated`). Give each path
    /// at most once.
    public func updatedTree(base: ObjectID?, changes: [TreeChange]) throws -> ObjectID {
        let baseTree = try lookupTree(base ?? writeEmptyTree())
        var oid = git_oid()
        try withCStrings(changes.map(\.path)) { paths in
            var updates: [git_tree_update] = zip(changes, paths).map { change, path in
                var update = git_tree_update()
                update.path = path
                switch change {
                case .upsert(_, let blob, let executable):
                    update.action = GIT_TREE_UPDATE_UPSERT
                    update.id = blob.oid
                    update.filemode = executable ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB
                case .remove:
                    update.action = GIT_TREE_UPDATE_REMOVE
                }
                return update
            }
            _ = try check(git_tree_create_updated(&oid, pointer, baseTree.pointer, updates.count, &updates))
        }
        return ObjectID(oid)
    }

    /// Writes the empty tree (`4b825dc…`) and returns its id.
    public func writeEmptyTree() throws -> ObjectID {
        var builder: OpaquePointer? = nil
        try check(git_treebuilder_new(&builder, pointer, nil))
        defer { git_treebuilder_free(builder) }
        var oid = git_oid()
        try check(git_treebuilder_write(&oid, builder))
        return ObjectID(oid)
    }
}

/// Calls `body` with C copies of `strings`, freed afterwards.
func withCStrings<R>(_ strings: [String], _ body: ([UnsafePointer<CChar>]) throws -> R) rethrows -> R {
    let copies = strings.map { string -> UnsafeMutablePointer<CChar> in
        let bytes = string.utf8CString
        let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        bytes.withUnsafeBufferPointer { copy.initialize(from: $0.baseAddress!, count: $0.count) }
        return copy
    }
    defer { copies.forEach { $0.deallocate() } }
    return try body(copies.map { UnsafePointer($0) })
}
