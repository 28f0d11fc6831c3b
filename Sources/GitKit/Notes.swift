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
        if let flat = try flatNotesCommit(adding: notes, onto: parent, signature: signature) { return flat }
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

    /// ``notesCommit(adding:onto:signature:)`` in one commit, when the notes
    /// tree is flat (one file per object, named by its id, as libgit2 writes
    /// it): git_note_commit_create makes a blob, a tree and a commit per note
    /// (100 notes: 0.2–0.4 s of a push's post-receive on a loaded machine).
    /// `.some(nil)` when there was nothing to add; nil when the tree has
    /// fan-out directories (`git notes` makes them), left to libgit2.
    private func flatNotesCommit(adding notes: [(object: ObjectID, text: String)], onto parent: ObjectID?,
                                 signature: Signature) throws -> ObjectID?? {
        let parentTree = try parent.map { try commit($0).tree }
        let existing = try parentTree.map { try directoryEntries(at: "", inTree: $0) } ?? []
        if existing.contains(where: { !$0.entry.isBlob }) { return nil }
        var present = Set(existing.map(\.name))
        var changes: [TreeChange] = []
        for (object, text) in notes where present.insert(object.hex).inserted {
            changes.append(.upsert(object.hex, try writeBlob(Array(text.utf8))))
        }
        guard !changes.isEmpty else { return .some(nil) }
        let tree = try updatedTree(base: parentTree, changes: changes)
        return try createCommit(tree: tree, parents: parent.map { [$0] } ?? [], author: signature, committer: signature,
                                message: "Notes added by 'git_note_create' from libgit2")
    }
}
