import GitKit
import TicketCore

/// What a range of commits did to each ticket, for reading a pull request
/// of ticket changes (`gitdesk diff`): each field's old and new value, the
/// log entries added, who made the changes, and what the validator finds in
/// the range's commits.
public enum TicketDiff {
    /// One ticket's changes over the range.
    public struct Entry: Sendable {
        public var id: String
        public var path: String
        /// `added`, `modified` or `deleted`.
        public var kind: String
        /// Field changes in schema order (values masked).
        public var changes: [(field: String, old: String?, new: String?)]
        public var logAdded: [LogEntry]
        public var contactsAdded: [ContactEntry]
        /// The commits of the range that touched the file, oldest first.
        public var commits: [CommitInfo]
        /// Validator findings about this file in the range's commits.
        public var findings: [Finding]
    }

    /// The range a review reads by default: unpushed commits (`@{u}..HEAD`)
    /// when there are any; else, just after a sync or pull, what that update
    /// brought in (`@{1}..HEAD`, the branch's previous position); else the
    /// last commit (`HEAD~1..HEAD`).
    public static func defaultRange(_ repository: Repository) -> String {
        let head = try? repository.resolveCommit("HEAD")
        // Unpushed work: what a push would carry, read like a pull request.
        if let upstream = try? repository.resolveCommit("@{u}"), upstream != head { return "@{u}..HEAD" }
        // In step with the server (just synced or pulled): what the last update of the branch brought in.
        if let before = try? repository.resolveCommit("@{1}"), before != head { return "@{1}..HEAD" }
        return "HEAD~1..HEAD"
    }

    /// The ticket changes of `range` (`A..B`: from the merge base of A and B
    /// to B, as a pull request shows them), in path order, plus findings that
    /// belong to no ticket file.
    public static func compute(desk: Desk, range: String) throws(DeskError) -> (entries: [Entry], otherFindings: [Finding]) {
        let repository = desk.repository
        do {
            // A...B reads as git diff reads it: from the merge base to B, which is what A..B shows here.
            let parts = range.contains("...") ? range.components(separatedBy: "...") : range.components(separatedBy: "..")
            guard parts.count == 2 else { throw DeskError.said(Message(.badRange, ["range": .text(range)])) }
            let from: ObjectID
            let to: ObjectID
            do {
                from = try repository.resolveCommit(parts[0].isEmpty ? "HEAD" : parts[0])
                to = try repository.resolveCommit(parts[1].isEmpty ? "HEAD" : parts[1])
            } catch {
                throw DeskError.invalidInput("'\(range)' names no commits here (\(DeskError.from(error)))")
            }
            let baseCommit = try repository.mergeBase(from, to) ?? from
            let oldTree = try repository.commit(baseCommit).tree
            let newTree = try repository.commit(to).tree
            let commits = try repository.commits(from: [to], hiding: [from])
            // Which commits touched which ticket file (against their first parent).
            var touching: [String: [CommitInfo]] = [:]
            for id in commits {
                let info = try repository.commit(id)
                let parentTree = try info.parents.first.map { try repository.commit($0).tree }
                for c in try repository.changedPaths(from: parentTree, to: info.tree, under: "tickets/") {
                    touching[c.path, default: []].append(info)
                }
            }
            let validator = CommitValidator(repository: repository)
            try validator.witnessCollisions(onto: from, in: commits)
            let findings = try validator.validate(commits: commits).flatMap(\.findings)
            var used = Set<Int>()
            var entries: [Entry] = []
            let schema = desk.schema
            for c in try repository.changedPaths(from: oldTree, to: newTree, under: "tickets/") {
                guard let id = TicketPath.ticketID(fromPath: c.path) else { continue }
                let old = try c.oldBlob.flatMap { try? TicketFile.parse(bytes: repository.blob($0)).ticket }
                let new = try c.newBlob.flatMap { try? TicketFile.parse(bytes: repository.blob($0)).ticket }
                var mine: [Finding] = []
                for (i, f) in findings.enumerated() where f.file.hasSuffix(":" + c.path) {
                    mine.append(f); used.insert(i)
                }
                // The ticket's own commits: through a rename, never another ticket's at the same path.
                let ticketCommits = try TicketLineage.commits(path: c.path, tip: to, repository: repository) { touching[$0] ?? [] }
                entries.append(Entry(
                    id: id, path: c.path, kind: c.oldBlob == nil ? "added" : c.newBlob == nil ? "deleted" : "modified",
                    changes: fieldChanges(old, new, schema: schema),
                    logAdded: added(old?.log ?? [], new?.log ?? []),
                    contactsAdded: (new?.contacts ?? []).filter { n in !(old?.contacts ?? []).contains { $0.time == n.time && $0.operator == n.operator && $0.summary == n.summary } },
                    commits: ticketCommits, findings: mine))
            }
            let others = findings.enumerated().filter { !used.contains($0.offset) }.map(\.element)
            return (entries, others)
        } catch let error as DeskError {
            throw error
        } catch {
            throw DeskError.from(error)
        }
    }

    /// Fields whose value differs, in schema order, masked for display.
    static func fieldChanges(_ old: Ticket?, _ new: Ticket?, schema: Schema) -> [(field: String, old: String?, new: String?)] {
        var keys = schema.fields.map(\.key)
        let known = Set(keys)
        keys += Set((old?.fields.keys.map { $0 } ?? []) + (new?.fields.keys.map { $0 } ?? [])).subtracting(known).sorted()
        return keys.compactMap { k in
            let a = old?[k], b = new?[k]
            guard a != b else { return nil }
            return (k, masked(a, field: k, schema: schema), masked(b, field: k, schema: schema))
        }
    }

    static func masked(_ value: String?, field: String, schema: Schema) -> String? {
        guard let value else { return nil }
        if schema.field(field)?.type == .contact || schema.privacy.maskedFields.contains(field) {
            return ContactMasking.maskContact(value, kinds: Set(schema.privacy.kinds))
        }
        return PIIScanner.mask(value, options: schema.privacy.scanOptions).text
    }

    /// Entries of `new` that `old` does not hold (as many times as it holds fewer).
    static func added(_ old: [LogEntry], _ new: [LogEntry]) -> [LogEntry] {
        var remaining: [String: Int] = [:]
        for e in old { remaining["\(e.time.iso8601) \(e.operator): \(e.text)", default: 0] += 1 }
        return new.filter { e in
            let k = "\(e.time.iso8601) \(e.operator): \(e.text)"
            if let n = remaining[k], n > 0 { remaining[k] = n - 1; return false }
            return true
        }
    }
}
