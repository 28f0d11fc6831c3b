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
        // When SQL alone decides, only the first `limit` rows are read and parsed.
        var top: (descending: Bool, limit: Int)? = nil
        if let limit, sort.field == "created", filter.isIndexedOnly { top = (sort.descending, limit) }
        var (candidates, unreadable) = try candidates(filter, top: top)
        candidates = candidates.filter { filter.matches($0, at: now, schema: schema) }
        var tickets = sort.sorted(candidates, schema: schema)
        if let limit, tickets.count > limit { tickets.removeSubrange(limit...) }
        return QueryAnswer(tickets: tickets, unreadable: unreadable)
    }

    /// The tickets that may match, from the cache when it can be used, else every ticket.
    func candidates(_ filter: TicketFilter, search: SearchTerms? = nil,
                    top: (descending: Bool, limit: Int)? = nil) throws(DeskError) -> (tickets: [Ticket], unreadable: [(path: String, error: String)]) {
        if !QueryCache.disabled, let cache = try? QueryCache.current(for: self),
           let rows = try? cache.candidates(filter, search: search, top: top) {
            return rows
        }
        return try allTickets()
    }
}

extension QueryCache {
    /// Rows whose indexed fields pass `filter` and whose text may hold every
    /// search term (unreadable rows always, to be reported), parsed, in path order.
    ///
    /// With `top`, only that many rows in `created` order (then ID, as
    /// `TicketSort` orders them), plus every unreadable row.
    func candidates(_ filter: TicketFilter, search: SearchTerms? = nil,
                    top: (descending: Bool, limit: Int)? = nil) throws -> (tickets: [Ticket], unreadable: [(path: String, error: String)]) {
        var conditions: [String] = []
        var arguments: [DatabaseValueConvertible?] = []
        var from = "ticket"
        if let search {
            from = "ticket JOIN ticket_text ON ticket_text.rowid = ticket.n"
            let (sql, values) = Self.textConditions(search)
            conditions += sql
            arguments += values
        }
        for key in TicketFilter.indexedFields {
            guard let accepted = filter.values[key] else { continue }
            conditions.append("\(key) IN (\(accepted.map { _ in "?" }.joined(separator: ", ")))")
            // NFC on both sides: SQLite compares code points, Swift canonical equivalence.
            arguments += accepted.sorted().map { $0.precomposedStringWithCanonicalMapping as DatabaseValueConvertible? }
        }
        if filter.openFollowUps { conditions.append("open_followups = 1") }
        let predicate = conditions.isEmpty ? "" : "WHERE error IS NOT NULL OR (\(conditions.joined(separator: " AND ")))"
        return try queue.read { db in
            var tickets: [Ticket] = []
            var unreadable: [(String, String)] = []
            // No ORDER BY on rows with bodies (SQLite would sort them through a
            // temporary b-tree): the callers order the tickets, and the
            // unreadable files are sorted here.
            var sql = "SELECT path, body, error FROM \(from) \(predicate)"
            if let top {
                // The rows are ordered by number only, then their bodies read:
                // sorting whole rows (bodies of kilobytes) through a temporary
                // b-tree cost 60% of `list --limit 20` at 10k tickets.
                let direction = top.descending ? "DESC" : "ASC"
                sql = "SELECT * FROM (SELECT path, body, error FROM ticket WHERE error IS NOT NULL ORDER BY path) UNION ALL "
                    + "SELECT path, body, error FROM ticket WHERE n IN (SELECT n FROM ticket WHERE error IS NULL"
                    + (conditions.isEmpty ? "" : " AND \(conditions.joined(separator: " AND "))")
                    + " ORDER BY created \(direction), id \(direction) LIMIT \(top.limit))"
            } else if search != nil {  // unreadable files have no text row
                sql = "SELECT path, body, error FROM ticket WHERE error IS NOT NULL UNION ALL "
                    + "SELECT path, body, error FROM \(from) WHERE \(conditions.joined(separator: " AND "))"
            }
            let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
            while let row = try rows.next() {
                if let error: String = row["error"] {
                    unreadable.append((row["path"], error))
                    continue
                }
                let body: Data = row["body"]
                tickets.append(try TicketFile.parse(bytes: [UInt8](body)).ticket)
            }
            unreadable.sort { $0.0 < $1.0 }
            return (tickets, unreadable)
        }
    }
}

extension QueryCache {
    /// SQL that keeps every row whose text may hold the terms (a superset of
    /// `SearchTerms.matches`, which decides). Terms of three characters or
    /// more use the trigram index; FTS5's trigrams cannot find shorter ones
    /// (退款), which are looked for with `instr` in the rows left. A term
    /// with letters SQLite cannot fold (only ASCII) is left to Swift.
    static func textConditions(_ search: SearchTerms) -> (sql: [String], arguments: [DatabaseValueConvertible?]) {
        var phrases: [String] = []
        var sql: [String] = []
        var arguments: [DatabaseValueConvertible?] = []
        for term in search.terms {
            let foldable = term.unicodeScalars.allSatisfy { $0.isASCII || !$0.properties.changesWhenCaseMapped }
            guard foldable else { continue }
            if term.unicodeScalars.count >= 3 {
                phrases.append("\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
            } else {
                sql.append("instr(lower(ticket_text.text), ?) > 0")
                arguments.append(term.lowercased())
            }
        }
        if !phrases.isEmpty {
            sql.insert("ticket_text MATCH ?", at: 0)
            arguments.insert(phrases.joined(separator: " "), at: 0)
        }
        if sql.isEmpty { sql = ["1"] }
        return (sql, arguments)
    }
}

/// One ticket `search` found: its rank and the line that matched, ready to
/// print (personal data masked, see ``PrivacyGuard/displayed(_:schema:)``).
public struct SearchHit {
    public var ticket: Ticket
    public var score: Int
    public var snippet: String
}

extension Desk {
    /// The tickets holding every term and passing `filter`, best first
    /// (rank, then newest), from the cache like `query`.
    public func search(_ terms: SearchTerms, filter: TicketFilter, limit: Int? = nil,
                       at now: Timestamp) throws(DeskError) -> (hits: [SearchHit], unreadable: [(path: String, error: String)]) {
        let (candidates, unreadable) = try candidates(filter, search: terms)
        var hits: [SearchHit] = []
        for ticket in candidates {
            let text = SearchTerms.text(of: ticket)
            guard terms.matches(text), filter.matches(ticket, at: now, schema: schema) else { continue }
            // The snippet is cut from the masked text: a cut through a raw number would hide it from the masker.
            let shown = PrivacyGuard.displayed(ticket, schema: schema)
            hits.append(SearchHit(ticket: shown, score: terms.score(ticket, text: text), snippet: terms.snippet(SearchTerms.text(of: shown))))
        }
        hits.sort { ($0.score, $0.ticket["created"] ?? "", $0.ticket.id) > ($1.score, $1.ticket["created"] ?? "", $1.ticket.id) }
        if let limit, hits.count > limit { hits.removeSubrange(limit...) }
        return (hits, unreadable)
    }
}
