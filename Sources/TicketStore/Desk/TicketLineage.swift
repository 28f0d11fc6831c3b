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
        // What each version read whole says it was renamed from: at most one
        // read per creation of the file (their count is traced).
        var renamedFrom: [ObjectID: String?] = [:]
        defer { StartupTrace.mark("history read \(renamedFrom.count) ticket version\(renamedFrom.count == 1 ? "" : "s")") }
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
                    let parentBlobs = try parents.map { try blob(at: p, tree: $0.tree) }
                    for before in parentBlobs { if let before { versions.insert(before) } }
                    if parents.isEmpty { continue }
                    // A rename: the ticket's earlier life is at the old path, as the parent held it.
                    // Only a commit that made the file at this path can be one (sync's rename writes a
                    // fresh ID's file), and only a version whose last line names the rename is parsed:
                    // reading every version whole made history cost the sum of all versions' sizes.
                    guard parentBlobs.contains(nil) else { continue }
                    if renamedFrom[written] == nil {
                        let bytes = try repository.blob(written)
                        renamedFrom[written] = Self.lastLineMayBeRename(bytes)
                            ? (try? TicketFile.parse(bytes: bytes).ticket).flatMap(TicketRename.renamedFrom) : nil
                    }
                    guard let old = renamedFrom[written] ?? nil else { continue }
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

    /// True when the last line of a ticket file holds sync's rename words:
    /// a log entry is one line and the log is the file's last section, so a
    /// version whose last entry is a rename ends with that line.
    static func lastLineMayBeRename(_ bytes: [UInt8]) -> Bool {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        var start = end
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        let marker = Array(" ID renamed from ".utf8)
        guard end - start >= marker.count else { return false }
        var i = start
        while i + marker.count <= end {
            if bytes[i] == marker[0], bytes[i..<(i + marker.count)].elementsEqual(marker) { return true }
            i += 1
        }
        return false
    }
}
