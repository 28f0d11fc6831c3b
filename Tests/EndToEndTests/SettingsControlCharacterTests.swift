import Foundation
import Testing
import TestSupport

/// A control character (ESC…) in a desk's YAML file — team.yaml, the
/// schema — is refused in one line that names the file, the line and the
/// column, the character printed escaped, never quoted raw. A broken roster
/// does not keep anyone from reading tickets: `list` and `show` work, while
/// `validate` and every write (someone must be looked up) refuse with it.
@Suite("Control characters in settings files")
struct SettingsControlCharacterTests {
    @Test("team.yaml holding ESC: validate and writes refuse in one line naming team.yaml, its line and column, escaped; list and show work",
          arguments: ["list", "show", "validate", "comment"])
    func escInTeamFile(_ command: String) throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        var lines = try desk.read("team.yaml").components(separatedBy: "\n")
        let at = try #require(lines.firstIndex { $0.contains("name:") })
        lines[at] = lines[at].replacingOccurrences(of: "name: ", with: "name: \u{1B}[31m")
        let column = try #require(lines[at].unicodeScalars.firstIndex(of: "\u{1B}")).utf16Offset(in: lines[at]) + 1
        try desk.commitFile("team.yaml", bytes: Array(lines.joined(separator: "\n").utf8))
        let args: [String] = switch command {
        case "show": ["show", id]
        case "comment": ["comment", id, "客户再次来电", "--as", "li"]
        default: [command]
        }
        let result = try desk.gitdesk(args, now: "2024-05-01T15:00:00+08:00")
        if command == "list" || command == "show" {
            #expect(result.status == 0 && result.stdout.contains(id), "\(result)")
            return
        }
        #expect(refusalProblems(result, mentioning: ["team.yaml:\(at + 1)", "U+001B (ESC)", "column \(column)"]).isEmpty, "\(result)")
        #expect(!result.stderr.unicodeScalars.contains("\u{1B}"), "\(result)")
    }
}
