import ArgumentParser
import Foundation
import TicketCore
import TicketStore

/// `gitdesk import`
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import tickets from a CSV or JSON file (what export writes, or the seeds' tables).",
        usage: HelpText.usage("gitdesk import <file> [--each] [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: HelpText.fitted("""
            Headers are field keys or labels (问题编号, 提交时间, 问题类型, 问题描述, 优先级, \
            处理人, 处理状态, 用户满意度, ..., 沟通记录, 处理记录); values keys or labels. \
            Legacy IDs and times are kept, personal data is masked, every row is \
            validated: one bad row and nothing is written, each reported as FILE:LINE. \
            One commit for the file, or one per ticket with --each. UTF-8 or GB18030/GBK. \
            A .json file (or one starting with [) is read as export --format json writes \
            it: an array of objects keyed by field key or label; its problems name the \
            object's position (FILE:N).
            """)
    )

    @Argument(help: "The CSV or JSON file.", completion: .file(extensions: ["csv", "json"])) var file: String
    @Flag(help: "One commit per ticket instead of one for the file.") var each = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let fullPath = URL(fileURLWithPath: file).standardizedFileURL.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: fullPath, isDirectory: &isDirectory) else {
            throw CLIError(.importNoSuchFile, ["file": .text(file), "path": .text(fullPath)])
        }
        // 64 MB is about 100k rows with long texts; a bigger file is split first.
        let size = (try? FileManager.default.attributesOfItem(atPath: fullPath)[.size] as? Int) ?? 0
        guard size <= Self.maxBytes else {
            throw CLIError(.importTooBig, ["file": .text(file), "size": .number(size / 1_048_576), "limit": .number(Self.maxBytes / 1_048_576)])
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: fullPath) else {
            throw CLIError(isDirectory.boolValue ? .importIsDirectory : .importPermissionDenied, ["file": .text(file), "path": .text(fullPath)])
        }
        guard let (text, _) = TextDecoding.decode(data) else {
            throw CLIError(.importEncoding, ["file": .text(file)])
        }
        let desk = try global.openDesk()
        let person = try global.person(in: desk)
        let now = try global.now(in: desk)
        let records: [CSVReader.Record]
        do throws(CSVReader.Malformed) {
            if Self.isJSON(file: file, text: text) {
                records = try JSONTable.records(text)
            } else {
                records = try CSVReader.records(text)
            }
        } catch {
            throw CLIError(.importRow, ["file": .text(file), "line": .number(error.line), "problem": .message(error.message)])
        }
        guard let header = records.first else { throw CLIError(.importEmptyFile, ["file": .text(file)]) }
        let columns: [String]
        switch TicketImport.columns(header, schema: desk.schema) {
        case .success(let c): columns = c
        case .failure(let p): throw CLIError(.importRow, ["file": .text(file), "line": .number(p.line), "problem": .message(p.message)])
        }
        var rows: [TicketImport.Row] = []
        var problems: [TicketImport.Problem] = []
        let offset = desk.timeZone.offsetMinutes(at: now.seconds)
        for record in records.dropFirst() {
            switch TicketImport.ticket(record, columns: columns, schema: desk.schema, offsetMinutes: offset, prefix: desk.config.prefix) {
            case .success(let t): rows.append(TicketImport.Row(line: record.line, ticket: t))
            case .failure(let p): problems.append(p)
            }
        }
        let result: ImportResult
        do {
            result = try desk.importTickets(rows, file: file, each: each, earlier: problems, by: person, at: now)
        } catch {
            // One line per bad row (FILE:LINE: reason, personal data masked), at most
            // `shownBadRows` (a wrong table has thousands), then the count of the rest
            // and the verdict.
            guard case .importRefused(let rows) = error else { throw error }
            for row in rows.prefix(Self.shownBadRows) { printError(Finding.redacted(Speech.say(row))) }
            if rows.count > Self.shownBadRows {
                printError(Speech.say(Message(.importMoreBadRows, ["count": .number(rows.count - Self.shownBadRows)])))
            }
            throw error
        }
        let language = global.language(for: desk)
        for id in result.ids {
            guard let notes = result.masked[id], !notes.isEmpty else { continue }
            MaskNotice.print(notes, of: id, schema: desk.schema, language: language)
        }
        let tickets = result.ids.count == 1 ? Message(.countTicketOne) : Message(.countTickets, ["count": .number(result.ids.count)])
        let commits = result.commits.count == 1 ? Message(.countCommitOne) : Message(.countCommits, ["count": .number(result.commits.count)])
        print(Speech.say(Message(.importDone, ["tickets": .message(tickets), "commits": .message(commits)])))
    }

    static let maxBytes = 64 * 1_048_576
    /// Bad rows named one by one; the rest are counted.
    static let shownBadRows = 50

    /// A `.json` file, or one whose first character is `[`.
    static func isJSON(file: String, text: String) -> Bool {
        file.lowercased().hasSuffix(".json")
            || text.unicodeScalars.first { $0 != "\u{FEFF}" && !$0.properties.isWhitespace } == "["
    }
}
