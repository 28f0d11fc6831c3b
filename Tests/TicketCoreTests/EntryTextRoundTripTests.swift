import PropertyBased
import Testing
@testable import TicketCore

/// A log entry's text keeps its blank lines and indentation through render and parse.
@Suite struct EntryTextRoundTripTests {
    static let schema = try! SchemaLoader.load(files: SchemaLoader.defaultFiles)
    static let pieces = ["支付", "超时", " ", "  ", "\t", "\n", "\n\n", "    at x()", "- ", "## ", "\u{3000}", "a: b", "\\"]
    static let texts = Gen<String?>.element(of: pieces).map { $0 ?? "" }.array(of: 1...14).map { $0.joined() }

    func roundTrip(_ text: String) throws -> (file: String, parsed: String) {
        var t = Ticket()
        t["id"] = "CS-20240501-7K3FQ2"
        t.log = [LogEntry(time: Timestamp(seconds: 1_714_545_000, offsetMinutes: 480), operator: "zhang", text: text),
                 LogEntry(time: Timestamp(seconds: 1_714_545_060, offsetMinutes: 480), operator: "li", text: "下一条")]
        let file = TicketFile.render(t, layout: Self.schema.layout)
        let parsed = try TicketFile.parse(file)
        #expect(parsed.ticket.log.count == 2, "\(file)")
        #expect(TicketFile.render(parsed.ticket, layout: Self.schema.layout) == file)
        return (file, parsed.ticket.log[0].text)
    }

    @Test func aBlankLineAndACodeBlockStay() throws {
        let text = "日志如下：\n\n    at PayService.notify()\n\t-> retry\n\n结论：超时"
        #expect(try roundTrip(text).parsed == text)
    }

    @Test func anIndentedFirstLineStays() throws {
        #expect(try roundTrip("    code first\nthen words").parsed == "    code first\nthen words")
    }

    @Test func generatedTextsRoundTripToTheirNormalForm() async {
        await propertyCheck(count: 500, input: Self.texts) { text in
            let normal = LogEntry.normalise(text)
            guard !normal.isEmpty else { return }
            let (file, parsed) = try roundTrip(text)
            #expect(parsed == normal, "file:\n\(file)")
            // Only trailing whitespace and blank lines at the ends are dropped.
            #expect(normal.split(separator: "\n", omittingEmptySubsequences: false).count
                    <= text.split(separator: "\n", omittingEmptySubsequences: false).count)
        }
    }
}
