import Testing
import TicketCore

/// Values the scanner missed (issue 10, second attacker's review): phone
/// numbers joined by middle dots, bars, colons or apostrophes, written in
/// circled digits, e-mail addresses with a Chinese local part or domain
/// (and their punycode), and an unlabeled card number whose groups are
/// split by zero-width spaces. Each is found and masked, the text around it
/// kept; the masked text holds nothing more to find.
@Suite("PII scanner misses")
struct PIIScannerMissTests {
    static let card16 = withLuhn("622202123456789")
    static let zwsp = "\u{200B}"

    static let cases: [(before: String, value: String, after: String, kind: PIIKind, masked: String)] = [
        ("客户 ", "139·1234·5678", " 请回电", .mobile, "139****5678"),
        ("客户 ", "139・1234・5678", " 请回电", .mobile, "139****5678"),
        ("客户 ", "139•1234•5678", " 请回电", .mobile, "139****5678"),
        ("客户 ", "139|1234|5678", " 请回电", .mobile, "139****5678"),
        ("客户 ", "139:1234:5678", " 请回电", .mobile, "139****5678"),
        ("客户 ", "139'1234'5678", " 请回电", .mobile, "139****5678"),
        ("客户 ", "139 · 1234 · 5678", " 请回电", .mobile, "139****5678"),
        ("客户 ", "①③⑨①②③④⑤⑥⑦⑧", " 请回电", .mobile, "139****5678"),
        ("客户 ", "❶❸❾❶❷❸❹❺❻❼❽", " 请回电", .mobile, "139****5678"),
        ("邮箱 ", "用户@例子.中国", " 已回复", .email, "用***@例子.中国"),
        ("邮箱 ", "kefu@例子.中国", " 已回复", .email, "k***@例子.中国"),
        ("邮箱 ", "user@xn--fsqu00a.xn--fiqs8s", " 已回复", .email, "u***@xn--fsqu00a.xn--fiqs8s"),
        ("客户说 ", card16.enumerated().map { i, c in (i > 0 && i % 4 == 0 ? zwsp : "") + String(c) }.joined(), " 已冻结", .bankCard,
         String(card16.prefix(6)) + "******" + String(card16.suffix(4))),
        ("客户说 ", card16.map(String.init).joined(separator: zwsp), " 已冻结", .bankCard, String(card16.prefix(6)) + "******" + String(card16.suffix(4))),
    ]

    @Test("each missed value is found and masked", arguments: 0..<cases.count)
    func foundAndMasked(_ index: Int) {
        let c = Self.cases[index]
        let text = c.before + c.value + c.after
        #expect(kinds(text) == [c.kind], "\(index): \(text)")
        let out = masked(text)
        #expect(out == c.before + c.masked + c.after, "\(index): \(out)")
        #expect(PIIScanner.scan(out).isEmpty, "\(index): still found in \(out)")
    }

    /// What stays as typed: the new separators between numbers that are not
    /// phones (times, scores, a table), circled list markers, an unlabeled
    /// 16-digit number typed whole without anything hidden in it, and `@`
    /// between Chinese words without a dotted domain.
    @Test("the new shapes keep false positives out")
    func falsePositives() {
        for text in [
            "会议时间 10:30:00，比分 3:2",
            "| 1 | 2 | 3 |",
            "步骤①登录②下单③支付",
            "数字 \(Self.card16) 已登记",
            "请@张三 处理",
            "谢谢@李四。",
            "版本 1·2·3",
        ] {
            #expect(kinds(text).isEmpty, "\(text): \(PIIScanner.scan(text))")
        }
    }

    /// Decided by the existing rule 7: an identifier word right before a
    /// number (`order#`, `订单号：`) makes it that identifier, whatever its
    /// shape; a phone word nearer than the identifier word makes it a phone.
    @Test("an order label right before a number keeps it an order number; a nearer phone word wins")
    func orderLabel() {
        #expect(kinds("order#13912345678").isEmpty)
        #expect(kinds("订单号：13912345678").isEmpty)
        #expect(kinds("order# tel 13912345678") == [.mobile])
        #expect(masked("备注 #13912345678") == "备注 #139****5678")
    }
}
