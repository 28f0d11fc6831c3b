import Foundation
import Testing
import TestSupport

/// A broad tour of commands, successes and refusals, on a Chinese desk and an
/// English one (issue 11): on the Chinese desk no line is English prose; on
/// the English desk no line holds Chinese beyond the ticket data typed.
/// Identifiers, paths, keys, numbers and command lines may be ASCII in both.
@Suite struct LanguageTourTests {
    static let now = "2026-06-15T10:00:00+08:00"

    static func hasCJK(_ s: String) -> Bool { s.unicodeScalars.contains { $0.properties.isIdeographic } }

    /// Three or more English words in a row: prose, not an ID, key or path.
    static func isEnglishProse(_ line: String) -> Bool {
        var run = 0
        for word in line.split(whereSeparator: { !$0.isLetter && $0 != "'" }) {
            // Words with a lower-case letter: all-capital runs are IDs (CS-20260615-ZEJ9KT) and keys.
            let letters = word.allSatisfy { $0.isASCII && $0.isLetter || $0 == "'" } && word.contains(where: \.isLowercase)
            run = letters && word.count >= 2 ? run + 1 : 0
            if run >= 3 { return true }
        }
        return false
    }

    /// A line of `show`'s log (`  2026-06-15 10:00  li  登记：…`): ticket data, written
    /// once in the words of the desk that recorded it, shown as stored.
    static func isLogEntry(_ line: String) -> Bool {
        line.range(of: #"^  \d{4}-\d{2}-\d{2} \d{2}:\d{2}  \S+  "#, options: .regularExpression) != nil
    }

    /// An example command line printed as advice (`  gitdesk new --as li ...`).
    static func isCommandLine(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        return t.hasPrefix("gitdesk ") && !t.hasPrefix("gitdesk:") && !(t.split(separator: " ").dropFirst().first?.hasSuffix(":") ?? true)
    }

    /// Runs the tour in `lang`; returns every line printed (stdout and stderr), with the command that printed it.
    static func tour(_ lang: String, title: String, comment: String) throws -> [(command: String, line: String)] {
        let s = try Sandbox("gitdesk-tour")
        s.deskLanguage = lang
        var lines: [(String, String)] = []
        func run(_ args: [String], in dir: String = "desk", expect status: Int32? = nil) throws -> String {
            let r = try s.gitdesk(args, in: dir, env: ["GITDESK_NOW": now])
            if let status { #expect(r.status == status, "\(args): \(r)") }
            for line in (r.stdout + r.stderr).split(separator: "\n") { lines.append((args.joined(separator: " "), String(line))) }
            return r.stdout
        }
        _ = try run(["init", "desk"], in: "", expect: 0)
        let id = try run(["new", "--as", "li", "--type", "complaint", "--channel", "phone", "--title", title], expect: 0)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try run(["comment", id, comment + " 13700003333", "--as", "li"], expect: 0)
        _ = try run(["set", id, "expected_by=tomorrow", "--as", "li"], expect: 0)
        _ = try run(["set", id, "priority=bogus", "--as", "li"], expect: 1)
        _ = try run(["set", id, "expected_by=someday", "--as", "li"], expect: 1)
        _ = try run(["set", id, "satisfaction=5", "--as", "li"], expect: 1)
        _ = try run(["move", id, "closed", "--as", "li"], expect: 1)
        _ = try run(["move", id, "in_progress", "--as", "li"], expect: 0)
        _ = try run(["confirm", id, "--rating", "5", "--as", "li"], expect: 1)
        _ = try run(["new", "--as", "li", "--type", "complaint", "--channel", "pigeon", "--title", title], expect: 1)
        _ = try run(["show", "ZZZZZZ"], expect: 1)
        _ = try run(["show", id], expect: 0)
        _ = try run(["list"], expect: 0)
        _ = try run(["list", "--since", "someday"], expect: 1)
        _ = try run(["status"], expect: 0)
        _ = try run(["hooks", "install"], expect: 0)
        _ = try run(["validate"], expect: 0)
        _ = try run(["report", "--from", "yesterday", "--to", "today"], expect: 0)
        _ = try run(["report", "--from", "someday", "--to", "today"], expect: 1)
        _ = try run(["comment", id, "   ", "--as", "li"], expect: 1)
        _ = try run(["comment", id, "x", "--as", "nobody"], expect: 1)
        return lines
    }

    @Test func aChineseDeskSpeaksChinese() throws {
        for (command, line) in try Self.tour("zh", title: "退款未到账", comment: "客户来电") where !Self.isCommandLine(line) {
            #expect(Self.hasCJK(line) || !Self.isEnglishProse(line), "gitdesk \(command): English in a Chinese desk: '\(line)'")
        }
    }

    /// The names in the roster `init` writes.
    static let rosterNames = ["客服小李", "技术小张", "售后小陈", "产品小刘", "主管老王", "运营小赵", "管理员"]

    @Test func anEnglishDeskSpeaksEnglish() throws {
        for (command, line) in try Self.tour("en", title: "Refund missing", comment: "Customer called") where !Self.isLogEntry(line) {
            // The roster's names are the team's data (init writes Chinese example names), not the tool's words.
            let words = Self.rosterNames.reduce(line) { $0.replacingOccurrences(of: $1, with: "") }
            #expect(!Self.hasCJK(words), "gitdesk \(command): Chinese in an English desk: '\(line)'")
        }
    }
}
