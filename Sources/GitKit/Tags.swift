internal import CLibGit2

enum GitObject: LibGit2Object { static func free(_ p: OpaquePointer) { git_object_free(p) } }
enum GitTag: LibGit2Object { static func free(_ p: OpaquePointer) { git_tag_free(p) } }

extension Repository {
    /// The commit `id` peels to: the commit itself, or the commit an annotated
    /// tag (or a chain of them) names; nil when it names no commit (a tag of a
    /// tree or a blob) or is no object here.
    public func peeledCommit(_ id: ObjectID) throws -> ObjectID? {
        var oid = id.oid
        var object: OpaquePointer? = nil
        let rc = git_object_lookup(&object, pointer, &oid, GIT_OBJECT_ANY)
        if rc == GIT_ENOTFOUND.rawValue { return nil }
        try check(rc)
        let handle = Handle<GitObject>(object!)
        var peeled: OpaquePointer? = nil
        guard git_object_peel(&peeled, handle.pointer, GIT_OBJECT_COMMIT) == 0, let peeled else { return nil }
        let commit = Handle<GitObject>(peeled)
        return ObjectID(git_object_id(commit.pointer))
    }

    /// The messages of the annotated tags from `id` down to what they finally
    /// name (empty when `id` is not an annotated tag).
    public func tagMessages(_ id: ObjectID) throws -> [String] {
        var messages: [String] = []
        var next = id
        while messages.count < 16 {
            var oid = next.oid
            var tag: OpaquePointer? = nil
            guard git_tag_lookup(&tag, pointer, &oid) == 0, let tag else { break }
            let handle = Handle<GitTag>(tag)
            messages.append(git_tag_message(handle.pointer).map { String(cString: $0) } ?? "")
            next = ObjectID(git_tag_target_id(handle.pointer))
        }
        return messages
    }
}
