import Foundation
import Testing
import TestSupport

/// Refusals follow `--lang` and the desk's configured language: English with
/// no Chinese in it, or Chinese; what the user typed is printed as typed.
@Suite struct MessageLanguageTests {
    static func hasCJK(_ s: String) -> Bool { s.unicodeScalars.contains { $0.properties.isIdeographic } }

    /// A desk with one ticket in progress and strict privacy, and the
    /// refusals to try: unknown ID, illegal transition, permission, missing
    /// required field, raw personal data, bad option value.
    static func refusals(_ d: TestDesk) throws -> [(name: String, args: [String], as: String)] {
        let policy = try d.read(".gitdesk/schema/privacy.yaml")
        try d.write(".gitdesk/schema/privacy.yaml", policy.replacingOccurrences(of: "strict: false", with: "strict: true"))
        let commit = try d.git(["-c", "user.name=Admin", "-c", "user.email=admin@desk.example", "commit", "-qam", "strict privacy"])
        try #require(commit.status == 0, "\(commit)")
        let id = try d.record(title: "Printer jams")
        try d.succeed(["move", id, "in_progress"], as: "li")
        return [
            ("unknown ID", ["show", "ZZZZZZ"], "li"),
            ("illegal transition", ["move", id, "closed"], "li"),
            ("permission", ["approve", id], "li"),
            ("missing required field", ["move", id, "awaiting_confirmation"], "li"),
            ("raw personal data", ["comment", id, "call 13812345678"], "li"),
            ("bad option value", ["new", "--type", "complaint", "--channel", "pigeon", "--title", "x"], "li"),
        ]
    }

    @Test func englishRefusalsHaveNoChinese() throws {
        let d = try TestDesk()
        for r in try Self.refusals(d) {
            let result = try d.expectRefusal(r.args + ["--lang", "en"], as: r.as)
            #expect(!Self.hasCJK(result.stderr), "\(r.name): \(result.stderr)")
        }
    }

    @Test func chineseRefusalsAreChinese() throws {
        let d = try TestDesk()
        for r in try Self.refusals(d) {
            let result = try d.expectRefusal(r.args + ["--lang", "zh"], as: r.as)
            #expect(Self.hasCJK(result.stderr), "\(r.name): \(result.stderr)")
            #expect(!result.stderr.contains("13812345678"), "\(r.name) echoed the raw number")
        }
        // What the user typed is printed as typed.
        let typed = try d.expectRefusal(["new", "--type", "complaint", "--channel", "pigeon", "--title", "x", "--lang", "zh"], as: "li")
        #expect(typed.stderr.contains("「pigeon」"), "\(typed.stderr)")
    }

    @Test func theDesksLanguageIsTheDefault() throws {
        let s = try Sandbox("gitdesk-lang")
        try #require(try s.gitdesk(["init", "desk", "--lang", "zh"]).status == 0)
        let zh = try s.gitdesk(["move", "ZZZZZZ", "closed", "--as", "li"], in: "desk")
        #expect(zh.status == 1 && zh.stderr == "gitdesk: 没有与「ZZZZZZ」匹配的工单\n", "\(zh)")
        let en = try s.gitdesk(["move", "ZZZZZZ", "closed", "--as", "li", "--lang", "en"], in: "desk")
        #expect(en.stderr == "gitdesk: no ticket matches 'ZZZZZZ'\n", "\(en)")
        // Before the subcommand too, as git takes its options.
        let before = try s.gitdesk(["--lang", "en", "-C", "desk", "move", "ZZZZZZ", "closed", "--as", "li"])
        #expect(before.stderr == "gitdesk: no ticket matches 'ZZZZZZ'\n", "\(before)")
    }
}
