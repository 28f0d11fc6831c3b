import Testing
import TicketCore

/// CSV read as Excel and Python's `csv` read it: no character dropped.
@Suite("CSV reader")
struct CSVReaderTests {
    static func cells(_ text: String) throws -> [[String]] {
        try CSVReader.records(text).map(\.cells)
    }

    @Test("a quote inside an unquoted cell is a character of the cell")
    func quoteInsideUnquoted() throws {
        #expect(try Self.cells("ab\"c,d\n") == [["ab\"c", "d"]])
        #expect(try Self.cells("15\"\n") == [["15\""]])
        #expect(try Self.cells(" \"a\",b\n") == [[" \"a\"", "b"]])
    }

    @Test("after a closing quote, the rest of the cell is kept, quotes included")
    func afterClosingQuote() throws {
        #expect(try Self.cells("\"ab\"c\"d,e\n") == [["abc\"d", "e"]])
        #expect(try Self.cells("\"a,b\"\"c\",d\r\n") == [["a,b\"c", "d"]])
    }

    @Test("a quote opened and never closed is refused with its line")
    func unclosed() {
        #expect(throws: CSVReader.Malformed(line: 2, Message(.csvQuoteNotClosed))) {
            _ = try CSVReader.records("a,b\n\"c,d\n")
        }
    }
}
