import Foundation
import GRDB
import GRDBSQLite
import TicketCore

/// A desk's own report (`reports/NAME.sql`), run read-only over the query cache.
public struct CustomReportResult: Sendable {
    public var columns: [String]
    /// Cells as text (nil = SQL NULL), personal data masked.
    public var rows: [[String?]]
    /// True where SQLite gave a number (INTEGER or REAL), so JSON writes it as one.
    public var numeric: [[Bool]] = []
}

/// Why a custom report was refused.
public enum CustomReportError: Error, Equatable, CustomStringConvertible {
    case badName(String)
    case notFound(String, available: [String])
    /// On disk but not in the committed tree (reports run from what the team reviewed).
    case notCommitted(String)
    case notOneStatement(String)
    case notAQuery(String)
    case denied(String, String)
    case sql(String, String)
    case noCache(String)
    /// The query ran past its time (`--timeout`, seconds).
    case timedOut(String, seconds: Double)
    case tooManyRows(String, limit: Int)
    case tooMuchOutput(String, limit: Int)

    public var description: String {
        switch self {
        case .badName(let n): return "not a report name: \(n) (letters, digits, _ and - only; the file is reports/NAME.sql)"
        case .notFound(let n, let available):
            return "no report reports/\(n).sql in this desk" + (available.isEmpty ? " (reports/ holds none)" : " (have: \(available.joined(separator: ", ")))")
        case .notCommitted(let n):
            return "reports/\(n).sql is not committed: commit it (git add reports/\(n).sql && git commit); reports run from the committed tree"
        case .notOneStatement(let n): return "reports/\(n).sql must hold exactly one SQL statement"
        case .notAQuery(let n): return "reports/\(n).sql is not a read-only SELECT: reports may only read"
        case .denied(let n, let what): return "reports/\(n).sql may not \(what): a report reads the ticket table and nothing else"
        case .sql(let n, let message): return "reports/\(n).sql: \(message)"
        case .noCache(let why): return "the query cache cannot be opened (\(why)); custom reports read it"
        case .timedOut(let n, let seconds):
            return "reports/\(n).sql ran longer than \(Self.seconds(seconds)) s and was stopped: narrow the query (a join without a condition, an unbounded recursive CTE?) or give --timeout SECONDS"
        case .tooManyRows(let n, let limit):
            return "reports/\(n).sql returns more than \(limit) rows: a report is read by people; aggregate (GROUP BY) or add LIMIT"
        case .tooMuchOutput(let n, let limit):
            return "reports/\(n).sql returns more than \(limit / 1_048_576) MiB of text: select fewer or shorter columns"
        }
    }

    static func seconds(_ s: Double) -> String { s == s.rounded() ? String(Int(s)) : String(s) }
}

/// How far a report may go: time (a progress handler checks the deadline),
/// rows and output bytes; blobs made by randomblob/zeroblob are capped.
public struct CustomReportLimits: Sendable {
    public var seconds: Double = 10
    public var rows = 10_000
    public var bytes = 16 << 20
    /// The largest randomblob()/zeroblob() a report may make.
    public var blobBytes = 1 << 16
    public init(seconds: Double = 10) { self.seconds = seconds }
}

/// The deadline the progress handler checks.
private final class ReportDeadline {
    let end: Date
    var hit = false
    init(seconds: Double) { end = Date(timeIntervalSinceNow: seconds) }
}

/// What a report's statement may do, decided by SQLite's authorizer while it compiles:
/// SELECT, reading the cache's tables, harmless functions and recursive CTEs. Anything
/// else (ATTACH, PRAGMA, writes, load_extension...) is denied.
private final class ReportAuthorizer {
    var denied: String? = nil
    static let readable: Set<String> = ["ticket", "ticket_text", "ticket_text_data", "ticket_text_idx",
                                         "ticket_text_content", "ticket_text_docsize", "ticket_text_config"]
    static let forbiddenFunctions: Set<String> = ["load_extension", "readfile", "writefile", "edit", "fts3_tokenizer",
                                                  "sqlite_compileoption_get", "zipfile", "fts5_source_id"]

    func authorize(_ action: Int32, _ a: String?, _ b: String?) -> Int32 {
        switch action {
        case SQLITE_SELECT, SQLITE_RECURSIVE: return SQLITE_OK
        case SQLITE_READ:
            if let a, Self.readable.contains(a) { return SQLITE_OK }
            denied = "read \(a ?? "?")"
        case SQLITE_FUNCTION:
            if let b, !Self.forbiddenFunctions.contains(b.lowercased()) { return SQLITE_OK }
            denied = "call \(b ?? "?")()"
        case SQLITE_PRAGMA: denied = "run PRAGMA \(a ?? "")"
        case SQLITE_ATTACH, SQLITE_DETACH: denied = "attach a database"
        case SQLITE_INSERT, SQLITE_UPDATE, SQLITE_DELETE: denied = "write (\(a ?? "?"))"
        case SQLITE_TRANSACTION, SQLITE_SAVEPOINT: denied = "control transactions"
        default: denied = "do anything but read (SQLite action \(action))"
        }
        return SQLITE_DENY
    }
}

extension Desk {
    /// The names of the desk's reports (`reports/*.sql` at its revision).
    public func customReportNames() -> [String] {
        ((try? repository.listFiles(inTree: headTree, under: DeskLayout.reportsDirectory)) ?? [])
            .map(\.path).filter { $0.hasSuffix(".sql") && !$0.dropFirst(DeskLayout.reportsDirectory.count + 1).contains("/") }
            .map { String($0.dropFirst(DeskLayout.reportsDirectory.count + 1).dropLast(4)) }.sorted()
    }

    /// Runs `reports/NAME.sql` over the query cache through a read-only
    /// connection with an authorizer; contact columns and any personal data
    /// in a cell come back masked.
    public func runCustomReport(named name: String, limits: CustomReportLimits = CustomReportLimits()) throws(CustomReportError) -> CustomReportResult {
        guard !name.isEmpty, name.utf8.allSatisfy({ $0 == 95 || $0 == 45 || (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) }) else {
            throw .badName(name)
        }
        let path = "\(DeskLayout.reportsDirectory)/\(name).sql"
        guard let bytes = (try? repository.fileContents(at: path, inTree: headTree)) ?? nil else {
            if let workdir = repository.workdir, FileManager.default.fileExists(atPath: workdir + "/" + path) {
                throw .notCommitted(name)
            }
            throw .notFound(name, available: customReportNames())
        }
        let sql = String(decoding: bytes, as: UTF8.self)
        // The report reads the masked copy of the cache, never the cache: see ReportView.
        let file: String
        do {
            let cache = try QueryCache.current(for: self)
            file = ReportView.path(forCache: cache.queue.path)
            try ReportView.catchUp(file: file, source: cache.queue, policy: schema.privacy)
        } catch { throw .noCache("\(error)") }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: file, configuration: config)
            let deadline = ReportDeadline(seconds: limits.seconds)
            return try queue.read { db throws -> CustomReportResult in
                Self.capBlobFunctions(db, limit: limits.blobBytes)
                let box = Unmanaged.passUnretained(deadline).toOpaque()
                sqlite3_progress_handler(db.sqliteConnection, 1000, { box in
                    let d = Unmanaged<ReportDeadline>.fromOpaque(box!).takeUnretainedValue()
                    if Date() < d.end { return 0 }
                    d.hit = true
                    return 1
                }, box)
                defer { sqlite3_progress_handler(db.sqliteConnection, 0, nil, nil) }
                // FTS5 declares and configures the full-text table on first use (internal statements,
                // among them writes to sqlite_master the authorizer would deny as the report's own):
                // connect it before the authorizer is in place, so MATCH works on the masked copy.
                _ = try Row.fetchOne(db, sql: "SELECT rowid FROM ticket_text WHERE rowid = 0")
                let statement = try Self.compileReport(sql, name: name, in: db)
                let columns = statement.columnNames
                var rows: [[String?]] = []
                var numeric: [[Bool]] = []
                var bytes = 0
                let cursor = try Row.fetchCursor(statement)
                do {
                    while let row = try cursor.next() {
                        if rows.count == limits.rows { throw CustomReportError.tooManyRows(name, limit: limits.rows) }
                        var kinds: [Bool] = []
                        let cells = columns.indices.map { i in
                            let value: DatabaseValue = row[i]
                            switch value.storage { case .int64, .double: kinds.append(true); default: kinds.append(false) }
                            return CustomReportMasking.cell(value, column: columns[i])
                        }
                        bytes += cells.reduce(0) { $0 + ($1?.utf8.count ?? 0) }
                        if bytes > limits.bytes { throw CustomReportError.tooMuchOutput(name, limit: limits.bytes) }
                        rows.append(cells)
                        numeric.append(kinds)
                    }
                } catch let error as DatabaseError where deadline.hit || error.resultCode == .SQLITE_INTERRUPT {
                    throw CustomReportError.timedOut(name, seconds: limits.seconds)
                }
                return CustomReportResult(columns: columns, rows: rows, numeric: numeric)
            }
        } catch let error as CustomReportError {
            throw error
        } catch let error as DatabaseError {
            throw .sql(name, error.message ?? "\(error.resultCode)")
        } catch {
            throw .sql(name, "\(error)")
        }
    }
}

extension Desk {
    /// randomblob(N) and zeroblob(N) above `limit` bytes are refused: one call
    /// would otherwise allocate gigabytes before any row is counted.
    static func capBlobFunctions(_ db: Database, limit: Int) {
        for name in ["randomblob", "zeroblob"] {
            db.add(function: DatabaseFunction(name, argumentCount: 1, pure: false) { values in
                let n = Int64.fromDatabaseValue(values[0]) ?? Double.fromDatabaseValue(values[0]).map { Int64(clamping: Int($0.isFinite ? min(max($0, -1e18), 1e18) : 1e18)) } ?? 0
                guard n <= Int64(limit) else {
                    throw DatabaseError(message: "\(name)(\(n)) is over the \(limit) bytes a report may make")
                }
                let size = max(Int(n), 0)
                if name == "zeroblob" { return Data(count: size) }
                var bytes = [UInt8](repeating: 0, count: size)
                for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255) }
                return Data(bytes)
            })
        }
    }

    /// Compiles a report's SQL under the authorizer: exactly one statement
    /// that only reads the cache's ticket tables and returns columns.
    static func compileReport(_ sql: String, name: String, in db: Database) throws -> Statement {
        let authorizer = ReportAuthorizer()
        let box = Unmanaged.passUnretained(authorizer).toOpaque()
        sqlite3_set_authorizer(db.sqliteConnection, { box, action, a, b, _, _ in
            Unmanaged<ReportAuthorizer>.fromOpaque(box!).takeUnretainedValue()
                .authorize(action, a.map { String(cString: $0) }, b.map { String(cString: $0) })
        }, box)
        defer { sqlite3_set_authorizer(db.sqliteConnection, nil, nil) }
        let statements = try db.allStatements(sql: sql)
        let statement: Statement
        do {
            guard let first = try statements.next() else { throw CustomReportError.notOneStatement(name) }
            statement = first
            if try statements.next() != nil { throw CustomReportError.notOneStatement(name) }
        } catch let error as DatabaseError where authorizer.denied != nil || error.resultCode == .SQLITE_AUTH {
            throw CustomReportError.denied(name, authorizer.denied ?? "do that")
        }
        guard statement.isReadonly, statement.columnCount > 0 else { throw CustomReportError.notAQuery(name) }
        return statement
    }

    /// The hooks' check of a changed `reports/NAME.sql`: it must compile, under the
    /// same authorizer, against the cache's tables (an empty in-memory copy).
    public static func reportFileProblem(path: String, sql: String) -> String? {
        let name = String(path.split(separator: "/").last?.dropLast(4) ?? "")
        do {
            let queue = try DatabaseQueue()
            try queue.write { db in try db.execute(sql: ReportView.create) }
            try queue.read { db in _ = try compileReport(sql, name: name, in: db) }
            return nil
        } catch let error as CustomReportError {
            return error.description
        } catch let error as DatabaseError {
            return "reports/\(name).sql: \(error.message ?? "\(error.resultCode)")"
        } catch {
            return "reports/\(name).sql: \(error)"
        }
    }
}

/// Masks what a custom report returns: a column named for contact data is
/// masked as the contact field is; every text cell passes the PII masker.
enum CustomReportMasking {
    static let contactColumns: Set<String> = ["contact", "phone", "mobile", "email", "e_mail", "tel", "联系方式"]

    static func cell(_ value: DatabaseValue, column: String) -> String? {
        var text: String
        switch value.storage {
        case .null: return nil
        case .int64(let i): text = String(i)
        case .double(let d): text = String(d)
        case .string(let s): text = s
        case .blob(let data): text = String(decoding: data, as: UTF8.self)
        }
        if contactColumns.contains(column.lowercased()) { text = ContactMasking.maskContact(text) }
        return PIIScanner.mask(text).text
    }
}
