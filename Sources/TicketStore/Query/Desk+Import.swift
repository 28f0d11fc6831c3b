import Foundation
import GitKit
import TicketCore

/// What an import wrote.
public struct ImportResult: Sendable {
    public var ids: [String]
    public var commits: [ObjectID]
    /// What was stored masked, per ticket ID (kinds and masked forms only).
    public var masked: [String: [MaskNote]] = [:]
}

extension Desk {
    /// Adds `rows` as new tickets: each masked (PrivacyGuard) and validated
    /// as any write is; if one fails nothing is written and every failing row
    /// is reported as `FILE:LINE: reason`. One commit for the batch, or one per
    /// ticket with `each`, then the branch moves once (compare-and-swap), so
    /// an import is all or nothing.
    /// `earlier` are problems found while reading the file (cells that did
    /// not convert); they are reported with the rest and also refuse the import.
    public func importTickets(_ rows: [TicketImport.Row], file: String, each: Bool, earlier: [TicketImport.Problem] = [],
                              by person: Person, at time: Timestamp) throws(DeskError) -> ImportResult {
        guard let branch else { throw .detachedHead }
        // Tickets arrive with their history (born closed, rated): the `import`
        // permission of workflow.yaml (admins when it is not listed), as the `born` rule requires.
        let importers = schema.workflow.roles(for: "import") ?? ["admin"]
        guard importers.contains(where: person.has(role:)) else {
            throw .invalidInput("\(person.handle) may not import tickets: it needs the role \(importers.joined(separator: " or ")) (the import permission in workflow.yaml)")
        }
        let lock = try DeskLock.acquire(gitDir: repository.gitDir)
        defer { withExtendedLifetime(lock) {} }
        try WriteJournal(gitDir: repository.gitDir).recover(in: repository, branch: branch)
        try waitForIndex()
        do {
            guard let tip = try repository.referenceTarget(branch) else { throw DeskError.unbornBranch }
            let tree = try repository.commit(tip).tree
            var problems: [(line: Int, message: String)] = earlier.map { ($0.line, "\(file):\($0.line): \($0.message)") }
            var files: [(id: String, path: String, bytes: [UInt8])] = []
            var maskNotes: [String: [MaskNote]] = [:]
            var seen: [String: Int] = [:]
            for row in rows {
                let id = row.ticket.id
                guard let created = row.ticket.created else { continue }
                let path = TicketPath.path(id: id, created: created)
                if let first = seen[id.uppercased()] {
                    problems.append((row.line, "\(file):\(row.line): ticket \(id) is also on line \(first)"))
                    continue
                }
                seen[id.uppercased()] = row.line
                let existing = try repository.fileContents(at: path, inTree: tree)
                if existing != nil || (try? locate(id)) != nil {
                    problems.append((row.line, "\(file):\(row.line): ticket \(id) already exists"))
                    continue
                }
                let masked: Ticket
                do { masked = try PrivacyGuard.apply(policy: schema.privacy, to: row.ticket, old: nil) } catch {
                    problems.append((row.line, "\(file):\(row.line): \(error.description)"))
                    continue
                }
                let text = TicketFile.render(masked, layout: schema.layout)
                let parsed: ParsedTicket
                do { parsed = try TicketFile.parse(text) } catch {
                    problems.append((row.line, "\(file):\(row.line): \(error.description)"))
                    continue
                }
                let errors = Validator().validate(ValidationContext(
                    schema: schema, team: team, path: path, old: nil, new: parsed, author: person))
                    .filter { $0.severity == .error }
                if !errors.isEmpty {
                    problems.append((row.line, "\(file):\(row.line): " + errors.map { "\($0.rule): \($0.message)" }.joined(separator: "; ")))
                    continue
                }
                files.append((id, path, Array(text.utf8)))
                maskNotes[id] = MaskingReport.notes(typed: row.ticket, stored: masked, old: nil)
            }
            if !problems.isEmpty {
                let lines = problems.sorted { $0.line < $1.line }.map(\.message)
                throw DeskError.invalidInput("nothing imported (\(lines.count) bad row\(lines.count == 1 ? "" : "s")):\n" + lines.joined(separator: "\n"))
            }
            guard !files.isEmpty else { throw DeskError.invalidInput("nothing imported: \(file) has no rows") }

            let signature = Signature(name: person.name, email: person.email, time: time.seconds, offsetMinutes: time.offsetMinutes)
            var changes: [TreeChange] = []
            for f in files { changes.append(.upsert(f.path, try repository.writeBlob(f.bytes))) }
            var commits: [ObjectID] = []
            var parent = tip
            var base = tree
            let batches: [[Int]] = each ? files.indices.map { [$0] } : [Array(files.indices)]
            for batch in batches {
                let newTree = try repository.updatedTree(base: base, changes: batch.map { changes[$0] })
                let ids = batch.map { files[$0].id }
                let message = batch.count == 1
                    ? "\(ids[0]): import from \((file as NSString).lastPathComponent)\n\nTicket: \(ids[0])\nOperation: import\n"
                    : "import \(batch.count) tickets from \((file as NSString).lastPathComponent)\n\n"
                        + ids.map { "Ticket: \($0)\n" }.joined() + "Operation: import\n"
                parent = try repository.createCommit(tree: newTree, parents: [parent], author: signature,
                                                     committer: signature, message: message)
                base = newTree
                commits.append(parent)
            }
            do {
                try repository.updateReference(branch, to: parent, expecting: tip, message: "gitdesk import: \(files.count) tickets")
            } catch let error as GitError where error.code == .modified || error.code == .locked {
                throw DeskError.busy(branch)
            }
            let index = repository.workdir == nil ? nil : IndexUpdater(repository: repository)
            for f in files {
                try writeWorkingFile(path: f.path, bytes: f.bytes)
                index?.stage(f.path)
            }
            try index?.finish()
            Maintenance.afterWrite(gitDir: repository.gitDir)
            return ImportResult(ids: files.map(\.id), commits: commits, masked: maskNotes)
        } catch let error as DeskError {
            throw error
        } catch {
            throw DeskError.from(error)
        }
    }
}
