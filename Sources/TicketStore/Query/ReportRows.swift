import Foundation
import GRDB
import TicketCore

/// The tickets a period report reads, from the query cache or from the tree.
enum ReportRows {
    /// When the ticket last entered a status whose SLA clock is stopped, if it is in one now.
    static func settled(_ ticket: Ticket, schema: Schema) -> Timestamp? {
        guard schema.workflow.clock(in: ticket.status) == .stopped else { return nil }
        return StatusHistory.enteredCurrentStatus(ticket) ?? ticket.created
    }
}

extension QueryCache {
    /// Rows created in `[start, end)`, or created before `now` and not settled by then
    /// (tickets open at `now`, the backlog), parsed; unreadable rows apart.
    func reportCandidates(start: Timestamp, end: Timestamp, now: Timestamp) throws -> (tickets: [Ticket], unreadable: [(path: String, error: String)]) {
        try queue.read { db in
            var tickets: [Ticket] = []
            var unreadable: [(String, String)] = []
            let sql = """
                SELECT path, body, error FROM ticket
                WHERE error IS NOT NULL
                   OR (created_s >= ? AND created_s < ?)
                   OR (created_s <= ? AND (settled_s IS NULL OR settled_s > ?))
                ORDER BY path
                """
            let rows = try Row.fetchCursor(db, sql: sql, arguments: [start.seconds, end.seconds, now.seconds, now.seconds])
            while let row = try rows.next() {
                if let error: String = row["error"] { unreadable.append((row["path"], error)); continue }
                let body: Data = row["body"]
                tickets.append(try TicketFile.parse(bytes: [UInt8](body)).ticket)
            }
            return (tickets, unreadable)
        }
    }
}

extension Desk {
    /// The tickets a report of `period` at `now` needs: from the query cache
    /// when it can be used, else every ticket of the desk's tree (a desk
    /// opened at an older revision reads that tree, never the cache of HEAD).
    public func reportTickets(period: ReportPeriod, now: Timestamp, useCache: Bool = true) throws(DeskError) -> (tickets: [Ticket], unreadable: [(path: String, error: String)]) {
        if useCache, !QueryCache.disabled, let cache = try? QueryCache.current(for: self),
           let rows = try? cache.reportCandidates(start: period.start, end: period.end, now: now) {
            return rows
        }
        return try allTickets()
    }

    /// The analysis report of `period` at `now`.
    public func periodReport(period: ReportPeriod, now: Timestamp, lang: Language, useCache: Bool = true) throws(DeskError) -> (report: PeriodReport, unreadable: [(path: String, error: String)]) {
        let (tickets, unreadable) = try reportTickets(period: period, now: now, useCache: useCache)
        return (PeriodReport.build(tickets: tickets, period: period, now: now, schema: schema, lang: lang), unreadable)
    }
}

extension Desk {
    /// The desk as it was at `revision` (a commit, branch, tag, `HEAD~3`...):
    /// its tree, settings and tickets read through GitKit, and the commit's time.
    public func at(revision: String) throws(DeskError) -> (desk: Desk, committed: Timestamp) {
        do {
            let commit = try repository.resolveCommit(revision)
            let info = try repository.commit(commit)
            let desk = try Desk.open(repository: repository, branch: nil, commit: commit, displayPath: revision)
            return (desk, Timestamp(seconds: info.committer.time, offsetMinutes: info.committer.offsetMinutes))
        } catch let error as DeskError {
            throw error
        } catch {
            throw .invalidInput("no commit \(revision) in this desk (\(error))")
        }
    }
}
