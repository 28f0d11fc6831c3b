import Testing
@testable import TicketCore

/// Issue 10 (attacker review, HIGH): 400k blank lines at the start of a
/// section took 140 s to parse (each blank line was removed from the front
/// of an array, which moves the rest). These inputs, just under the 1 MiB
/// file limit, parse in well under a second once the parser is linear; a
/// quadratic one would make this suite run for minutes. (Parse time of a
/// 1 MiB pathological file is measured in `make bench`, never asserted.)
@Suite("Ticket parser is linear on blank lines")
struct ParserLinearityTests {
    static let head = "---\nid: CS20240501001\ncreated: 2024-05-01T14:30:00+08:00\ntitle: 支付成功但订单未生成\n---\n\n"

    /// (name, section text between `## description` and the next section, expected value)
    static let shapes: [(String, String, String)] = [
        ("blank lines first", String(repeating: "\n", count: 400_000) + "x\n", "x"),
        ("whitespace-only lines first", String(repeating: " \n", count: 300_000) + "x\n", "x"),
        ("tab-and-ideographic-space lines first", String(repeating: "\t\u{3000}\n", count: 150_000) + "x\n", "x"),
        ("blank lines last", "x\n" + String(repeating: "\n", count: 400_000), "x"),
        ("blank lines inside", "x" + String(repeating: "\n", count: 400_000) + "y\n", "x" + String(repeating: "\n", count: 400_000) + "y"),
        ("CRLF lines", String(repeating: "\r\n", count: 300_000) + "x\r\n", "x"),
    ]

    @Test("a section of hundreds of thousands of blank lines parses, to the right value",
          arguments: shapes.indices)
    func blankLines(index: Int) throws {
        let (name, text, expected) = Self.shapes[index]
        let file = Self.head + "## description\n" + text + "\n## notes\n\nv\n"
        #expect(file.utf8.count <= TicketLimits.fileBytes, "\(name): \(file.utf8.count) bytes")
        let parsed = try TicketFile.parse(file)
        #expect(parsed.ticket["description"] == expected, "\(name)")
        #expect(parsed.ticket["notes"] == "v", "\(name)")
    }

    @Test("a log entry's text with hundreds of thousands of blank lines around it")
    func logEntryLines() {
        let text = String(repeating: "\n", count: 300_000) + "客户来电" + String(repeating: " \n", count: 200_000)
        #expect(TicketFile.entryLines(text) == ["客户来电"])
        #expect(Ticket.normalise(text) == "客户来电")
    }
}
