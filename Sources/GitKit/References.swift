internal import CLibGit2

/// A reference and the commit (or other object) it finally resolves to.
public struct Reference: Hashable, Sendable {
    /// The full name, e.g. `refs/heads/main`.
    public var name: String
    /// The object it points at (symbolic references are resolved).
    public var target: ObjectID

    /// Makes a reference value.
    public init(name: String, target: ObjectID) {
        self.name = name
        self.target = target
    }
}

extension Repository {
    /// The object `name` (e.g. `refs/heads/main` or `HEAD`) resolves to; nil if it does not exist
    /// (or is a symbolic reference to a branch that does not exist yet).
    public func referenceTarget(_ name: String) throws -> ObjectID? {
        var oid = git_oid()
        let rc = git_reference_name_to_id(&oid, pointer, name)
        if rc == GIT_ENOTFOUND.rawValue { return nil }
        try check(rc)
        return ObjectID(oid)
    }

    /// All references whose names match `glob` (fnmatch, e.g. `refs/heads/*`), resolved,
    /// in the order libgit2 lists them. Dangling symbolic references are left out.
    public func references(matching glob: String) throws -> [Reference] {
        var iterator: OpaquePointer? = nil
        try check(git_reference_iterator_glob_new(&iterator, pointer, glob))
        defer { git_reference_iterator_free(iterator) }
        var result: [Reference] = []
        while true {
            var ref: OpaquePointer? = nil
            let rc = git_reference_next(&ref, iterator)
            if rc == GIT_ITEROVER.rawValue { break }
            try check(rc)
            let handle = ReferenceHandle(ref!)
            let name = String(cString: git_reference_name(handle.pointer))
            var resolved: OpaquePointer? = nil
            guard git_reference_resolve(&resolved, handle.pointer) == 0 else { continue }
            let target = ReferenceHandle(resolved!)
            result.append(Reference(name: name, target: ObjectID(git_reference_target(target.pointer))))
        }
        return result
    }

    /// Moves (or creates) reference `name` to `new` by compare-and-swap.
    ///
    /// - `expecting old`: the value the caller read. The update happens only if the
    ///   reference still points there; if it moved (or vanished) the call throws
    ///   ``GitError/Code/modified``. With `nil` the reference must not exist yet,
    ///   else ``GitError/Code/exists``.
    /// - If another process holds the reference's lock file, it throws
    ///   ``GitError/Code/locked``.
    ///
    /// libgit2 does not retry: callers re-read, rebuild their commit on the new
    /// value and try again. The reflog gets `message`; when HEAD is symbolic to
    /// this branch libgit2 appends the same entry to HEAD's reflog.
    public func updateReference(_ name: String, to new: ObjectID, expecting old: ObjectID?, message: String?) throws {
        var newOID = new.oid
        var ref: OpaquePointer? = nil
        if var oldOID = old?.oid {
            let rc = git_reference_create_matching(&ref, pointer, name, &newOID, 1, &oldOID, message)
            if rc == GIT_ENOTFOUND.rawValue {
                // The reference was expected at `old` but does not exist: it moved.
                let error = lastError(rc)
                throw GitError(code: .modified, returnCode: rc, errorClass: error.errorClass,
                               message: "reference '\(name)' no longer exists: \(error.message)")
            }
            try check(rc)
        } else {
            try check(git_reference_create(&ref, pointer, name, &newOID, 0, message))
        }
        git_reference_free(ref)
    }

    /// Deletes reference `name` if it still points at `old` (compare-and-swap,
    /// like ``updateReference(_:to:expecting:message:)``).
    public func deleteReference(_ name: String, expecting old: ObjectID) throws {
        var ref: OpaquePointer? = nil
        try check(git_reference_lookup(&ref, pointer, name))
        let handle = ReferenceHandle(ref!)
        guard git_reference_type(handle.pointer) == GIT_REFERENCE_DIRECT,
              ObjectID(git_reference_target(handle.pointer)) == old else {
            throw GitError(code: .modified, returnCode: GIT_EMODIFIED.rawValue, errorClass: .reference,
                           message: "reference '\(name)' does not point at \(old.hex)")
        }
        // git_reference_delete itself checks, under the lock, that the value is unchanged.
        try check(git_reference_delete(handle.pointer))
    }
}
