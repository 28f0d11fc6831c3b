import Foundation
import TicketCore

/// Times the ticket parser on 1 MiB pathological files (issue 10: 400k blank
/// lines in a section took 140 s) and the `pii` scan of a 1 MB note outside
/// `tickets/` full of phone numbers (20k of them took minutes), best of 3 in
/// wall time. Both must stay linear: well under a second each.
struct ParseBenchmark {
    func run() {
        let head = "---\nid: CS20240501001\ncreated: 2024-05-01T14:30:00+08:00\ntitle: t\n---\n\n## description\n"
        let shapes: [(String, String)] = [
            ("blank_first", String(repeating: "\n", count: 500_000) + "x\n"),
            ("spaces_first", String(repeating: " \n", count: 500_000) + "x\n"),
            ("blank_last", "x\n" + String(repeating: "\n", count: 500_000)),
            ("crlf", String(repeating: "x\r\n", count: 330_000)),
        ]
        for (name, body) in shapes {
            let text = head + body
            let seconds = best { _ = try? TicketFile.parse(text) }
            print("parse_1mb_\(name)_s=\(String(format: "%.3f", seconds))")
        }
        let note = (0..<38_000).map { "客户反馈138\(String(format: "%08d", $0))，\n" }.joined()
        var findings = 0
        let seconds = best { findings = FilePrivacyRule().checkContent(path: "notes.txt", bytes: Array(note.utf8)).count }
        print("pii_note_1mb_findings=\(findings)")
        print("pii_note_1mb_s=\(String(format: "%.3f", seconds))")
    }

    private func best(_ body: () -> Void) -> Double {
        (0..<3).map { _ in
            let start = Date()
            body()
            return Date().timeIntervalSince(start)
        }.min()!
    }
}
