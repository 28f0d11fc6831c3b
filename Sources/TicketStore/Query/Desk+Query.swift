import Foundation
import GRDB
import TicketCore

/// A query's answer: the tickets kept, in order, and the files that could not be read.
public struct QueryAnswer {
    public var tickets: [Ticket]
    public var unreadable: [(path: String, error: String)]
}

extension Desk {
    /// The tickets `filter` keeps at `now`, sorted and limited.
    ///
    /// Answered from the query cache (`QueryCache`), which narrows the
    /// candidates in SQL; the same `filter.matches` then decides on the parsed
    /// candidates, so the answer equals a full re-parse (`GITDESK_NO_CACHE=1`,
    /// or when the cache cannot be opened or written).
    public func query(_ filter: TicketFilter, sort: TicketSort = TicketSort(), limit: Int? = nil,
                      at now: Timestamp) throws(DeskError) -> QueryAnswer {
        var (candidates, unreadable) = try candidates(filter)
        candidates = candidates.filter { filter.matches($0, at: now, schema: schema) }
        var tickets = sort.sorted(candidates, schema: schema)
        if let limit, tickets.count > limit { tickets.removeSubrange(limit...) }
        return QueryAnswer(tickets: tickets, unreadable: unreadable)
    }

    /// The tickets that may match, from the cache when it can be used, else every ticket.
    func candidates(_ filter: TicketFilter) throws(DeskError) -> (tickets: [Ticket], unreadable: [(path: String, error: String)]) {
        if !QueryCache.disabled, let cache = try? QueryCache.current(for: self),
           let rows = try? cache.candidates(filter) {
            return rows
        }
        return try allTickets()
    }
}

extension QueryCache {
    /// Rows whose indexed fields pass `filter` (unreadable rows always, to be reported), parsed, in path order.
    func candidates(_ filter: TicketFilter) throws -> (tickets: [Ticket], unreadable: [(path: String, error: String)]) {
        var conditions: [String] = []
        var arguments: [DatabaseValueConvertible?] = []
        for key in TicketFilter.indexedFields {
            guard let accepted = filter.values[key] else { continue }
            conditions.append("\(key) IN (\(accepted.map { _ in "?" }.joined(separator: ", ")))")
            arguments += accepted.sorted().map { $0 as DatabaseValueConvertible? }
        }
        if filter.openFollowUps { conditions.append("open_followups = 1") }
        let predicate = conditions.isEmpty ? "" : "WHERE error IS NOT NULL OR (\(conditions.joined(separator: " AND ")))"
        return try queue.read { db in
            var tickets: [Ticket] = []
            var unreadable: [(String, String)] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT path, body, error FROM ticket \(predicate) ORDER BY path",
                                           arguments: StatementArguments(arguments))
            while let row = try rows.next() {
                if let error: String = row["error"] {
                    unreadable.append((row["path"], error))
                    continue
                }
                let body: Data = row["body"]
                tickets.append(try TicketFile.parse(bytes: [UInt8](body)).ticket)
            }
            return (tickets, unreadable)
        }
    }
}
