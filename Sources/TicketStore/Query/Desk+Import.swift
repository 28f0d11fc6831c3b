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
            throw DeskError.said(Message(.importNotAllowed, ["handle": .text(person.handle), "roles": .roles(importers)]))
        }
        // The same journal and crash recovery as every other write (TicketWriter).
        let start = try beginWrite(branch: branch)
        defer { withExtendedLifetime(start.lock) {} }
        let (journal, repaired) = (start.journal, start.repaired)
        do { try repository.checkIndexHeader() } catch { throw DeskError.from(error) }
        do {
            guard let tip = try repository.referenceTarget(branch) else { throw DeskError.unbornBranch }
            let tree = try repository.commit(tip).tree
            func bad(_ line: Int, _ problem: Message) -> (line: Int, message: Message) {
                (line, Message(.importRow, ["file": .text(file), "line": .number(line), "problem": .message(problem)]))
            }
            var problems: [(line: Int, message: Message)] = earlier.map { bad($0.line, $0.message) }
            var files: [(id: String, path: String, bytes: [UInt8])] = []
            var maskNotes: [String: [MaskNote]] = [:]
            var seen: [String: Int] = [:]
            // IDs compared as the duplicate-id rule compares them (case, and
            // Crockford's look-alikes: CS0001 and CSOOO1 are one ID).
            let existingKeys = Set(try repository.listFiles(inTree: tree, under: DeskLayout.ticketsDirectory)
                .compactMap { TicketPath.ticketID(fromPath: $0.path).map(TicketIDShape.key) })
            for row in rows {
                let id = row.ticket.id
                guard let created = row.ticket.created else { continue }
                // A ticket from before 1970 or from the future is a typing error
                // (and would sort first in every list for ever).
                if created.seconds < 0 || created.seconds > time.seconds + 86_400 {
                    problems.append(bad(row.line, Message(created.seconds < 0 ? .importCreatedBefore1970 : .importCreatedFuture,
                                                         ["field": .field("created"), "time": .text(created.iso8601)])))
                    continue
                }
                let path = TicketPath.path(id: id, created: created)
                let key = TicketIDShape.key(id)
                if let first = seen[key] {
                    problems.append(bad(row.line, Message(.importIDTwice, ["id": .text(id), "first": .number(first)])))
                    continue
                }
                seen[key] = row.line
                let existing = try repository.fileContents(at: path, inTree: tree)
                if existing != nil || existingKeys.contains(key) || (try? locate(id)) != nil {
                    problems.append(bad(row.line, Message(.ticketExists, ["id": .text(id)])))
                    continue
                }
                let masked: Ticket
                do { masked = try PrivacyGuard.apply(policy: schema.privacy, to: row.ticket, old: nil) } catch {
                    problems.append(bad(row.line, error.message))
                    continue
                }
                let text = TicketFile.render(masked, layout: schema.layout)
                let parsed: ParsedTicket
                do { parsed = try TicketFile.parse(text) } catch {
                    problems.append(bad(row.line, error.message))
                    continue
                }
                let errors = Validator().validate(ValidationContext(
                    schema: schema, team: team, path: path, old: nil, new: parsed, author: person))
                    .filter { $0.severity == .error }
                if !errors.isEmpty {
                    problems.append(bad(row.line, Message(.importFindings, ["findings": .messages(errors.enumerated().map { i, f in
                        Message(.importFinding, ["separator": .messages(i == 0 ? [] : [Message(.findingSeparator)]), "rule": .text(f.rule), "finding": .finding(f)])
                    })])))
                    continue
                }
                files.append((id, path, Array(text.utf8)))
                maskNotes[id] = MaskingReport.notes(typed: row.ticket, stored: masked, old: nil)
            }
            if !problems.isEmpty {
                throw DeskError.importRefused(rows: problems.sorted { $0.line < $1.line }.map(\.message))
            }
            guard !files.isEmpty else { throw DeskError.said(Message(.importNoRows, ["file": .text(file)])) }

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
                // The file's name goes into history: masked like everything else
                // (客户13812345678.csv would otherwise stay there for ever).
                // (The extension apart: `13812345678.csv` reads as an identifier, not a number.)
                let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
                let ext = (file as NSString).pathExtension
                let name = (PIIScanner.mask(stem, options: schema.privacy.scanOptions).text + (ext.isEmpty ? "" : "." + ext)).terminalSafe
                let message = batch.count == 1
                    ? "\(ids[0]): import from \(name)\n\nTicket: \(ids[0])\nOperation: import\n"
                    : "import \(batch.count) tickets from \(name)\n\n"
                        + ids.map { "Ticket: \($0)\n" }.joined() + "Operation: import\n"
                parent = try repository.createCommit(tree: newTree, parents: [parent], author: signature,
                                                     committer: signature, message: message)
                base = newTree
                commits.append(parent)
            }
            // The journal names every file before the branch moves: killed after
            // the move, the next gitdesk command brings them all into the working
            // tree and the index (else they read as deleted, and a plain
            // `git commit` would delete them).
            try journal.begin(paths: files.map(\.path), ref: branch)
            do {
                try repository.updateReference(branch, to: parent, expecting: tip, message: "gitdesk import: \(files.count) tickets")
            } catch let error as GitError where error.code == .modified || error.code == .locked {
                journal.end()
                throw DeskError.busy(branch)
            }
            let index = repository.workdir == nil ? nil : IndexUpdater(repository: repository)
            for f in files {
                try writeWorkingFile(path: f.path, bytes: f.bytes)
                index?.stage(f.path)
            }
            try index?.finish()
            journal.end()
            Maintenance.afterWrite(gitDir: repository.gitDir)
            if let repaired {
                let notice = repaired.render(config.language)
                FileHandle.standardError.write(Data("gitdesk: \(notice)\n".utf8))
            }
            return ImportResult(ids: files.map(\.id), commits: commits, masked: maskNotes)
        } catch let error as DeskError {
            throw error
        } catch {
            throw DeskError.from(error)
        }
    }
}
