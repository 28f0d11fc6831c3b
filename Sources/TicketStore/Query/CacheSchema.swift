import GRDB

/// The query cache's tables (`.git/gitdesk/cache.sqlite`).
///
/// `ticket` holds one row per ticket file of the tree recorded in `meta`:
/// its path and blob, the fields queries filter on, the parsed ticket as a
/// `TicketRecord` (decoded for the rows a query keeps; null when the file
/// could not be read, `error` then says why) and the file's bytes (`body`, for
/// the masked report view; no query parses it). The two blobs come last: a
/// scan reading `error` does not walk their overflow pages. `ticket_text` is the
/// full-text index (FTS5 trigram) of the words people search, keyed by the
/// ticket row's number.
enum CacheSchema {
    /// Bump when a table or a derived column changes: an older file is rebuilt.
    // 3: a file that holds no ticket is a row with an error; w: full-width forms folded,
    // n: NFC; r: the report columns (created_s, settled_s, changed_s, title, contact...) and their indexes;
    // e: an empty file's error row says "empty ticket file"; 4: `record` (the parsed ticket,
    // TicketRecord) beside the file's bytes, so no query parses a ticket file; blobs last.
    // `search` uses `ticket_text.text` as `SearchTerms.text(of:)`: bump this when that changes.
    static let format = "gitdesk-query-4"

    /// The columns a query filters and sorts on, shared with the masked
    /// report view (``ReportView``), which copies them row by row.
    static let queryColumns = """
                id TEXT,
                status TEXT, type TEXT, subtype TEXT, channel TEXT, priority TEXT,
                module TEXT, department TEXT, assignee TEXT, satisfaction TEXT,
                created TEXT,
                title TEXT, contact TEXT, customer_id TEXT, submitter TEXT, due TEXT, responded TEXT, archived TEXT,
                created_s INTEGER,
                settled_s INTEGER,
                changed_s INTEGER,
                open_followups INTEGER NOT NULL DEFAULT 0,
        """

    static let create = """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS ticket(
            n INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            blob TEXT NOT NULL,
            \(queryColumns)
            error TEXT,
            record BLOB,
            body BLOB NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ticket_status ON ticket(status);
        CREATE INDEX IF NOT EXISTS ticket_assignee ON ticket(assignee);
        CREATE INDEX IF NOT EXISTS ticket_type ON ticket(type);
        CREATE INDEX IF NOT EXISTS ticket_created ON ticket(created, id);
        CREATE INDEX IF NOT EXISTS ticket_created_s ON ticket(created_s);
        CREATE INDEX IF NOT EXISTS ticket_settled ON ticket(settled_s, changed_s, created_s);
        CREATE INDEX IF NOT EXISTS ticket_error ON ticket(error) WHERE error IS NOT NULL;
        CREATE VIRTUAL TABLE IF NOT EXISTS ticket_text USING fts5(text, tokenize = 'trigram');
        """

    /// The columns filled from a ticket's field of the same key.
    static let fieldColumns = ["id", "status", "type", "subtype", "channel", "priority", "module",
                               "department", "assignee", "satisfaction", "created",
                               "title", "contact", "customer_id", "submitter", "due", "responded", "archived"]

    /// `created_s`: the creation time in UTC seconds; `settled_s`: when the
    /// ticket last entered a status whose SLA clock is stopped (resolved,
    /// closed, invalid...), null while it is open; `changed_s`: the time of
    /// its latest log entry. Reports parse only the rows created in their
    /// period or whose state at their moment needs the log; a ticket open
    /// since before the moment counts in the backlog from `created_s` alone.
    static let reportColumns = ["created_s", "settled_s", "changed_s"]

    static func meta(_ db: Database, _ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }

    static func setMeta(_ db: Database, _ key: String, _ value: String) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: [key, value])
    }
}
