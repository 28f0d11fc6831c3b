import Foundation
import GitKit
import GRDB
import TicketCore

/// The query cache: `.git/gitdesk/cache.sqlite`, one row per ticket file of
/// the tree it was last brought up to date with.
///
/// Never the source of truth: it records the tree it was built from and the
/// settings key (`.gitdesk/` and `team.yaml` object IDs), and before every
/// answer it is caught up by comparing that tree with the desk's tree, so
/// only ticket files whose blob changed are read again. A `git pull`, a hand
/// edit committed with git or a branch switch are caught up the same way; a
/// missing file is rebuilt, a damaged one deleted and rebuilt. WAL mode; the
/// catch-up runs in one `BEGIN IMMEDIATE` transaction, so concurrent gitdesk
/// processes queue for the single writer and the later one finds it fresh.
final class QueryCache {
    let queue: DatabaseQueue

    private init(queue: DatabaseQueue) { self.queue = queue }

    static func path(gitDir: String) -> String {
        (gitDir.hasSuffix("/") ? gitDir : gitDir + "/") + "gitdesk/cache.sqlite"
    }

    /// True when the user turned the cache off (`GITDESK_NO_CACHE=1`): every query parses every file.
    static var disabled: Bool { ProcessInfo.processInfo.environment["GITDESK_NO_CACHE"] == "1" }

    /// The cache brought up to date with `desk`'s tree, rebuilt once if the
    /// file is damaged. Throws when the cache cannot be used at all (e.g. a
    /// read-only repository): the caller then parses the files.
    ///
    /// A desk opened at another revision (`--at REV`) uses its own file,
    /// `cache-at.sqlite`, caught up from whatever tree it last held, so the
    /// cache for HEAD is neither read nor moved by a look at the past.
    static func current(for desk: Desk) throws -> QueryCache {
        var file = path(gitDir: desk.repository.gitDir)
        if desk.revision != nil { file = (file as NSString).deletingLastPathComponent + "/cache-at.sqlite" }
        do {
            return try catchUp(file: file, desk: desk)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            remove(file)
            return try catchUp(file: file, desk: desk)
        }
    }

    /// Deletes the cache file and its WAL companions.
    static func remove(_ file: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
    }

    /// The cache file opened in WAL mode (the query tables and the history index share it).
    /// `busy`: how long to wait for another process's write (a write's own
    /// history record waits little: the next `history` catches up anyway).
    static func openQueue(file: String, busy: TimeInterval = 10) throws -> DatabaseQueue {
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        // A link would make SQLite write wherever it points (another
        // application's database, a file outside the repository): not used.
        for suffix in ["", "-wal", "-shm"] {
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: file + suffix)) != nil { throw LinkedCache() }
        }
        var config = Configuration()
        config.busyMode = .timeout(busy)
        config.prepareDatabase { db in
            // A cache: losing the last transaction on power loss only means a catch-up.
            try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
        }
        return try DatabaseQueue(path: file, configuration: config)
    }

    private static func catchUp(file: String, desk: Desk) throws -> QueryCache {
        let queue = try openQueue(file: file)
        let cache = QueryCache(queue: queue)
        let tree = desk.headTree.hex
        let settings = SettingsCache.key(repository: desk.repository, tree: desk.headTree) ?? "-"
        // The common case, a fresh cache, costs one read.
        let fresh = try queue.read { db -> Bool in
            guard try db.tableExists("meta") else { return false }
            return try CacheSchema.meta(db, "format") == CacheSchema.format
                && CacheSchema.meta(db, "tree") == tree && CacheSchema.meta(db, "settings") == settings
        }
        if fresh {
            StartupTrace.mark("query cache fresh")
            return cache
        }
        try queue.inTransaction(.immediate) { db in
            try cache.update(db, desk: desk, tree: tree, settings: settings)
            return .commit
        }
        return cache
    }

    /// Brings the tables to `tree`, inside the writer's transaction (another
    /// process may have done it while this one waited).
    private func update(_ db: Database, desk: Desk, tree: String, settings: String) throws {
        if try db.tableExists("meta"), try CacheSchema.meta(db, "format") != CacheSchema.format {
            // Another layout: start from an empty file's tables.
            try db.execute(sql: "DROP TABLE IF EXISTS ticket; DROP TABLE IF EXISTS ticket_text; DROP TABLE IF EXISTS meta")
        }
        try db.execute(sql: CacheSchema.create)
        var base: ObjectID? = nil
        if try CacheSchema.meta(db, "format") == CacheSchema.format,
           try CacheSchema.meta(db, "settings") == settings,
           let old = try CacheSchema.meta(db, "tree") {
            if old == tree { return }
            base = ObjectID(hex: old)
        }
        let changes: [ChangedPath]
        var phase = "caught up"
        do {
            if base == nil { throw CacheRebuild() }
            changes = try TreeComparer(repository: desk.repository)
                .changes(from: base, to: desk.headTree, under: DeskLayout.ticketsDirectory + "/")
        } catch {
            // No usable base (new cache, other settings, or the recorded tree was
            // garbage-collected): every ticket file of the tree.
            try db.execute(sql: "DELETE FROM ticket; DELETE FROM ticket_text")
            phase = "rebuilt"
            changes = try desk.repository.listFiles(inTree: desk.headTree, under: DeskLayout.ticketsDirectory)
                .map { ChangedPath(path: $0.path, oldBlob: nil, newBlob: $0.blob) }
        }
        let writer = try RowWriter(db, schema: desk.schema)
        var read = 0
        for change in changes {
            try writer.delete(path: change.path)
            guard let blob = change.newBlob, TicketPath.ticketID(fromPath: change.path) != nil else { continue }
            try writer.insert(path: change.path, blob: blob, bytes: try desk.repository.blob(blob))
            read += 1
        }
        try CacheSchema.setMeta(db, "format", CacheSchema.format)
        try CacheSchema.setMeta(db, "settings", settings)
        try CacheSchema.setMeta(db, "tree", tree)
        // Tests read this line to see that only the changed files were read again.
        StartupTrace.mark("query cache \(phase), \(read) files read")
    }

    /// The ticket of a row's `record` column.
    static func ticket(in row: Row) throws -> Ticket {
        guard let data: Data = row["record"], let ticket = data.withUnsafeBytes({ TicketRecord.decode($0) })
        else { throw DamagedRecord() }
        return ticket
    }

    private struct CacheRebuild: Error {}
    /// A record that does not decode: the query falls back to the files.
    private struct DamagedRecord: Error {}
    private struct LinkedCache: Error {}
}

/// Writes ticket rows with prepared statements (a cold rebuild inserts thousands).
struct RowWriter {
    let db: Database
    let find: Statement
    let deleteRow: Statement
    let deleteText: Statement
    let insertRow: Statement
    let insertText: Statement
    let schema: Schema

    init(_ db: Database, schema: Schema) throws {
        self.db = db
        self.schema = schema
        find = try db.makeStatement(sql: "SELECT n FROM ticket WHERE path = ?")
        deleteRow = try db.makeStatement(sql: "DELETE FROM ticket WHERE n = ?")
        deleteText = try db.makeStatement(sql: "DELETE FROM ticket_text WHERE rowid = ?")
        let columns = ["path", "blob"] + CacheSchema.fieldColumns + CacheSchema.reportColumns + ["open_followups", "error", "record", "body"]
        insertRow = try db.makeStatement(sql: "INSERT INTO ticket(\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))")
        insertText = try db.makeStatement(sql: "INSERT INTO ticket_text(rowid, text) VALUES (?, ?)")
    }

    func delete(path: String) throws {
        guard let n = try Int64.fetchOne(find, arguments: [path]) else { return }
        try deleteRow.execute(arguments: [n])
        try deleteText.execute(arguments: [n])
    }

    /// `known`: the file's bytes already parsed (a write's own ticket).
    func insert(path: String, blob: ObjectID, bytes: [UInt8], known: ParsedTicket? = nil) throws {
        var values: [DatabaseValueConvertible?] = [path, blob.hex]
        var text: String? = nil
        do throws(TicketFileError) {
            let parsed: ParsedTicket
            if let known { parsed = known } else { parsed = try TicketFile.parse(bytes: bytes) }
            if let hollow = TicketFile.hollowReason(parsed) { throw TicketFileError.malformed(line: 1, hollow) }
            let ticket = parsed.ticket
            values += CacheSchema.fieldColumns.map { ticket[$0]?.precomposedStringWithCanonicalMapping }
            values.append(ticket.created?.seconds)
            values.append(ReportRows.settled(ticket, schema: schema)?.seconds)
            values.append(ticket.log.map(\.time.seconds).max() ?? ticket.created?.seconds)
            values.append(ticket.contacts.contains { !$0.done } ? 1 : 0)
            values.append(nil)
            values.append(Data(TicketRecord.encode(ticket)))
            values.append(Data(bytes))
            text = SearchTerms.text(of: ticket)
        } catch {
            values += CacheSchema.fieldColumns.map { _ in nil }
            values += [nil, nil, nil]
            values.append(0)
            values.append(DeskError.unreadableTicket(path: path, line: error.line, error.message).description)
            values.append(nil)
            values.append(Data(bytes))
        }
        try insertRow.execute(arguments: StatementArguments(values))
        if let text { try insertText.execute(arguments: [db.lastInsertedRowID, text]) }
    }
}
