import Testing
import PropertyBased
import TicketCore

/// `Ticket.normalise` decides on bytes whether a value is already normal (the
/// fast path every parse takes); it must always agree with the definition.
@Suite struct NormaliseTests {
    /// The definition: line endings as `\n`, trailing spaces, tabs and U+3000
    /// cut from each line, blank lines dropped at both ends, and a one-line
    /// value trimmed at its start too. Whitespace is a scalar: a space before a
    /// combining mark is trimmed although the two make one Character.
    static func byDefinition(_ text: String) -> String {
        let ws: Set<Unicode.Scalar> = [" ", "\t", "\u{3000}"]
        // Line endings on scalars: CR LF, then any lone CR, become LF.
        var scalars: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if scalar == "\n", scalars.last == "\r" { scalars[scalars.count - 1] = "\n"; continue }
            scalars.append(scalar)
        }
        let unified = String(String.UnicodeScalarView(scalars.map { $0 == "\r" ? "\n" : $0 }))
        var lines = unified.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line -> String in
                var l = Substring(line).unicodeScalars
                while let last = l.last, ws.contains(last) { l = l.dropLast() }
                return String(l)
            }
        while let first = lines.first, first.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\t" }) { lines.removeFirst() }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        if lines.count == 1 { return String(lines[0].unicodeScalars.drop { ws.contains($0) }) }
        return lines.joined(separator: "\n")
    }

    static let pieces = ["客户", "a", "「", "」", " ", "\t", "\u{3000}", "\n", "\r", "\r\n", "é", "\u{301}", "x y"]
    static let texts = Gen<String?>.element(of: pieces).map { $0 ?? "" }.array(of: 0...10).map { $0.joined() }

    @Test func agreesWithTheDefinitionAndIsIdempotent() async {
        await propertyCheck(count: 3000, input: Self.texts) { text in
            let normal = Ticket.normalise(text)
            #expect(normal == Self.byDefinition(text), "\(text.debugDescription)")
            #expect(Ticket.normalise(normal) == normal, "\(text.debugDescription)")
        }
    }

    @Test func examples() {
        #expect(Ticket.normalise("  支付失败 \u{3000}") == "支付失败")
        #expect(Ticket.normalise("\n第一行  \r\n第二行\t\n\n") == "第一行\n第二行")
        #expect(Ticket.normalise("第一行\n\n  第三行") == "第一行\n\n  第三行")
        #expect(Ticket.normalise("「引用」") == "「引用」")
        #expect(Ticket.normalise("甲\r\r\n乙") == "甲\n\n乙")
        #expect(Ticket.normalise(" \u{301}x ") == "\u{301}x")
    }
}
