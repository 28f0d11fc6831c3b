import Foundation
import GRDB
import TicketCore

/// The masked copy of the query cache that `report --query` runs on
/// (`.git/gitdesk/report-view.sqlite`): the same `ticket` table and
/// full-text index, with every text cell already masked — contact fields as
/// the contact field is masked (`138****5678`), personal data anywhere else
/// (the file's bytes in `body` included) by the scanner.
///
/// A report's SQL can rewrite a value before it is returned (`hex()`,
/// `replace()`, `substr()`, `||`, `unicode()`, `char()`, probing with
/// `instr()`), so masking what comes out is not enough: the raw values are
/// simply not in the database the report can open. The copy is caught up
/// from the cache by row (number and blob), so only changed tickets are
/// masked again.
enum ReportView {
    /// Bump when the view's tables or its masking change: the file is rebuilt.
    static let format = "gitdesk-report-view-1"

    static let create = """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS ticket(
            n INTEGER PRIMARY KEY,
            path TEXT NOT NULL,
            blob TEXT NOT NULL,
            \(CacheSchema.queryColumns)
            body BLOB NOT NULL,
            error TEXT
        );
        CREATE VIRTUAL TABLE IF NOT EXISTS ticket_text USING fts5(text, tokenize = 'trigram');
        """

    /// The text columns copied through the masker (numbers are copied as they are).
    static let textColumns = ["path", "blob"] + CacheSchema.fieldColumns + ["error"]
    static let numberColumns = CacheSchema.reportColumns + ["open_followups"]

    /// The view's file beside the cache file it copies (`cache.sqlite` → `report-view.sqlite`,
    /// `cache-at.sqlite` → `report-view-at.sqlite`).
    static func path(forCache cache: String) -> String {
        let folder = (cache as NSString).deletingLastPathComponent
        let name = (cache as NSString).lastPathComponent
        return folder + "/" + (name == "cache.sqlite" ? "report-view.sqlite" : name.replacingOccurrences(of: "cache", with: "report-view"))
    }

    /// Brings the view at `file` up to date with the cache `source` (already
    /// caught up with the desk), masking with `policy`. Returns how many rows were masked anew.
    @discardableResult
    static func catchUp(file: String, source: DatabaseQueue, policy: PrivacyPolicy) throws -> Int {
        let key = try source.read { db -> String in
            [try CacheSchema.meta(db, "format"), try CacheSchema.meta(db, "tree"), try CacheSchema.meta(db, "settings")]
                .map { $0 ?? "-" }.joined(separator: " ")
        } + " " + format
        let view = try QueryCache.openQueue(file: file)
        let fresh = try view.read { db -> Bool in
            guard try db.tableExists("meta") else { return false }
            return try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'source'") == key
        }
        if fresh { return 0 }
        var masked = 0
        try view.inTransaction(.immediate) { db in
            if try db.tableExists("meta"),
               try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'format'") != format {
                try db.execute(sql: "DROP TABLE IF EXISTS ticket; DROP TABLE IF EXISTS ticket_text; DROP TABLE IF EXISTS meta")
            }
            try db.execute(sql: create)
            if try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'source'") == key { return .commit }
            var have: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT n, blob FROM ticket") { have[row["n"]] = row["blob"] }
            let columns = textColumns + numberColumns + ["body"]
            let insertRow = try db.makeStatement(sql: "INSERT OR REPLACE INTO ticket(n, \(columns.joined(separator: ", "))) VALUES (?\(String(repeating: ", ?", count: columns.count)))")
            let deleteText = try db.makeStatement(sql: "DELETE FROM ticket_text WHERE rowid = ?")
            let insertText = try db.makeStatement(sql: "INSERT INTO ticket_text(rowid, text) VALUES (?, ?)")
            let deleteRow = try db.makeStatement(sql: "DELETE FROM ticket WHERE n = ?")
            var kept = Set<Int64>()
            try source.read { src in
                // The raw blob IDs (hex, never personal data) say which rows changed.
                let current = try Row.fetchAll(src, sql: "SELECT n, blob FROM ticket")
                var changed: [Int64] = []
                for row in current {
                    let n: Int64 = row["n"], blob: String = row["blob"]
                    kept.insert(n)
                    if have[n] != blob { changed.append(n) }
                }
                let read = try src.makeStatement(sql: """
                    SELECT t.n, \(columns.map { "t." + $0 }.joined(separator: ", ")), x.text AS search_text
                    FROM ticket t LEFT JOIN ticket_text x ON x.rowid = t.n WHERE t.n = ?
                    """)
                for n in changed {
                    guard let row = try Row.fetchOne(read, arguments: [n]) else { continue }
                    let masker = RowMasker(row: row, policy: policy)
                    var values: [DatabaseValueConvertible?] = [n]
                    values += textColumns.map { masker.column($0) }
                    values += numberColumns.map { row[$0] as DatabaseValue }
                    values.append(Data(masker.text(String(decoding: (row["body"] as Data?) ?? Data(), as: UTF8.self)).utf8))
                    try insertRow.execute(arguments: StatementArguments(values))
                    try deleteText.execute(arguments: [n])
                    if let text: String = row["search_text"] { try insertText.execute(arguments: [n, masker.text(text)]) }
                    masked += 1
                }
            }
            for n in have.keys where !kept.contains(n) {
                try deleteRow.execute(arguments: [n])
                try deleteText.execute(arguments: [n])
            }
            try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('format', ?), ('source', ?)",
                           arguments: [format, key])
            return .commit
        }
        // Tests read this line to see that only the changed rows were masked again.
        StartupTrace.mark("report view caught up, \(masked) rows masked")
        return masked
    }
}

/// Masks the cells of one cache row: the masked fields (`contact`) as the
/// contact field is masked, wherever their raw value appears in the row
/// (the file's bytes hold it too), then every personal datum the scanner finds.
private struct RowMasker {
    let row: Row
    let policy: PrivacyPolicy
    /// Raw contact values and their masks, longest first (a value inside another is replaced after it).
    let contacts: [(raw: String, masked: String)]

    init(row: Row, policy: PrivacyPolicy) {
        self.row = row
        self.policy = policy
        var pairs: [(String, String)] = []
        for key in policy.maskedFields where CacheSchema.fieldColumns.contains(key) {
            guard let raw: String = row[key], !raw.isEmpty else { continue }
            let masked = ContactMasking.maskContact(raw, kinds: Set(policy.kinds))
            if masked != raw { pairs.append((raw, masked)) }
        }
        contacts = pairs.sorted { $0.0.count > $1.0.count }
    }

    func column(_ name: String) -> String? {
        guard let value: String = row[name] else { return nil }
        if policy.maskedFields.contains(name) { return ContactMasking.maskContact(value, kinds: Set(policy.kinds)) }
        return text(value)
    }

    func text(_ value: String) -> String {
        var text = value
        for (raw, masked) in contacts { text = text.replacingOccurrences(of: raw, with: masked) }
        return PIIScanner.mask(text, options: policy.scanOptions).text
    }
}
