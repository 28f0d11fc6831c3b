import Foundation
import TestSupport
import Testing
import TicketCore

/// Text that must stay as typed (DOMAIN.md privacy rule 7), and the
/// false-positive rate on random digit strings.
@Suite("PII false positives")
struct PIIFalsePositiveTests {
    /// `Tests/Fixtures/privacy/non_pii_corpus.txt`: order, tracking and ticket
    /// numbers, times, amounts, IPs, versions, models, coupon codes, service
    /// numbers and masked contacts. Kept outside the test target's folder so
    /// SwiftPM does not ask for it to be declared as a resource.
    static func corpusLines() throws -> [String] {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/privacy/non_pii_corpus.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
    }

    @Test("the non-PII corpus produces no findings")
    func corpus() throws {
        let lines = try Self.corpusLines()
        #expect(lines.count >= 300)
        var findings = 0
        for line in lines {
            let found = PIIScanner.scan(line)
            findings += found.count
            #expect(found.isEmpty, "\(line): \(found)")
        }
        print("non-PII corpus: \(lines.count) lines, \(findings) findings, false-positive rate \(Double(findings) / Double(lines.count))")
        // The corpus as one text (lines joined) gives nothing either.
        #expect(PIIScanner.scan(lines.joined(separator: "\n")).isEmpty)
    }

    static let neutralTemplates = [
        "客户提供的编码是%@，请核对", "系统记录：%@", "请核实 %@ 是否正确", "备注%@。", "用户留言（%@）",
    ]
    static let labelledTemplates = [
        "订单号：%@", "运单号 %@", "流水号%@", "工单 %@ 已关闭", "交易号：%@", "金额¥%@",
    ]

    static func rate(length: Int, templates: [String], samples: Int, seed: UInt64) -> Double {
        var rng = PIISamples.SeededRNG(seed: seed)
        var flagged = 0
        for _ in 0..<samples {
            let digits = String((0..<length).map { _ in Character(String(Int.random(in: 0...9, using: &rng))) })
            let template = templates[Int.random(in: 0..<templates.count, using: &rng)]
            let text = template.replacingOccurrences(of: "%@", with: digits)
            if PIIScanner.containsPII(text) { flagged += 1 }
        }
        return Double(flagged) / Double(samples)
    }

    @Test("false-positive rate on random digit strings of 11–19 digits in Chinese sentences")
    func randomDigits() {
        let samples = 20_000
        var report: [String] = []
        var overall12to19 = 0.0
        for length in 11...19 {
            let neutral = Self.rate(length: length, templates: Self.neutralTemplates, samples: samples, seed: UInt64(length))
            let labelled = Self.rate(length: length, templates: Self.labelledTemplates, samples: samples / 4,
                                     seed: UInt64(100 + length))
            report.append("  \(length) digits: \(String(format: "%.3f%%", neutral * 100)) unlabelled, "
                + "\(String(format: "%.3f%%", labelled * 100)) after an identifier word")
            if length == 11 {
                // Any 1[3-9] + 9 digits is a mobile number by rule 2 (7 in 100 random strings).
                #expect(neutral < 0.08)
            } else {
                overall12to19 += neutral / 8
                #expect(neutral < 0.005, "\(length) digits")
            }
            #expect(labelled == 0, "\(length) digits after an identifier word")
        }
        print("false-positive rate, random digit strings (\(samples) per length):\n" + report.joined(separator: "\n"))
        print("false-positive rate, 12–19 digits overall: \(String(format: "%.4f%%", overall12to19 * 100))")
        #expect(overall12to19 < 0.001)
    }

    @Test("Luhn alone would flag about one random number in ten; the card rule does not")
    func luhnAlone() {
        var rng = PIISamples.SeededRNG(seed: 99)
        var luhn = 0
        var flagged = 0
        let samples = 10_000
        for _ in 0..<samples {
            let v = (0..<16).map { _ in UInt8.random(in: 0...9, using: &rng) }
            if PIIChecksum.luhnIsValid(v) { luhn += 1 }
            let s = String(decoding: v.map { $0 + 0x30 }, as: UTF8.self)
            if PIIScanner.scan("编号\(s)").contains(where: { $0.kind == .bankCard }) { flagged += 1 }
        }
        print("16 random digits: Luhn-valid \(luhn)/\(samples), flagged as card \(flagged)/\(samples)")
        #expect(abs(Double(luhn) / Double(samples) - 0.1) < 0.02)
        #expect(flagged == 0)
    }
}
