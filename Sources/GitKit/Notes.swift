internal import CLibGit2

enum GitNote: LibGit2Object { static func free(_ p: OpaquePointer) { git_note_free(p) } }

/// Git notes: text attached to an object under a notes reference
/// (`refs/notes/...`), kept in commits of their own, so adding notes never
/// changes the commits they describe.
extension Repository {
    /// The note on `object` under the notes reference `ref`; nil when there is none
    /// (or the reference does not exist).
    public func note(on object: ObjectID, ref: String) throws -> String? {
        var out: OpaquePointer? = nil
        var oid = object.oid
        let rc = git_note_read(&out, pointer, ref, &oid)
        if rc == GIT_ENOTFOUND.rawValue { return nil }
        try check(rc)
        let note = Handle<GitNote>(out!)
        return git_note_message(note.pointer).map { String(cString: $0) }
    }

    /// Writes a notes commit on top of `parent` (a notes reference's commit;
    /// nil to start one) that adds `notes`, one per object, leaving objects
    /// that already have a note alone. Returns the new notes commit, or nil
    /// when there was nothing to add. Moves no reference: follow with
    /// ``updateReference(_:to:expecting:message:)``.
    public func notesCommit(adding notes: [(object: ObjectID, text: String)], onto parent: ObjectID?,
                            signature: Signature) throws -> ObjectID? {
        var tip = parent
        var added = false
        for (object, text) in notes {
            let parentHandle = try tip.map(lookupCommit)
            var oid = object.oid
            if let parentHandle {
                var existing: OpaquePointer? = nil
                let rc = git_note_commit_read(&existing, pointer, parentHandle.pointer, &oid)
                if rc == 0 { git_note_free(existing); continue }
                if rc != GIT_ENOTFOUND.rawValue { try check(rc) }
            }
            var commitOut = git_oid()
            var blobOut = git_oid()
            try signature.withGitSignature { sig in
                _ = try check(git_note_commit_create(&commitOut, &blobOut, pointer, parentHandle?.pointer,
                                                     sig, sig, &oid, text, 0))
            }
            tip = ObjectID(commitOut)
            added = true
        }
        return added ? tip : nil
    }
}
