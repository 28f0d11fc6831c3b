import Foundation
import Testing
import TestSupport

/// A handler pastes a note with a blank line and an indented code block: the
/// file and `show` keep both, and the next write reads the file back intact.
@Suite("Comment layout")
struct CommentLayoutTests {
    static let note = "接口超时，日志如下：\n\n    at PayService.notify(PayService.java:88)\n      caused by: timeout\n\n已转技术排查"

    @Test("blank lines and indentation of a comment survive the file, show and the next write")
    func blankLinesAndIndentationKept() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        try desk.succeed(["comment", id, Self.note], as: "zhang", now: "2024-05-01T15:00:00+08:00")
        let file = try desk.read(try desk.ticketPath(id))
        #expect(file.contains("""
            - 2024-05-01T15:00:00+08:00 zhang: 接口超时，日志如下：

                  at PayService.notify(PayService.java:88)
                    caused by: timeout

              已转技术排查

            """), "\(file)")
        let show = try desk.succeed(["show", id])
        let lines = show.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.contains("接口超时") }, "\(show)")
        #expect(lines[start + 1].isEmpty, "\(show)")
        #expect(lines[start + 2].hasSuffix("    at PayService.notify(PayService.java:88)"), "\(show)")
        #expect(lines[start + 3].hasSuffix("      caused by: timeout"), "\(show)")
        #expect(lines[start + 4].isEmpty && lines[start + 5].hasSuffix("  已转技术排查"), "\(show)")
        let json = try desk.showJSON(id)
        let log = try #require(json["log"] as? [[String: Any]])
        #expect(log.last?["text"] as? String == Self.note)
        // The next write parses the file and renders it again: nothing moves.
        try desk.succeed(["comment", id, "客户已知悉"], as: "li", now: "2024-05-01T16:00:00+08:00")
        let again = try desk.read(try desk.ticketPath(id))
        #expect(again.hasPrefix(file) && again.hasSuffix("li: 客户已知悉\n"), "\(again)")
        #expect(try desk.porcelain.isEmpty)
        try desk.succeed(["validate", "--all"])
    }
}
