import GitKit
import TicketCore

/// The three-way merge of two desk trees, path by path, from their merge base:
/// - a path changed on one side only takes that side;
/// - a ticket changed on both sides is merged field by field (``TicketMerge``),
///   every settled conflict reported and logged as a `Conflict:` entry;
/// - a ticket deleted on one side and changed on the other is kept, changed,
///   and reported;
/// - any other file (settings, roster, templates) changed differently on both
///   sides stops the merge for a person.
///
/// So every file of the result is one side's version, the base's, or a
/// ticket whose fields each come from one side plus the operator's
/// `Conflict:` entries: what the server accepts in a merge commit.
struct TreeMerge {
    let repository: Repository
    let schema: Schema
    let operatorHandle: String
    let now: Timestamp

    /// A conflict the merge settled, for the commit message and the output.
    struct Settled: Equatable {
        var ticketID: String
        var line: String
    }

    struct Outcome {
        var tree: ObjectID
        var settled: [Settled]
    }

    /// The commit (short id) between `base` and `tip` that removed `path`.
    func deletingCommit(_ path: String, tip: ObjectID, base: ObjectID) throws -> String {
        for id in try repository.commits(from: [tip], hiding: [base]) {
            let info = try repository.commit(id)
            guard try repository.entry(at: path, inTree: info.tree) == nil,
                  let parent = info.parents.first, try repository.entry(at: path, inTree: repository.commit(parent).tree) != nil
            else { continue }
            return id.shortHex()
        }
        return tip.shortHex()
    }

    /// Merges `theirs` into `ours` (commits) over `base`.
    func merge(base: ObjectID, ours: ObjectID, theirs: ObjectID) throws -> Outcome {
        let oursInfo = try repository.commit(ours), theirsInfo = try repository.commit(theirs)
        let baseTree = try repository.commit(base).tree
        let oursChanges = try repository.changedPaths(from: baseTree, to: oursInfo.tree)
        let theirsChanges = try repository.changedPaths(from: baseTree, to: theirsInfo.tree)
        var oursByPath: [String: ChangedPath] = [:]
        for c in oursChanges { oursByPath[c.path] = c }

        var updates: [TreeChange] = []
        var settled: [Settled] = []
        var conflictingFiles: [String] = []
        var unsettled: [String] = []
        for t in theirsChanges {
            guard let o = oursByPath[t.path] else {
                updates.append(try take(t, from: theirsInfo.tree))
                continue
            }
            if o.newBlob == t.newBlob { continue }
            guard let id = TicketPath.ticketID(fromPath: t.path) else {
                conflictingFiles.append(t.path)
                continue
            }
            switch (o.newBlob, t.newBlob) {
            case (nil, .some):
                updates.append(try take(t, from: theirsInfo.tree))
                let gone = try deletingCommit(t.path, tip: ours, base: base)
                settled.append(Settled(ticketID: id, line: "\(id): DELETED HERE in \(gone), changed on the server: kept with the server's changes (a deletion never wins over a change); if it must go, an admin deletes it again after this sync (git show \(gone) has what was deleted)"))
            case (.some, nil):
                let gone = try deletingCommit(t.path, tip: theirs, base: base)
                settled.append(Settled(ticketID: id, line: "\(id): changed here, DELETED ON THE SERVER in \(gone): kept with the changes made here (a deletion never wins over a change); if it must go, an admin deletes it again after this sync (git show \(gone) has what was deleted)"))
            case (.some(let ourBlob), .some(let theirBlob)):
                guard let baseBlob = t.oldBlob else {
                    unsettled.append("\(id) (recorded on both sides with different contents)")
                    continue
                }
                let merged = try mergeTicket(id: id, base: baseBlob, ours: ourBlob, theirs: theirBlob,
                                             oursTime: oursInfo.committer, theirsTime: theirsInfo.committer)
                switch merged {
                case .merged(let bytes, let lines):
                    updates.append(.upsert(t.path, try repository.writeBlob(bytes)))
                    settled += lines.map { Settled(ticketID: id, line: $0) }
                case .unsettled(let why):
                    unsettled.append(why)
                }
            case (nil, nil):
                continue
            }
        }
        if !conflictingFiles.isEmpty { throw SyncError.conflictingFiles(conflictingFiles) }
        if !unsettled.isEmpty { throw SyncError.unsettled(unsettled) }
        let tree = updates.isEmpty ? oursInfo.tree : try repository.updatedTree(base: oursInfo.tree, changes: updates)
        return Outcome(tree: tree, settled: settled)
    }

    private enum TicketOutcome {
        case merged([UInt8], [String])
        case unsettled(String)
    }

    private func mergeTicket(id: String, base: ObjectID, ours: ObjectID, theirs: ObjectID,
                             oursTime: Signature, theirsTime: Signature) throws -> TicketOutcome {
        func parse(_ blob: ObjectID) throws -> Ticket? { try? TicketFile.parse(bytes: repository.blob(blob)).ticket }
        guard let b = try parse(base), let o = try parse(ours), let t = try parse(theirs) else {
            return .unsettled("\(id) (a version that is not a readable ticket)")
        }
        let context = MergeContext(operatorHandle: operatorHandle, now: now,
                                   oursTime: Timestamp(seconds: oursTime.time, offsetMinutes: oursTime.offsetMinutes),
                                   theirsTime: Timestamp(seconds: theirsTime.time, offsetMinutes: theirsTime.offsetMinutes))
        let result = TicketMerge.merge(base: b, ours: o, theirs: t, schema: schema, context: context)
        guard result.unresolved.isEmpty else {
            return .unsettled(result.unresolved.map { c in
                "\(id) \(c.field)" + (c.note.map { " (\($0))" } ?? "")
            }.joined(separator: ", "))
        }
        let lines = result.conflicts.map { c in
            "\(id): " + (ConflictLine.text(for: c).split(separator: "\n").first.map(String.init) ?? "")
        }
        return .merged(Array(TicketFile.render(result.ticket, layout: schema.layout).utf8), lines)
    }

    /// One side's version of a path, as a tree change.
    private func take(_ change: ChangedPath, from tree: ObjectID) throws -> TreeChange {
        guard let blob = change.newBlob else { return .remove(change.path) }
        var executable = false
        if TicketPath.ticketID(fromPath: change.path) == nil {
            executable = try repository.entry(at: change.path, inTree: tree)?.kind == .executable
        }
        return .upsert(change.path, blob, executable: executable)
    }
}
