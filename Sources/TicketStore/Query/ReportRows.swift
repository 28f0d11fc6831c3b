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

/// What a period report reads: tickets to parse, and the creation times of
/// tickets known from the cache's columns alone to be open at the moment.
public struct ReportInput {
    public var tickets: [Ticket]
    public var openSince: [Int64]
    public var unreadable: [(path: String, error: String)]
}

extension QueryCache {
    /// Parsed: rows created in `[start, end)`, rows changed since `start` (an event in the
    /// period: a resolution, a rating, a reopen), and rows created by `now` whose state at `now`
    /// needs their log (settled after `now`, or changed after `now`). Counted from columns:
    /// rows open since before `start` and unchanged since (the backlog a busy desk carries).
    func reportCandidates(start: Timestamp, end: Timestamp, now: Timestamp) throws -> ReportInput {
        try queue.read { db in
            var input = ReportInput(tickets: [], openSince: [], unreadable: [])
            let inPeriod = "(created_s >= ?1 AND created_s < ?2)"
            // One indexed query per reason a row is read (SQLite cannot use the indexes
            // for one WHERE of ORs that includes `error IS NOT NULL`), united by path.
            let sql = """
                SELECT path, body, error FROM ticket WHERE error IS NOT NULL
                UNION SELECT path, body, error FROM ticket WHERE \(inPeriod)
                UNION SELECT path, body, error FROM ticket WHERE settled_s > ?3 AND created_s <= ?3
                UNION SELECT path, body, error FROM ticket WHERE settled_s IS NULL AND changed_s > ?3 AND created_s <= ?3
                UNION SELECT path, body, error FROM ticket WHERE changed_s >= ?1 AND created_s <= ?3
                ORDER BY path
                """
            let rows = try Row.fetchCursor(db, sql: sql, arguments: [start.seconds, end.seconds, now.seconds])
            while let row = try rows.next() {
                if let error: String = row["error"] { input.unreadable.append((row["path"], error)); continue }
                let body: Data = row["body"]
                input.tickets.append(try TicketFile.parse(bytes: [UInt8](body)).ticket)
            }
            input.openSince = try Int64.fetchAll(db, sql: """
                SELECT created_s FROM ticket
                WHERE error IS NULL AND NOT \(inPeriod) AND created_s <= ?3 AND settled_s IS NULL AND changed_s < ?1
                """, arguments: [start.seconds, end.seconds, now.seconds])
            return input
        }
    }
}

extension Desk {
    /// The tickets a report of `period` at `now` needs: from the query cache
    /// when it can be used, else every ticket of the desk's tree (a desk
    /// opened at an older revision reads that tree, never the cache of HEAD).
    public func reportTickets(period: ReportPeriod, now: Timestamp, useCache: Bool = true) throws(DeskError) -> ReportInput {
        if useCache, !QueryCache.disabled, let cache = try? QueryCache.current(for: self),
           let input = try? cache.reportCandidates(start: period.start, end: period.end, now: now) {
            return input
        }
        let (tickets, unreadable) = try allTickets()
        return ReportInput(tickets: tickets, openSince: [], unreadable: unreadable)
    }

    /// The analysis report of `period` at `now`.
    public func periodReport(period: ReportPeriod, now: Timestamp, lang: Language, useCache: Bool = true) throws(DeskError) -> (report: PeriodReport, unreadable: [(path: String, error: String)]) {
        let input = try reportTickets(period: period, now: now, useCache: useCache)
        // A first response that reached the server late counts from its arrival (LateResponses).
        let tickets = LateResponses.apply(LateResponses.read(self), to: input.tickets)
        return (PeriodReport.build(tickets: tickets, openSince: input.openSince.map { Timestamp(seconds: $0, offsetMinutes: 0) },
                                   period: period, now: now, schema: schema, lang: lang, name: team.displayName), input.unreadable)
    }
}
