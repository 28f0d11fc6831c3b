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
        let lockTimeout = try LockTimeout.configured(repository)
        let lock = try DeskLock.acquire(gitDir: repository.gitDir, timeout: lockTimeout)
        defer { withExtendedLifetime(lock) {} }
        // The same journal and crash recovery as every other write (TicketWriter).
        var lockTakenAt = timespec()
        clock_gettime(CLOCK_REALTIME, &lockTakenAt)
        let journal = WriteJournal(gitDir: repository.gitDir)
        CrashLeftovers.clear(gitDir: repository.gitDir, workdir: repository.workdir, journal: journal.read(),
                             lockTakenAt: lockTakenAt)
        try waitForIndex(timeout: lockTimeout)
        let repaired = try journal.recover(in: repository, branch: branch)
        do { try repository.checkIndexHeader() } catch { throw DeskError.from(error) }
        do {
            guard let tip = try repository.referenceTarget(branch) else { throw DeskError.unbornBranch }
            let tree = try repository.commit(tip).tree
            var problems: [(line: Int, message: String)] = earlier.map { ($0.line, "\(file):\($0.line): \($0.message)") }
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
                    problems.append((row.line, "\(file):\(row.line): 提交时间 (created) \(created.iso8601) is \(created.seconds < 0 ? "before 1970" : "in the future")"))
                    continue
                }
                let path = TicketPath.path(id: id, created: created)
                let key = TicketIDShape.key(id)
                if let first = seen[key] {
                    problems.append((row.line, "\(file):\(row.line): ticket \(id) is also on line \(first) (IDs are the same whatever the letter case, O and 0, I/L and 1)"))
                    continue
                }
                seen[key] = row.line
                let existing = try repository.fileContents(at: path, inTree: tree)
                if existing != nil || existingKeys.contains(key) || (try? locate(id)) != nil {
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
