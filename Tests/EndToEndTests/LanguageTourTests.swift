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

    /// English prose anywhere in a line, also between Chinese words (a
    /// catalogued sentence with an English finding inside it has both):
    /// three plain lower-case words in a row. A token with `.`, `/`, `-`,
    /// `@`, `<` or a digit is an identifier (team.yaml, refs/heads/main,
    /// --amend, settings-change) and ends a run.
    static func hasEnglishProse(_ line: String) -> Bool {
        let cjk: (Character) -> Bool = { $0.unicodeScalars.contains { $0.properties.isIdeographic } || "，。：；（）「」、".contains($0) }
        return line.split(whereSeparator: cjk).contains { segment in
            var run = 0
            for token in segment.split(separator: " ") {
                let word = token.trimmingCharacters(in: CharacterSet(charactersIn: ",;:()'\""))
                let plain = word.count >= 2 && word.allSatisfy { $0.isASCII && $0.isLetter } && word.contains(where: \.isLowercase)
                run = plain ? run + 1 : 0
                if run >= 3 { return true }
            }
            return false
        }
    }

    /// The lines a hook printed, without git's own (English) lines about the push.
    static func hookLines(_ output: String) -> [String] {
        output.split(separator: "\n").map(String.init).compactMap { line in
            if line.hasPrefix("remote: ") { return String(line.dropFirst("remote: ".count)) }
            return line.hasPrefix("To ") || line.hasPrefix(" ! ") || line.hasPrefix("error: failed to push") ? nil : line
        }.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    @Test func aChineseDesksHookRefusesInChinese() throws {
        let d = try HookTestDesk(language: "zh")
        let team = try d.sandbox.read("desk/team.yaml")
        try d.sandbox.write("desk/team.yaml", team.replacingOccurrences(of: "roles: [agent]", with: "roles: [admin]"))
        let refused = try d.sandbox.git(["-c", "user.name=Stranger", "-c", "user.email=stranger@corp.example", "commit", "-qam", "team"],
                                        in: "desk")
        #expect(refused.status != 0, "\(refused)")
        #expect(refused.stderr.contains("无权修改 team.yaml"), "\(refused.stderr)")
        for line in Self.hookLines(refused.stderr) {
            #expect(!Self.hasEnglishProse(line), "pre-commit: English in a Chinese desk: '\(line)'")
        }
    }

    @Test func aChineseDesksServerRefusesInChinese() throws {
        let d = try HookTestDesk(language: "zh")
        try d.edit { $0.replacingOccurrences(of: "title: 支付成功但订单未生成", with: "title: 支付成功但订单未生成（补充）") }
        try d.commitByHand("retitle", author: "Stranger <stranger@corp.example>")
        let before = try d.serverHead()
        let refused = try d.push(["main"], pusher: "li")
        #expect(refused.status != 0, "\(refused)")
        #expect(refused.stderr.contains("不在人员名单"), "\(refused.stderr)")
        #expect(refused.stderr.contains("只有管理员可以推送他人编写的提交"), "\(refused.stderr)")
        for line in Self.hookLines(refused.stderr) {
            #expect(!Self.hasEnglishProse(line), "pre-receive: English in a Chinese desk: '\(line)'")
        }
        #expect(try d.serverHead() == before)
    }
}
