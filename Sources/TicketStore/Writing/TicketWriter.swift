import Foundation
import GitKit
import TicketCore

/// The outcome of one change: the commit that records it.
public struct ChangeResult: Sendable {
    public var id: String
    public var path: String
    public var commit: ObjectID
    public var ticket: Ticket
    public var summary: String
    /// The ticket before the change (nil when created).
    public var previous: Ticket?
    /// The `Operation:` trailer of the commit.
    public var operation: String
    /// Personal data typed into the change and stored masked (kinds and masked forms only).
    public var masked: [MaskNote] = []
}

/// One change = one commit, in four steps a reader can follow:
///
/// 1. ``beginWrite(branch:)`` (WriteStart.swift): the write lock, a dead
///    writer's leftovers cleared, an interrupted write repaired, the index checked.
/// 2. ``CommitPublisher``: on the branch tip, the ``ChangeBuilder`` (TicketCore:
///    apply, mask, render, validate once) makes the new version; its blob,
///    tree and commit are written and the branch moved by compare-and-swap,
///    the whole step again on the new tip when another writer got there first.
///    The new tree is the tip's tree plus the one file: the index is never
///    used to build it, so whatever the user staged stays out.
/// 3. ``startWorkingCopySync(id:files:index:)`` (WorkingCopyUpdate.swift):
///    the working file and its index entry brought to the committed content,
///    so `git status` stays clean; the history index is updated while git
///    writes the index.
/// 4. ``afterWrite(repaired:)`` (AfterWrite.swift): packing, and the notice
///    of what step 1 repaired.
extension Desk {
    /// How a change is computed from the file's current version (nil when
    /// creating): the new version, a one-line summary for the commit message
    /// and the operation for its trailer.
    typealias Step = (Ticket?) throws -> ChangeDraft

    /// Creates a new ticket file. `byWorkflow`: the ticket was made by
    /// ``writeEngine`` (not validated yet; refused as the engine refuses).
    public func create(_ ticket: Ticket, operation: String = "new", by person: Person, at time: Timestamp,
                       byWorkflow: Bool = false) throws(DeskError) -> ChangeResult {
        guard let created = ticket.created else { throw .invalidInput("a new ticket needs its created time") }
        let path = TicketPath.path(id: ticket.id, created: created)
        return try write(id: ticket.id, path: path, by: person, at: time, creating: true) { old in
            if old != nil { throw DeskError.said(Message(.ticketExists, ["id": .text(ticket.id)])) }
            return ChangeDraft(ticket: ticket, summary: "new \(ticket["type"] ?? "ticket"): \(ticket["title"] ?? "")",
                               operation: operation, byWorkflow: byWorkflow)
        }
    }

    /// Changes an existing ticket.
    public func update(_ query: String, operation: String, by person: Person, at time: Timestamp,
                       _ change: @escaping (Ticket) throws -> (ticket: Ticket, summary: String)) throws(DeskError) -> ChangeResult {
        let (id, path) = try locate(query)
        return try write(id: id, path: path, by: person, at: time, creating: false) { old in
            guard let old else { throw DeskError.unknownTicket(query) }
            let (ticket, summary) = try change(old)
            return ChangeDraft(ticket: ticket, summary: summary, operation: operation)
        }
    }

    /// Changes an existing ticket by a workflow operation: the engine's
    /// result is written as one commit whose `Operation:` trailer is the
    /// engine's operation. The operation runs again on the new tip if another
    /// writer got there first; a `WorkflowError` it throws becomes
    /// `DeskError.workflow` (nothing written). The engine leaves validation
    /// to the write's ``ChangeBuilder`` (once, on the stored version).
    public func apply(_ query: String, by person: Person, at time: Timestamp,
                      _ operation: @escaping (WorkflowEngine, Ticket) throws -> WorkflowResult) throws(DeskError) -> ChangeResult {
        let (id, path) = try locate(query)
        let engine = writeEngine
        return try write(id: id, path: path, by: person, at: time, creating: false) { old in
            guard let old else { throw DeskError.unknownTicket(query) }
            let result = try operation(engine, old)
            return ChangeDraft(ticket: result.ticket, summary: result.summary, operation: result.operation, byWorkflow: true)
        }
    }

    /// The write path shared by every command that changes one file.
    func write(id: String, path: String, by person: Person, at time: Timestamp,
               creating: Bool, format: ChangeFormat? = nil, _ change: Step) throws(DeskError) -> ChangeResult {
        let builder = ChangeBuilder(format: format ?? .ticket(schema: schema, team: team))
        guard let branch else { throw .detachedHead }
        let backdated = try backdateTrailer(for: time, by: person)
        let start = try beginWrite(branch: branch)
        defer { withExtendedLifetime(start.lock) {} }
        let index = try openIndexForWrite()
        StartupTrace.mark("lock + journal")

        let publisher = CommitPublisher(repository: repository, branch: branch, journal: start.journal,
                                        signature: Signature(name: person.name, email: person.email, time: time.seconds,
                                                             offsetMinutes: time.offsetMinutes))
        let published = try publisher.publish { tip, tree, attempt in
            let oldBytes = try repository.fileContents(at: path, inTree: tree)
            if attempt == 1 { try checkWorkingCopyIsClean(path: path, committed: oldBytes) }
            let old = try storedVersion(oldBytes, path: path, id: id, creating: creating)
            let built: BuiltChange
            do { built = try builder.build(id: id, path: path, old: old?.ticket, oldBytes: oldBytes, by: person, apply: change) } catch let refusal as ChangeRefusal {
                throw DeskError(refusal)
            }
            StartupTrace.mark("read, change, render, validate")
            let message = builder.format.message(id, built.summary.replacingNewlines(), built.operation)
                + (backdated.map { "\($0)\n" } ?? "")
            return CommitPublisher.Proposal(files: [(path, built.bytes)], message: message,
                                            reflog: "gitdesk \(built.operation): \(id)", value: (built, old?.ticket))
        }
        let (built, previous) = published.value
        // The change is committed from here on: what follows only warns.
        let sync = startWorkingCopySync(id: id, files: [(path, built.bytes)], index: index)
        if builder.format.recordsHistory {  // while git updates the index
            HistoryIndex(repository: repository).record(commit: published.commit, parent: published.parent, path: path)
            QueryCache.recordWrite(desk: self, tree: published.tree, newTree: published.newTree, path: path,
                                   blob: published.blobs[0], bytes: built.bytes, parsed: built.parsed)
        }
        finishWorkingCopySync(sync, journal: start.journal)
        afterWrite(repaired: start.repaired)
        return ChangeResult(id: id, path: path, commit: published.commit, ticket: built.ticket, summary: built.summary,
                            previous: previous, operation: built.operation,
                            masked: builder.format.recordsHistory ? MaskingReport.notes(typed: built.typed, stored: built.ticket, old: previous) : [])
    }

    /// The file's version on the tip (nil when there is none and the write creates it).
    private func storedVersion(_ bytes: [UInt8]?, path: String, id: String, creating: Bool) throws(DeskError) -> ParsedTicket? {
        guard let bytes else {
            if creating { return nil }
            throw .unknownTicket(id)
        }
        do { return try TicketFile.parse(bytes: bytes) } catch {
            throw .unreadableTicket(path: path, line: error.line, error.message)
        }
    }
}
