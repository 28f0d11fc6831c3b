import GitKit
import TicketCore

/// The commits that belong to one ticket, across an ID rename.
///
/// A path's history is not a ticket's: after sync renamed an unpushed
/// ticket whose ID the server already had (X1DG4E → HB0940), the old path
/// holds the other ticket, and the renamed one's earlier commits are there
/// too. Two such tickets may even share their creation time and first entry
/// (one operator, one second), so a ticket is followed by its versions: from
/// the version at the tip, newest first, a commit that touched the path
/// belongs to the ticket when the version it wrote is one of the ticket's,
/// and then the versions it started from (its parents' at the path) are the
/// ticket's too. A version whose last entry is the rename line
/// (``TicketRename``) leads on to the old path, from the version the rename
/// commit's parent held there.
enum TicketLineage {
    /// `path`'s ticket's commits, newest first, given each path's commits
    /// (newest first).
    static func commits(path: String, tip: ObjectID, repository: Repository,
                        touching: (String) throws -> [CommitInfo]) throws -> [CommitInfo] {
        func blob(at path: String, tree: ObjectID) throws -> ObjectID? {
            try repository.entry(at: path, inTree: tree)?.id
        }
        guard let start = try blob(at: path, tree: repository.commit(tip).tree) else { return try touching(path) }
        var found: [CommitInfo] = []
        var seen = Set<ObjectID>()
        var pending: [(path: String, versions: Set<ObjectID>)] = [(path, [start])]
        var visited: Set<String> = [path]
        while let (p, first) = pending.popLast() {
            var versions = first
            let listed = try touching(p)
            var accepted = Set<ObjectID>()
            // Until nothing more is found: the list's order need not put children first.
            var grew = true
            while grew {
                grew = false
                for c in listed where !accepted.contains(c.id) {
                    guard let written = try blob(at: p, tree: c.tree), versions.contains(written) else { continue }
                    accepted.insert(c.id)
                    grew = true
                    let parents = try c.parents.map { try repository.commit($0) }
                    for parent in parents {
                        if let before = try blob(at: p, tree: parent.tree) { versions.insert(before) }
                    }
                    // A rename: the ticket's earlier life is at the old path, as the parent held it.
                    guard let ticket = try? TicketFile.parse(bytes: repository.blob(written)).ticket,
                          let old = TicketRename.renamedFrom(ticket) else { continue }
                    let dir = p.split(separator: "/").dropLast().joined(separator: "/")
                    let oldPath = (dir.isEmpty ? "" : dir + "/") + old + ".md"
                    let before = try parents.compactMap { try blob(at: oldPath, tree: $0.tree) }
                    if !before.isEmpty, visited.insert(oldPath).inserted { pending.append((oldPath, Set(before))) }
                }
            }
            for c in listed where accepted.contains(c.id) && seen.insert(c.id).inserted { found.append(c) }
        }
        if visited.count == 1 { return found }
        // Newest first across the paths: by commit time, each path's order kept on ties.
        return found.enumerated().sorted { a, b in
            a.element.committer.time != b.element.committer.time ? a.element.committer.time > b.element.committer.time : a.offset < b.offset
        }.map(\.element)
    }
}
