import Foundation
import Testing
import TestSupport

/// Issue 10 (attacker re-review, MED): findings in a ticket file were printed
/// without limit — one 829 KB ticket of 60k unknown sections gave 60,006
/// `remote:` lines (8.5 MB) from the server, and the client hooks and
/// `validate` did the same. Every printed list of findings now shows at most
/// 20 per file and then one line counting the rest; `--json` keeps every
/// finding built, and the `unknown-field` rule itself names 20 unknown fields
/// and counts the rest in one finding (robust10b: building 60k masked
/// findings nobody is shown held the server for 26 s).
@Suite struct FindingFloodTests {
    @Test func aTicketWithManyBadSectionsIsReportedInBoundedLines() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "Refund missing")
        let path = try #require(try desk.git(["ls-files", "tickets"]).stdout.split(separator: "\n")
            .map(String.init).first { $0.contains(id) })
        let sections = (1...60).map { "\n## s\($0)\n\nx\n" }.joined()
        try desk.write(path, try desk.read(path) + sections)
        #expect(try desk.git(["add", path]).status == 0)

        let validate = try desk.gitdesk(["validate", "--staged"])
        #expect(validate.status == 1, "\(validate)")
        let lines = validate.stdout.split(separator: "\n").filter { $0.hasPrefix(path + ":") }
        #expect(lines.count == 21, "\(lines.count) lines: \(validate.stdout.prefix(2000))")
        let total = try #require(Int(try desk.gitdesk(["validate", "--staged", "--json"]).stdout
            .components(separatedBy: "\"rule\"").count - 1 as Int? ?? 0))
        #expect(total > 21 && total < 30, "\(total)")
        #expect(lines.last?.contains("(and \(total - 20) more)") == true, "\(lines.last ?? "") of \(total)")

        let json = try desk.gitdesk(["validate", "--staged", "--json"])
        #expect(json.stdout.components(separatedBy: "\"unknown-field\"").count - 1 == 21, "\(json.stdout.prefix(3000))")
        #expect(json.stdout.contains("and 40 more fields that are not fields of this desk's schema"), "--json keeps the counting finding")

        let commit = try desk.git(["-c", "user.name=Hand", "-c", "user.email=hand@desk.example", "commit", "-m", "hand edit"])
        #expect(commit.status != 0, "\(commit)")
        let hookLines = commit.stderr.split(separator: "\n").filter { $0.contains(path + ":") }
        #expect(hookLines.count == 21, "\(hookLines.count) lines: \(commit.stderr.prefix(2000))")
    }
}
