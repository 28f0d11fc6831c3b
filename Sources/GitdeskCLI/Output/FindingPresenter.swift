import GitKit
import TicketCore
import TicketStore

/// Findings as text (`file:line: rule: message`, one per line) or JSON.
enum FindingPresenter {
    static func lines(_ reports: [CommitReport]) -> [String] {
        capped(reports.flatMap(\.findings))
    }

    /// How many findings of one file are printed; the rest are counted on one
    /// line, so a hostile file (60k bad sections) cannot flood a terminal or a
    /// push's `remote:` output. `--json` keeps every finding built (the `unknown-field` rule names 20 per file and counts the rest in one).
    static let perFile = 20

    /// One line per finding, at most ``perFile`` per file, then one line per
    /// file saying how many more it has.
    static func capped(_ findings: [Finding]) -> [String] {
        var total: [String: Int] = [:]
        var files: [String] = []
        for f in findings {
            if total[f.file] == nil { files.append(f.file) }
            total[f.file, default: 0] += 1
        }
        // One line more than the cap is printed rather than counted.
        let capped = Set(files.filter { total[$0, default: 0] > perFile + 1 })
        var shown: [String: Int] = [:]
        var lines: [String] = []
        for f in findings {
            shown[f.file, default: 0] += 1
            if !capped.contains(f.file) || shown[f.file, default: 0] <= perFile { lines.append(line(f)) }
        }
        for file in files where capped.contains(file) {
            let more = Speech.say(Message(.andMore, ["count": .number(total[file, default: 0] - perFile)]))
            lines.append("\(file):\(more)".terminalSafe)
        }
        return lines
    }

    static func line(_ f: Finding) -> String {
        let line = "\(f.file):\(f.line): \(f.rule): \(f.text(Speech.language, labels: Speech.labels))"
        return (f.severity == .warning ? "\(line) (\(Speech.say(Message(.warning))))" : line).terminalSafe
    }

    /// `[{commit, file, line, rule, field, message, severity}]`; `file` without the commit prefix.
    static func json(_ reports: [CommitReport]) -> JSONValue {
        .array(reports.flatMap { report in
            report.findings.map { f in
                var file = f.file
                if let commit = report.commit, file.hasPrefix(commit.id.shortHex() + ":") {
                    file = String(file.dropFirst(commit.id.shortHex().count + 1))
                }
                return .object([
                    ("commit", report.commit.map { .string($0.id.hex) } ?? .null),
                    ("file", .string(file)),
                    ("line", .int(f.line)),
                    ("rule", .string(f.rule)),
                    ("field", f.field.map { .string($0) } ?? .null),
                    ("message", .string(f.message)),
                    ("severity", .string(f.severity.rawValue)),
                ])
            }
        })
    }
}
