import Foundation
import Testing
import TicketCore

/// Personal data written to slip past the scanner (issue 10, the attacker's
/// review): a WeChat ID holding a phone number, odd separators and groupings,
/// other digit scripts mixed with ASCII, financial numerals, invisible format
/// characters and tag digits inside a number. Each is found, masked, and the
/// text around it kept as typed. Every case is also a seed of the scanner's
/// fuzz target (fuzz/corpus/fuzz-scanner/evasion-*).
@Suite("PII evasions")
struct PIIEvasionTests {
    static let card16 = withLuhn("622202123456789")

    static let cases: [(before: String, value: String, after: String, kind: PIIKind)] = [
        ("微信 ", "wx-13912345678", " 已加", .mobile),
        ("电话 ", "139~1234~5678", " 请回电", .mobile),
        ("电话 ", "139,1234,5678", " 请回电", .mobile),
        ("电话 ", "(139)1234 5678", " 请回电", .mobile),
        ("电话 ", "（139）1234 5678", " 请回电", .mobile),
        ("电话", "壹叁玖壹贰叁肆伍陆柒捌", "，请回电", .mobile),
        ("电话 ", "١٣٩١٢٣٤٥٦٧٨", " 请回电", .mobile),
        ("电话 ", "139١٢٣٤5678", " 请回电", .mobile),
        ("电话 ", "139۱۲۳۴5678", " 请回电", .mobile),
        ("电话 ", "१३९12345678", " 请回电", .mobile),
        ("电话 ", "𝟏𝟑𝟗1234５６７８", " 请回电", .mobile),
        ("卡号 ", "6222\u{200B}0212\u{200B}3456\u{200B}789" + String(card16.last!), " 已冻结", .bankCard),
        ("卡号 ", card16.map { String($0) }.joined(separator: "\u{2062}"), " 已冻结", .bankCard),
        ("卡号 ", card16.map { String($0) }.joined(separator: "\u{180E}"), " 已冻结", .bankCard),
        ("电话 ", "139" + "12345678".unicodeScalars.map { String(Unicode.Scalar($0.value + 0xE0000)!) }.joined(), " 请回电", .mobile),
    ]

    @Test("each evasion is found, masked, and the text around it kept", arguments: 0..<cases.count)
    func foundAndMasked(_ index: Int) {
        let c = Self.cases[index]
        let text = c.before + c.value + c.after
        #expect(kinds(text).contains(c.kind), "\(index): \(text.unicodeScalars.map { String($0.value, radix: 16) })")
        let out = masked(text)
        #expect(PIIScanner.scan(out).isEmpty, "\(index): still found in \(out)")
        #expect(out.hasPrefix(c.before) && out.hasSuffix(c.after), "\(index): \(out)")
        #expect(out != text, "\(index): nothing masked")
    }

    /// The scanner's fuzz seeds (fuzz/corpus/fuzz-scanner, the evasions among
    /// them) keep the fuzz target's invariants: masking changes only the
    /// replaced ranges, leaves nothing to find and is idempotent.
    @Test("every scanner fuzz seed keeps the fuzz target's invariants")
    func fuzzSeeds() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fuzz/corpus/fuzz-scanner")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names.filter { $0.hasPrefix("evasion-") }.count == 7, "\(names)")
        for name in names {
            let bytes = try Data(contentsOf: dir.appendingPathComponent(name))
            let text = String(decoding: bytes, as: UTF8.self)
            let (out, matches) = PIIScanner.mask(text)
            #expect(matches == PIIScanner.scan(text), "\(name)")
            var rebuilt: [UInt8] = []
            var pos = 0
            let utf8 = Array(text.utf8)
            for m in matches {
                rebuilt += utf8[pos..<m.utf8Range.lowerBound] + Array(m.masked.utf8)
                pos = m.utf8Range.upperBound
            }
            rebuilt += utf8[pos...]
            #expect(Array(out.utf8) == rebuilt, "\(name): text changed outside the replaced ranges")
            let again = PIIScanner.mask(out)
            #expect(again.matches.isEmpty && again.text == out, "\(name): \(again.text)")
            if name.hasPrefix("evasion-") { #expect(!matches.isEmpty, "\(name): nothing found") }
        }
    }
}
