@testable import TicketCore
import Testing

/// Issue 10 item 1: scanning and masking are linear in the input. Measured
/// in steps (the scanner's count of characters looked at), never in time: four
/// times the text is at most a little over four times the work.
@Suite("PII scan is linear")
struct PIILinearityTests {
    static let shapes = [
        "客户反馈13812345678，",                      // the text of the issue
        "1 3 8 1 2 3 4 5 6 7 8 ",                   // digits one by one
        "138.1234.5678/",                           // separators
        "一三八一二三四五六七八，",                     // Chinese numerals
        "QQ13812345678a ",                          // letters touching
        "a.b@example.com@",                         // e-mail chains
        "电话 010-62345678 ext. 8 ",                  // context words
        "1234567890",                               // one endless digit run
        "1-",                                       // one endless joined run
        "一",                                        // one endless numeral run
        "a",                                         // one endless local part
    ]

    @Test("four times the text, four times the steps", arguments: shapes)
    func linear(unit: String) {
        let n = 4000
        let small = PIIScanner.steps(String(repeating: unit, count: n))
        let large = PIIScanner.steps(String(repeating: unit, count: 4 * n))
        #expect(small > 0)
        #expect(Double(large) <= 4.2 * Double(small), "\(small) steps for \(n) × \(unit.debugDescription), \(large) for \(4 * n) ×")
    }

    @Test("line numbers of many findings are counted in one pass")
    func lineCounter() {
        let text = String(repeating: "客户反馈13812345678，\n", count: 3000)
        let matches = PIIScanner.scan(text)
        #expect(matches.count == 3000)
        let lines = PIIMatch.withLines(matches, in: text).map(\.line)
        #expect(lines == Array(1...3000))
    }
}
