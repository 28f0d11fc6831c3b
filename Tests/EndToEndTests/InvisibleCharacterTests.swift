import Foundation
import Testing
import TestSupport

/// Invisible format characters that reorder or hide text: the right-to-left
/// and left-to-right marks (U+200E/F), the Arabic letter mark (U+061C), the
/// byte order mark inside text (U+FEFF) and the Unicode tag characters
/// (U+E0000–E007F, invisible ASCII). Refused at input like the other
/// control characters, and printed escaped wherever a desk already holds them.
@Suite("Invisible characters")
struct InvisibleCharacterTests {
    static let tagged = "APP" + "hidden".unicodeScalars.map { String(Unicode.Scalar($0.value + 0xE0000)!) }.joined()
    static let invisible: [UInt32] = [0x200E, 0x200F, 0x061C, 0xFEFF] + Array(0xE0000...0xE007F)

    func hasRawInvisible(_ text: String) -> Bool {
        text.unicodeScalars.contains { Self.invisible.contains($0.value) }
    }

    @Test("typed into a title, a comment or a field: refused with where it is, nothing written")
    func refusedAtInput() throws {
        let desk = try TestDesk()
        try desk.expectRefusal(["new", "--type", "complaint", "--channel", "phone", "--title", "退款\u{200F}成功"], as: "li",
                               mentioning: ["title", "U+200F", "column 3"])
        try desk.expectRefusal(["new", "--type", "complaint", "--channel", "phone", "--title", "\u{FEFF}支付失败"], as: "li",
                               mentioning: ["title", "U+FEFF", "column 1"])
        let id = try desk.record(title: "支付失败", now: "2024-05-01T14:30:00+08:00")
        try desk.expectRefusal(["comment", id, "已退款\u{061C}完成"], as: "li", mentioning: ["log entry", "U+061C"])
        try desk.expectRefusal(["set", id, "module=\(Self.tagged)"], as: "wang", mentioning: ["module", "U+E0068"])
        try desk.expectRefusal(["comment", id, "好\u{200E}的"], as: "li", mentioning: ["U+200E"])
        let bad = try desk.gitdesk(["comment", id, "已退款\u{E0001}完成"], as: "li")
        #expect(bad.status == 1 && !hasRawInvisible(bad.stderr), "\(bad)")
    }

    @Test("already in the desk or a ref name: show, list, history, diff and status print them escaped")
    func escapedAtOutput() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "物流停滞", now: "2024-05-01T14:30:00+08:00")
        let root = try desk.head
        let path = try desk.ticketPath(id)
        var text = try desk.read(path).replacingOccurrences(of: "title: 物流停滞", with: "title: 物流\u{200F}停\u{FEFF}滞")
        text += "\n## notes\n\n备注\u{061C}\(Self.tagged)\n"
        try desk.commitFile(path, bytes: Array(text.utf8), message: "\(id): hand edit \u{200F}x\u{E0041}")
        try #require(try desk.git(["checkout", "-q", "-b", "fix\u{200F}\u{E0041}txt"]).status == 0)

        for args in [["show", id], ["list"], ["list", "--format", "csv"], ["history", id], ["diff", "\(root)..HEAD"],
                     ["status"], ["show", id, "--json"], ["list", "--format", "json"], ["history", id, "--json"]] {
            let result = try desk.gitdesk(args)
            // diff exits 1 for the hand edit's findings (its author is not on the roster, and the characters).
            #expect(result.status == (args[0] == "diff" ? 1 : 0), "\(args): \(result)")
            #expect(!hasRawInvisible(result.stdout + result.stderr), "\(args) printed a raw invisible character: \(result.stdout.debugDescription)")
        }
        let show = try desk.succeed(["show", id])
        #expect(show.contains("物流\\u200F停\\uFEFF滞"), "\(show)")
        #expect(show.contains("备注\\u061CAPP\\uE0068"), "\(show)")
        #expect(try desk.succeed(["history", id]).contains("hand edit \\u200Fx\\uE0041"))
        #expect(try desk.succeed(["status"]).contains("fix\\u200F\\uE0041txt"))
        let diff = try desk.gitdesk(["diff", "\(root)..HEAD"]).stdout
        #expect(diff.contains("物流\\u200F停\\uFEFF滞") && diff.contains("U+061C"), "\(diff)")
        let json = try desk.showJSON(id)
        #expect(json["title"] as? String == "物流\u{200F}停\u{FEFF}滞", "JSON keeps the value exactly (escaped as JSON)")
        // A value written before the rule is not judged again: the ticket keeps working.
        try desk.succeed(["comment", id, "已联系物流"], as: "li")
    }
}
