import Foundation
import Testing
import TestSupport

/// Someone pastes text holding terminal escape sequences (ESC, BEL, CSI...)
/// into a ticket. gitdesk refuses them at input and in validation, and a desk
/// that already holds them (written before, or by hand) prints them escaped,
/// so reading the desk can never drive the reader's terminal.
@Suite("Control characters")
struct ControlCharacterTests {
    static let esc = "\u{1B}[2J\u{1B}]0;pwned\u{07}"   // clear screen, retitle the window, BEL
    static let csi = "\u{9B}31m"                          // C1 CSI

    /// True if `text` holds a control character other than tab and line feed
    /// (CR LF ends a CSV record: RFC 4180).
    func hasRawControl(_ text: String) -> Bool {
        text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
    }

    @Test("typed into a title, a comment, a field or a reason: refused with where it is, nothing written")
    func refusedAtInput() throws {
        let desk = try TestDesk()
        try desk.expectRefusal(["new", "--type", "complaint", "--channel", "phone", "--title", "支付失败\(Self.esc)"], as: "li",
                               mentioning: ["title", "U+001B (ESC)", "column 5"])
        let id = try desk.record(title: "支付失败", now: "2024-05-01T14:30:00+08:00")
        try desk.expectRefusal(["comment", id, "客户说\u{07}很急"], as: "li", mentioning: ["log entry", "U+0007 (BEL)"])
        try desk.expectRefusal(["set", id, "module=APP\(Self.csi)"], as: "wang", mentioning: ["module", "U+009B (CSI)"])
        try desk.expectRefusal(["set", id, "description=第一行\n第二\u{7F}行"], as: "wang", mentioning: ["U+007F (DEL)", "line 2, column 3"])
        // The refusal itself never echoes the character raw.
        let bad = try desk.gitdesk(["set", id, "priority=\(Self.esc)"], as: "wang")
        #expect(bad.status == 1 && !hasRawControl(bad.stderr), "\(bad)")
        // Tab and line feed are text.
        try desk.succeed(["comment", id, "第一步\t查询订单\n第二步\t退款"], as: "li")
    }

    @Test("in a hand-edited file: validate and the pre-commit hook name the file and line")
    func refusedInValidation() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "发票抬头错误", now: "2024-05-01T14:30:00+08:00")
        let path = try desk.ticketPath(id)
        let text = try desk.read(path).replacingOccurrences(of: "title: 发票抬头错误", with: "title: 发票\(Self.esc)抬头错误")
        try desk.write(path, text)
        #expect(try desk.git(["add", path]).status == 0)
        let hook = try desk.git(["-c", "user.name=Hand Editor", "-c", "user.email=hand@desk.example", "commit", "-q", "-m", "hand edit"])
        #expect(hook.status != 0, "the pre-commit hook let ESC through: \(hook)")
        #expect(hook.stderr.contains("\(path):") && hook.stderr.contains("control-character"), "\(hook)")
        #expect(!hasRawControl(hook.stderr), "\(hook)")

        try desk.handCommit("hand edit past the hooks")
        let validate = try desk.gitdesk(["validate"])
        #expect(validate.status == 1, "\(validate)")
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("title:") }) + 1
        #expect(validate.stdout.contains("\(path):\(line): control-character: title holds the control character U+001B (ESC) at column 3"),
                "\(validate)")
        #expect(!hasRawControl(validate.stdout + validate.stderr))
    }

    @Test("already in the desk: show, list, history and JSON print them escaped; the ticket still takes comments")
    func escapedAtOutput() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "物流停滞", now: "2024-05-01T14:30:00+08:00")
        let path = try desk.ticketPath(id)
        var text = try desk.read(path).replacingOccurrences(of: "title: 物流停滞", with: "title: 物流\(Self.esc)停滞")
        text += "\n## notes\n\n备注\(Self.csi)一\u{7F}\n"
        try desk.commitFile(path, bytes: Array(text.utf8), message: "\(id): hand edit \(Self.esc)")

        for args in [["show", id], ["list"], ["list", "--format", "csv"], ["history", id], ["show", id, "--json"],
                     ["list", "--format", "json"], ["history", id, "--json"]] {
            let result = try desk.gitdesk(args)
            #expect(result.status == 0, "\(args): \(result)")
            #expect(!hasRawControl(result.stdout + result.stderr), "\(args) printed a raw control character: \(result.stdout.debugDescription)")
        }
        let show = try desk.succeed(["show", id])
        #expect(show.contains("物流\\u001B[2J\\u001B]0;pwned\\u0007停滞"), "\(show)")
        #expect(show.contains("备注\\u009B31m一\\u007F"), "\(show)")
        let json = try desk.showJSON(id)
        #expect(json["title"] as? String == "物流\(Self.esc)停滞", "JSON keeps the value exactly (escaped as JSON)")
        #expect(try desk.succeed(["list", "--format", "csv"]).contains("物流\\u001B[2J"))
        #expect(try desk.succeed(["history", id]).contains("hand edit \\u001B[2J"))

        // A value written before the rule is not judged again: the ticket keeps working.
        try desk.succeed(["comment", id, "已联系物流"], as: "li")
    }
}
