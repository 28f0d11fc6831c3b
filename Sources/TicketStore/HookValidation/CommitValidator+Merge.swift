import Foundation
import GitKit
import TicketCore

extension CommitValidator {
    /// A merge (two or more parents), judged by ``MergeJudgement``: every
    /// path where the result differs from a parent is compared with the
    /// merge base and the parents. Paths (and ticket fields) the result
    /// carries from a side are not judged again; what the merge produced is
    /// judged as a change by the merge's author with the author's roles
    /// (`settings-change`, `delete`, transitions, fields), and every ticket it
    /// produced must be valid on its own. Ticket logs keep every entry of
    /// every parent.
    func validateMerge(tree: ObjectID, parents: [ObjectID], parentTrees: [ObjectID], author: Signature?,
                       person: Person?, settings: DeskSettings?, rulesTree: ObjectID, schema: Schema) throws -> [Finding] {
        let team = settings?.team
        let rosterKnown = !(team?.people.isEmpty ?? true)
        let baseTree = try mergeBase(of: parents).map { try repository.commit($0).tree }

        var paths = Set<String>()
        for parentTree in parentTrees {
            for c in try changes(from: parentTree, to: tree) { paths.insert(c.path) }
        }
        var settingsProduced: [String] = []
        var ticketChanges: [(path: String, result: ObjectID?, base: ObjectID?, sides: [ObjectID?])] = []
        var findings: [Finding] = []
        let files = try filePrivacy(settings: settings, rulesTree: rulesTree, tree: tree)
        for path in paths.sorted() {
            let result = try blobID(path, tree)
            let base = try baseTree.flatMap { try blobID(path, $0) }
            let sides = try parentTrees.map { try blobID(path, $0) }
            if path.hasPrefix("tickets/"), let collision = try idCollision(path: path, base: base, sides: sides) {
                // Keeping one side's file is "carried", but the other ticket is lost under the shared ID.
                findings.append(collision)
            }
            // A ticket both sides changed differently is judged even when the
            // result is one side's file: taking it whole (`git merge -s ours`)
            // would drop the other side's log entries and steps unseen.
            let changedDifferently = Set(sides.filter { $0 != base }.map { $0?.hex ?? "-" }).count > 1
            if MergeJudgement.isCarried(result, base: base, sides: sides),
               !(path.hasPrefix("tickets/") && changedDifferently) { continue }
            if DeskLayout.isSettingsPath(path) {
                settingsProduced.append(path)
            }
            if path.hasPrefix("tickets/") {
                ticketChanges.append((path, result, base, sides))
            } else if let result {
                findings += try contentFindings(path: path, blob: result, rule: files)
                if TemplateFile.isTemplatePath(path) {
                    findings += try mergedTemplateFindings(path: path, result: result, sides: sides, person: person, schema: schema)
                }
            }
            if result != nil { findings += files.checkName(path) }
        }
        if !settingsProduced.isEmpty, rosterKnown, !(person?.has(role: "admin") ?? false) {
            findings.append(Finding(file: settingsProduced[0], line: 1, rule: "settings-change",
                Message(.mergeSettingsChangeNotAdmin, ["who": Self.describe(author, person), "files": .texts(settingsProduced)])))
        }
        findings += try exceptionsFileFindings(parentTree: baseTree, tree: tree)
        findings += try mergeRoutingFindings(parentTree: baseTree, tree: tree)
        if rosterKnown, person == nil, let first = ticketChanges.first {
            findings.append(Finding(file: first.path, line: 1, rule: "author",
                Message(.authorNotOnRosterTickets, ["who": Self.describe(author, nil)])))
        }

        // Duplicate IDs the merge brings together: files new to the first parent's side.
        let addedToFirst = try changes(from: parentTrees[0], to: tree, under: "tickets/")
        let sameIDs = try sameID(for: addedToFirst, in: tree)
        let judged = Set(ticketChanges.map(\.path))
        for (path, others) in sameIDs.sorted(by: { $0.key < $1.key }) where !judged.contains(path) {
            findings.append(Finding(file: path, line: 1, rule: "duplicate-id", field: "id",
                                    Message(.duplicateTicketID, ["path": .text(path), "others": .texts(others.sorted())])))
        }

        let validator = TreeValidator(schema: schema, team: team, author: person)
        var removals: [FileChange] = []
        for change in ticketChanges {
            guard let result = change.result else {
                let old = try (change.sides + [change.base]).compactMap { $0 }.first.map { try self.blob($0) }
                removals.append(FileChange(path: change.path, old: old, new: nil))
                continue
            }
            let bytes = try self.blob(result)
            guard TreeValidator.ticketID(fromPath: change.path) != nil, let parsed = try? TicketFile.parse(bytes: bytes) else {
                // Not a ticket file, or unreadable: binary, layout, parse say which.
                findings += validator.validate(FileChange(path: change.path, old: nil, new: bytes))
                continue
            }
            removals.append(FileChange(path: change.path, old: nil, new: bytes))
            let sideTickets = try change.sides.map(ticket)
            let judgement = MergeJudgement.ticketChange(path: change.path, base: try ticket(change.base),
                                                        sides: sideTickets, result: parsed)
            findings += judgement.findings
            findings += validator.validate(path: change.path, old: judgement.old, new: judgement.new,
                                           sameID: sameIDs[change.path] ?? [])
                .filter { !Self.acceptedOnASide($0, result: parsed.ticket, sides: sideTickets) }
        }
        findings += validator.deletions(in: removals)
        return findings
    }

    /// A field value the merge carries unchanged from a side was judged when
    /// that side's commits were (each commit is, on its own): the merge does
    /// not judge it again. Otherwise one bad value that got past the gates onto
    /// the shared branch would stop every clone's sync, the repair included.
    static func acceptedOnASide(_ finding: Finding, result: Ticket, sides: [Ticket?]) -> Bool {
        guard ["field-value", "unknown-field"].contains(finding.rule), let field = finding.field,
              let value = result[field] else { return false }
        return sides.contains { $0?[field] == value }
    }

    /// Two different tickets that drew one ID, added on two sides of the
    /// merge (``TicketMerge/sameTicket``): whatever the result holds, one of
    /// them is lost or both are fused.
    private func idCollision(path: String, base: ObjectID?, sides: [ObjectID?]) throws -> Finding? {
        let added = Array(Set(sides.compactMap { $0 }))
        guard added.count > 1, let id = TreeValidator.ticketID(fromPath: path) else { return nil }
        let tickets = try added.map(ticket)
        guard tickets.allSatisfy({ $0 != nil }), let first = tickets[0] else { return nil }
        let baseTicket = try ticket(base)
        if base != nil, baseTicket == nil { return nil }
        if tickets.dropFirst().allSatisfy({ TicketMerge.sameTicket(base: baseTicket, ours: first, theirs: $0!) }) { return nil }
        return Finding(file: path, line: 1, rule: "id-collision", field: "id",
                       Message(.idCollisionInMerge, ["id": .text(id)]))
    }

    /// The best common ancestor of all `parents` (nil: unrelated histories).
    func mergeBase(of parents: [ObjectID]) throws -> ObjectID? {
        guard var base = parents.first else { return nil }
        for other in parents.dropFirst() {
            guard let next = try repository.mergeBase(base, other) else { return nil }
            base = next
        }
        return base
    }

    /// The blob at `path` of `tree` (nil: no file there).
    private func blobID(_ path: String, _ tree: ObjectID) throws -> ObjectID? {
        guard let entry = try repository.entry(at: path, inTree: tree), entry.isBlob else { return nil }
        return entry.id
    }

    /// The ticket a blob holds; nil when there is none or it does not parse.
    private func ticket(_ blob: ObjectID?) throws -> Ticket? {
        guard let blob else { return nil }
        return try? TicketFile.parse(bytes: try self.blob(blob)).ticket
    }
}
