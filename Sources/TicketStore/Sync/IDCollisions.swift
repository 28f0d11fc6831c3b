import GitKit
import TicketCore

/// Two clones that minted the same ticket ID: found at sync (an ID our
/// unpushed commits added that the server's new commits also added), and
/// settled by renaming our ticket to a fresh ID, one commit per ticket,
/// authored by the operator, before the merge. The server's ticket keeps
/// its ID: it was there first.
struct IDCollisions {
    let repository: Repository
    let schema: Schema
    let prefix: String
    let person: Person
    let now: Timestamp

    /// A renamed ticket.
    struct Renamed: Equatable {
        var old: String
        var new: String
    }

    /// Renames each colliding local ticket; returns the new tip (a descendant
    /// of `ours`, or `ours` itself) and the renames.
    func settle(base: ObjectID, ours: ObjectID, theirs: ObjectID) throws -> (tip: ObjectID, renamed: [Renamed]) {
        let baseTree = try repository.commit(base).tree
        let theirsTree = try repository.commit(theirs).tree
        let theirAdded = try addedTickets(from: baseTree, to: theirsTree)
        guard !theirAdded.isEmpty else { return (ours, []) }
        var tip = ours
        var renamed: [Renamed] = []
        let oursTree = try repository.commit(ours).tree
        for (id, ourFile) in try addedTickets(from: baseTree, to: oursTree).sorted(by: { $0.key < $1.key }) {
            guard let theirFile = theirAdded[id.uppercased()], theirFile.blob != ourFile.blob || theirFile.path != ourFile.path else { continue }
            let (commit, newID) = try rename(path: ourFile.path, blob: ourFile.blob, on: tip, avoiding: theirs)
            tip = commit
            renamed.append(Renamed(old: ourFile.id, new: newID))
        }
        return (tip, renamed)
    }

    /// Ticket files added between two trees, by upper-cased ID.
    private func addedTickets(from old: ObjectID, to new: ObjectID) throws -> [String: (id: String, path: String, blob: ObjectID)] {
        var result: [String: (id: String, path: String, blob: ObjectID)] = [:]
        for c in try repository.changedPaths(from: old, to: new, under: "tickets/") where c.oldBlob == nil {
            if let blob = c.newBlob, let id = TicketPath.ticketID(fromPath: c.path) { result[id.uppercased()] = (id, c.path, blob) }
        }
        return result
    }

    /// Commits the ticket at `path` under a fresh ID on top of `parent`.
    private func rename(path: String, blob: ObjectID, on parent: ObjectID, avoiding theirs: ObjectID) throws -> (ObjectID, String) {
        let parentTree = try repository.commit(parent).tree
        let theirsTree = try repository.commit(theirs).tree
        let ticket = try TicketFile.parse(bytes: repository.blob(blob)).ticket
        guard let created = ticket.created else { throw SyncError.unsettled(["\(ticket.id) (an ID collision with a ticket that has no created time)"]) }
        var newID = ""
        var newPath = ""
        repeat {
            // Fresh randomness, never GITDESK_ID_SEED: the seed made the collision.
            newID = TicketID.generate(prefix: prefix, created: created)
            newPath = TicketPath.path(id: newID, created: created)
        } while try repository.entry(at: newPath, inTree: parentTree) != nil
            || repository.entry(at: newPath, inTree: theirsTree) != nil
        let renamed = TicketRename.apply(ticket, newID: newID, by: person.handle, at: now)
        let bytes = Array(TicketFile.render(renamed, layout: schema.layout).utf8)
        let tree = try repository.updatedTree(base: parentTree, changes: [.remove(path), .upsert(newPath, try repository.writeBlob(bytes))])
        let signature = Signature(name: person.name, email: person.email, time: now.seconds, offsetMinutes: now.offsetMinutes)
        let message = "\(newID): renamed from \(ticket.id) (the ID was taken on the server)\n\nTicket: \(newID)\nOperation: rename\n"
        let commit = try repository.createCommit(tree: tree, parents: [parent], author: signature, committer: signature, message: message)
        let validator = CommitValidator(repository: repository)
        validator.renameWitnesses = [theirs]  // the server's ticket that holds the old ID
        let report = try validator.validate(commit: commit)
        let errors = report.findings.filter { $0.severity == .error }
        if !errors.isEmpty { throw SyncError.invalidMerge(errors) }
        return (commit, newID)
    }
}
