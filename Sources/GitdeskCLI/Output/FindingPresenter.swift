import GitKit
import TicketCore
import TicketStore

/// Findings as text (`file:line: rule: message`, one per line) or JSON.
enum FindingPresenter {
    static func lines(_ reports: [CommitReport]) -> [String] {
        reports.flatMap { $0.findings.map(line) }
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
