import ArgumentParser
import Foundation
import TicketCore
import TicketStore

/// `gitdesk report`
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The analysis report of a period, one ticket's processing report, or a desk's own query.",
        usage: HelpText.usage("gitdesk report [<id>] [--month <YYYY-MM>] [--week <YYYY-Www>] [--from <date>] [--to <date>] [--at <REV>] [--query <NAME>] [--timeout <seconds>] [--format <format>] [--output <file>] [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: """
            Examples: gitdesk report --month 2024-05 (the month's analysis); \
            gitdesk report --week 2024-W21 --format html -o w21.html; \
            gitdesk report --from 2024-05-01 --to 2024-05-15 --at v2024-05; \
            gitdesk report CS-20240501-7K3FQ2 (one ticket's processing report); \
            gitdesk report --query weekly_backlog (reports/weekly_backlog.sql, read-only).
            Without a period: the current month; with --at REV alone, REV's month (the month \
            of REV's commit in the desk's time zone: the current month as of REV). Periods are whole days, both ends included, \
            in the desk's time zone. A period that has ended is computed at its end; a running \
            one with --at REV at REV's commit time, so the same command gives the same \
            bytes later. Every metric is defined in docs/reports.md.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, md, csv, json, html }

    @Argument(help: "A ticket ID (or unique prefix): its processing report.") var id: String?
    @Option(help: ArgumentHelp("A month: YYYY-MM.", valueName: "YYYY-MM")) var month: String?
    @Option(help: ArgumentHelp("An ISO week: YYYY-Www.", valueName: "YYYY-Www")) var week: String?
    @Option(help: ArgumentHelp("First day, included (2024-05-01, 2024/05/01, 5月1日, 昨天...).", valueName: "date")) var from: String?
    @Option(help: ArgumentHelp("Last day, included.", valueName: "date")) var to: String?
    @Option(help: ArgumentHelp("Compute from the desk as it was at this revision (alone: REV's month).", valueName: "REV")) var at: String?
    @Option(help: ArgumentHelp("Run the desk's own report reports/NAME.sql.", valueName: "NAME")) var query: String?
    @Option(help: ArgumentHelp("With --query: stop the query after this many seconds (default 10).", valueName: "seconds")) var timeout: Double?
    @Option(help: "Output format: text, md, csv, json or html.") var format: Format = .text
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var output: String?
    @OptionGroup var global: GlobalOptions

    /// Checked once the desk is open, so the refusal is in the desk's language (still a usage error, exit 64).
    func checkOptions() throws {
        let periodGiven = month != nil || week != nil || from != nil || to != nil
        if [month != nil, week != nil, from != nil || to != nil].filter({ $0 }).count > 1 {
            throw ValidationError(Speech.say(ReportError.conflictingPeriods))
        }
        if (from == nil) != (to == nil) { throw ValidationError(Speech.say(Message(.reportFromToTogether))) }
        if id != nil && (periodGiven || query != nil) { throw ValidationError(Speech.say(Message(.reportTicketTakesNoPeriod))) }
        if query != nil && periodGiven { throw ValidationError(Speech.say(Message(.reportQueryTakesNoPeriod))) }
        if let timeout, query == nil || !(timeout > 0 && timeout <= 3600) { throw ValidationError("--timeout goes with --query: seconds, more than 0 and at most 3600") }
    }

    func run() throws {
        var desk = try global.openDesk()
        try checkOptions()
        let clock = try global.now(in: desk)
        var revisionTime: Timestamp? = nil
        if let at {
            (desk, revisionTime) = try desk.at(revision: at)
        }
        let lang = global.language(for: desk)
        let text: String
        if let query {
            text = try QueryReportOutput(desk: desk, name: query, format: format, language: lang, timeout: timeout ?? 10).render()
        } else if let id {
            let now = revisionTime.map { min($0, clock) } ?? clock
            let found = try desk.ticket(id)
            let team = desk.team
            // A hand-edited file may hold raw personal data: masked on the way out.
            let report = TicketReport.build(PrivacyGuard.displayed(found.parsed.ticket, schema: desk.schema), at: now.withOffset(desk.timeZone.offsetMinutes(at: now.seconds)),
                                            schema: desk.schema, lang: lang, name: team.displayName)
            text = TicketReportOutput(report: report, language: lang).render(format)
        } else {
            // The current month as of REV with --at REV (its commit time), else as of the clock.
            let offset = desk.timeZone.offsetMinutes(at: (revisionTime ?? clock).seconds)
            let period: ReportPeriod
            if let month { period = try ReportPeriod.parseMonth(month, offsetMinutes: offset) }
            else if let week { period = try ReportPeriod.parseWeek(week, offsetMinutes: offset) }
            else if let from, let to { period = try ReportPeriod.parseRange(from: from, to: to, offsetMinutes: offset, now: clock) }
            else { period = ReportPeriod.month(containing: (revisionTime ?? clock).withOffset(offset)) }
            // A period that has not begun has nothing to count (and a backlog "as of" its
            // start would be a guess): refused. One in progress is computed as of now and says so.
            if period.start > (revisionTime.map { min($0, clock) } ?? clock) { throw ReportError.futurePeriod(from: period.fromText) }
            let now = ReportClock.now(period: period, clock: clock, revisionTime: revisionTime)
            let (report, unreadable) = try desk.periodReport(period: period, now: now, lang: lang, useCache: at == nil)
            for bad in unreadable {
                printError("warning: " + (bad.error.hasPrefix(bad.path) ? bad.error : "\(bad.path): \(bad.error)"))
            }
            let presenter = ReportPresenter(report: report, language: lang)
            switch format {
            case .text: text = presenter.text()
            case .md: text = presenter.markdown()
            case .csv: text = presenter.csv()
            case .json: text = presenter.json().serialised() + "\n"
            case .html: text = ReportHTML(presenter: presenter).render()
            }
        }
        if let output {
            try Self.write(text, to: output)
        } else {
            print(text, terminator: "")
        }
    }

    /// Writes the report; a failure is one line naming the path (never Foundation's own wording).
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw CLIError(.reportNoFolder, ["path": .text(path), "folder": .text(folder)])
        }
        do { try Data(text.utf8).write(to: url, options: .atomic) } catch {
            let reason = (error as NSError).userInfo[NSUnderlyingErrorKey].flatMap { ($0 as? NSError).map { String(cString: strerror(Int32($0.code))) } }
            throw CLIError(.reportCannotWrite, ["path": .text(path), "reason": .text(reason ?? "permission denied or disk full")])
        }
    }
}
