import Testing
import TicketCore

/// Values the scanner missed (issue 10, attacker's HIGH findings): e-mail
/// addresses with Latin letters with diacritics in the domain or local part,
/// and mobile numbers grouped other than 3-4-4. Each is found and masked
/// exactly, the text around it kept, and nothing is left to find.
@Suite("PII accented e-mails and regrouped mobiles")
struct PIIAccentAndGroupingTests {
    static let cases: [(value: String, kind: PIIKind, masked: String)] = [
        ("user@bücher.de", .email, "u***@bücher.de"),
        ("test@münchen.de", .email, "t***@münchen.de"),
        ("jörg@bücher.de", .email, "j***@bücher.de"),
        ("user@dömain.com", .email, "u***@dömain.com"),
        ("josé@correo.es", .email, "j***@correo.es"),
        ("ölaf@ex.com", .email, "ö***@ex.com"),
        ("user@straße.example.de", .email, "u***@straße.example.de"),
        ("jo\u{308}rg@bu\u{308}cher.de", .email, "j***@bu\u{308}cher.de"),
        ("139 00 00 12 34", .mobile, "139****1234"),
        ("1390 000 1234", .mobile, "139****1234"),
        ("13 900 001 234", .mobile, "139****1234"),
        ("139-00-00-12-34", .mobile, "139****1234"),
        ("1390-000-1234", .mobile, "139****1234"),
        ("13-900-001-234", .mobile, "139****1234"),
        ("15 86 77 12 345", .mobile, "158****2345"),
        ("1860 1234 567", .mobile, "186****4567"),
        ("⒈⒊⒐⒈⒉⒊⒋⒌⒍⒎⒏", .mobile, "139****5678"),
        ("㈠㈢㈨㈠㈡㈢㈣㈤㈥㈦㈧", .mobile, "139****5678"),
        ("⑴⑶⑼⑴⑵⑶⑷⑸⑹⑺⑻", .mobile, "139****5678"),
    ]

    @Test("each is found and masked exactly", arguments: 0..<cases.count)
    func foundAndMasked(_ index: Int) {
        let c = Self.cases[index]
        let text = "客户 " + c.value + " 请回复"
        #expect(kinds(text) == [c.kind], "\(index): \(text)")
        let out = masked(text)
        #expect(out == "客户 " + c.masked + " 请回复", "\(index): \(out)")
        #expect(PIIScanner.scan(out).isEmpty, "\(index): still found in \(out)")
    }

    @Test("after +86 the country code stays as typed")
    func countryCode() {
        #expect(masked("电话 +86 139 00 00 12 34") == "电话 +86 139****1234")
    }

    /// A number inside an accented domain or local part leaves nothing to
    /// find on a rescan (the fuzzer's invariant). A number in a domain stays
    /// as typed, as in an ASCII one (`a@b.card13812345678.cn`).
    @Test("masking is stable around accented addresses", arguments: [
        "a@bü13812345678.de", "a@b.cü13812345678.de", "jö13812345678@ex.de", "ü13812345678@bücher.de 1390 000 1234",
        "x@bücher.de@c.de", "13 900 001 234@bücher.de",
    ])
    func stable(_ text: String) {
        let out = masked(text)
        #expect(PIIScanner.scan(out).isEmpty, "\(text) → \(out)")
    }

    @Test("a number in an accented local part goes with the address")
    func numberInLocalPart() {
        #expect(masked("jö13812345678@ex.de") == "j***@ex.de")
    }

    /// Accented words that are not addresses, and digit groups that read as
    /// something other than a mobile, stay as typed.
    @Test("false positives stay out")
    func falsePositives() {
        for text in [
            "请@jörg 处理",
            "user@bücher.dé 不是地址",
            "合计 13,900,001,234 元",
            "合计 13.900.001.234 元",
            "服务器 139.100.12.34 宕机",
            "订单号 139 00 00 12 34",
            "order 1390 000 1234",
            "编号 13 14 15 16 17 18",
            "时间 13:45 14:00 15:30",
            "日期 2024 11 30 13 45",
            "ISBN 978-7-111-12345-6",
            "版本 13.90.00.12.34.5",
            "步骤⒈登录⒉下单⒊支付",
            "㈠总则 ㈡细则 ㈢附则",
        ] {
            #expect(kinds(text).isEmpty, "\(text): \(PIIScanner.scan(text))")
        }
    }
}
