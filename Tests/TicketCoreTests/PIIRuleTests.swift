import Testing
import Foundation
import TestSupport
import TicketCore

/// One example per DOMAIN.md privacy rule, positive and negative. The numbers
/// are made up; IDs and cards get their check digits computed here.
@Suite("PII rules (DOMAIN.md, Privacy 1–7)")
struct PIIRuleTests {
    // A synthetic ID base: region 110105, born 1990-03-07.
    static let id = idWithCheck("11010519900307123")
    static let card16 = withLuhn("622202123456789")
    static let card19 = withLuhn("622848001234567890")

    // MARK: Rule 2 — mobile

    @Test("mobile numbers in their usual forms are masked", arguments: [
        ("客户电话13812345678，请回电", "客户电话138****5678，请回电"),
        ("13812345678", "138****5678"),
        ("手机 138 1234 5678 已核实", "手机 138****5678 已核实"),
        ("手机 138-1234-5678 已核实", "手机 138****5678 已核实"),
        ("联系+8613812345678", "联系+86138****5678"),
        ("联系 +86 13812345678", "联系 +86 138****5678"),
        ("联系 +86 138 1234 5678", "联系 +86 138****5678"),
        ("联系86-13812345678", "联系86-138****5678"),
        ("联系008613812345678", "联系0086138****5678"),
        ("联系 0086 13812345678", "联系 0086 138****5678"),
        ("联系(+86)13812345678", "联系(+86)138****5678"),
        ("联系（+86）13812345678", "联系（+86）138****5678"),
        ("两个号码13812345678/13912345678", "两个号码138****5678/139****5678"),
        ("**13812345678**", "**138****5678**"),
        ("2024-05-01 13812345678 来电", "2024-05-01 138****5678 来电"),
        ("快递员电话13812345678", "快递员电话138****5678"),
    ])
    func mobile(input: String, expected: String) {
        #expect(masked(input) == expected)
        #expect(!kinds(input).isEmpty && kinds(input).allSatisfy { $0 == .mobile })
    }

    @Test("full-width digits and zero-width characters are read through, the text is kept as typed", arguments: [
        ("电话１３８１２３４５６７８", "电话138****5678"),
        ("电话１３８　１２３４　５６７８。", "电话138****5678。"),
        ("电话138\u{200B}1234\u{200D}5678", "电话138****5678"),
        ("电话\u{FEFF}138\u{00AD}1234\u{2060}5678号", "电话\u{FEFF}138****5678号"),
        ("电话138－1234－5678", "电话138****5678"),
        ("电话 𝟏𝟑𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖", "电话 138****5678"),
    ])
    func normalisation(input: String, expected: String) {
        #expect(masked(input) == expected)
    }

    @Test("not mobiles: longer runs, 10/11/12 prefixes, identifiers, double separators", arguments: [
        "订单号20240501138123456789",        // eleven phone-like digits inside a longer run
        "流水 913812345678",                  // 12 digits
        "8613812345678",                     // 86 glued without +
        "10012345678 11012345678 12012345678",
        "SF13812345678",                     // tracking number
        "JD0013812345678",
        "CS-13812345678",
        "13812345678-A1",
        "v13812345678.2",
        "1.13812345678",
        "138  1234  5678",                   // two spaces: not one separator
        "138 1234 56789",
        "1381234 5678",
        "订单号：13812345678",                // identifier word right before
        "¥13812345678",
        "@13812345678",
        "138****5678",                       // already masked
        "尾号5678",
        "账号U*456",
    ])
    func notMobile(input: String) {
        #expect(kinds(input).isEmpty, "\(PIIScanner.scan(input))")
    }

    // MARK: Rule 3 — resident ID

    @Test("18-digit resident IDs: whole, 6-8-4, X/x check character")
    func residentID18() {
        let m = PIIScanner.mask("身份证号\(Self.id)已登记")
        #expect(m.matches.map(\.kind) == [.residentID])
        #expect(m.text == "身份证号1***************\(Self.id.suffix(2))已登记")
        // No context word needed for 18 digits.
        #expect(kinds("客户说 \(Self.id) 是他的") == [.residentID])
        let a = Self.id
        let grouped = "\(a.prefix(6)) \(a.dropFirst(6).prefix(8)) \(a.suffix(4))"
        #expect(kinds("证件：\(grouped)") == [.residentID])
        #expect(kinds("证件：\(grouped.replacingOccurrences(of: " ", with: "-"))") == [.residentID])
        #expect(masked(grouped) == "1***************\(a.suffix(2))")
        var rng = PIISamples.SeededRNG(seed: 7)
        let withX = PIISamples.residentID(forceX: true, using: &rng)
        #expect(withX.hasSuffix("X"))
        #expect(kinds("身份证 \(withX)") == [.residentID])
        #expect(kinds("身份证 \(withX.dropLast())x") == [.residentID])
        #expect(kinds("身份证 \(PIISamples.fullWidth(String(withX.dropLast())))ｘ") == [.residentID])
        #expect(masked(withX).hasSuffix("X"))
    }

    @Test("not resident IDs: bad check character, bad date, unknown province, letters before")
    func notResidentID18() {
        #expect(kinds("身份证\(idWithWrongCheck("11010519900307123"))").isEmpty)
        #expect(kinds("身份证\(idWithCheck("11010519900230123"))").isEmpty)  // 30 February
        #expect(kinds("身份证\(idWithCheck("11010518800101123"))").isEmpty)  // born 1880
        #expect(kinds("身份证\(idWithCheck("11010520990101123"))").isEmpty)  // born 2099
        #expect(kinds("身份证\(idWithCheck("99010519900307123"))").isEmpty)  // province 99
        #expect(kinds("\(Self.id)AB") == [.residentID])  // letters after do not hide it (PIIShapeTests)
        #expect(kinds("DD\(Self.id)").isEmpty)
        #expect(kinds(masked(Self.id)).isEmpty)
    }

    @Test("15-digit legacy IDs need a valid date and an ID word shortly before")
    func legacyID() {
        let legacy = "110105900307123"  // region 110105, born 1990-03-07
        #expect(kinds("身份证号：\(legacy)") == [.residentID])
        #expect(kinds("证件 \(legacy)") == [.residentID])
        #expect(kinds("ID:\(legacy)") == [.residentID])
        #expect(kinds("ID\(legacy)") == [.residentID])
        #expect(masked("身份证\(legacy)") == "身份证1************23")
        #expect(kinds("客户编号 \(legacy)").isEmpty)   // no ID word
        #expect(kinds(legacy).isEmpty)
        #expect(kinds("身份证 110105901307123").isEmpty)  // month 13
        #expect(kinds("paid \(legacy)").isEmpty)      // "id" only as a whole word
        #expect(kinds("身份证的资料在另外一个文件里面了 \(legacy)").isEmpty)  // too far
    }

    // MARK: Rule 4 — bank card

    @Test("bank cards: Luhn and (grouped by four or a card word)")
    func bankCard() {
        let g16 = PIISamples.groupedByFour(Self.card16)
        #expect(kinds("请核对 \(g16)") == [.bankCard])
        #expect(masked("请核对 \(g16)") == "请核对 \(Self.card16.prefix(6))******\(Self.card16.suffix(4))")
        #expect(kinds(PIISamples.groupedByFour(Self.card16, separator: "-")) == [.bankCard])
        #expect(kinds(PIISamples.groupedByFour(Self.card19)) == [.bankCard])
        #expect(masked(PIISamples.groupedByFour(Self.card19)) == "\(Self.card19.prefix(6))*********\(Self.card19.suffix(4))")
        for word in ["卡号", "银行卡", "card", "账户", "账号", "退款至", "退款到", "打款", "转账", "卡"] {
            #expect(kinds("\(word) \(Self.card16)") == [.bankCard], "\(word)")
            #expect(kinds("\(word)：\(Self.card19)") == [.bankCard], "\(word)")
        }
        #expect(kinds("退款至招商银行储蓄卡\(Self.card19)，请查收") == [.bankCard])
        #expect(kinds("Card No. \(Self.card16)") == [.bankCard])
    }

    @Test("not bank cards: Luhn alone, Luhn failing, order numbers, masked")
    func notBankCard() {
        #expect(kinds("号码 \(Self.card16)").isEmpty)  // Luhn-valid, no grouping, no card word
        #expect(kinds(Self.card16).isEmpty)
        #expect(kinds("卡号 \(withWrongLuhn("622202123456789"))").isEmpty)
        #expect(kinds(PIISamples.groupedByFour(withWrongLuhn("622202123456789"))).isEmpty)
        #expect(kinds("卡号 \(withLuhn("202405011234567"))").isEmpty)  // no card issuer starts 2024
        #expect(kinds("订单号 \(PIISamples.groupedByFour(Self.card16))").isEmpty)
        #expect(kinds("卡号 622848******1234").isEmpty)
        #expect(kinds("DD\(Self.card16)").isEmpty)
    }

    // MARK: Rule 5 — e-mail

    @Test("e-mail addresses, also with full-width ＠ and letters", arguments: [
        ("邮箱zhang.san@example.com，谢谢", "邮箱z***@example.com，谢谢"),
        ("mail: li_wei+desk@mail.example.com.cn.", "mail: l***@mail.example.com.cn."),
        ("邮箱 zhangsan＠example.com", "邮箱 z***@example.com"),
        ("邮箱 ｚｈａｎｇｓａｎ＠ｅｘａｍｐｌｅ．ｃｏｍ。", "邮箱 z***@example.com。"),
        ("邮箱 zhang\u{200B}san@example.com", "邮箱 z***@example.com"),
        ("QQ邮箱13812345678@qq.com", "QQ邮箱1***@qq.com"),
        ("(a.b@example.org)", "(a***@example.org)"),
    ])
    func email(input: String, expected: String) {
        #expect(masked(input) == expected)
        #expect(kinds(input) == [.email])
    }

    @Test("not e-mail addresses", arguments: [
        "z***@example.com",
        "已通知 @张三 和 @li.si 跟进",
        "@mention",
        "user@localhost",
        "a@b.c",
        "v1.2@3.4",
        "中文@例子.中文",                     // no such TLD (用户@例子.中国 is an address: PIIScannerMissTests)
        "a@-x.com",
        "a.@example.com",
        "a..b@example.com",
    ])
    func notEmail(input: String) {
        #expect(kinds(input).isEmpty, "\(PIIScanner.scan(input))")
    }

    // MARK: Rule 6 — landline

    @Test("landlines need a phone word or a bracketed area code", arguments: [
        ("座机010-62345678", "座机010-****5678"),
        ("电话：021 62345678", "电话：021 ****5678"),
        ("电话 0755-8765432", "电话 0755-***5432"),
        ("电话 0755-8765-4321", "电话 0755-****4321"),
        ("(010)62345678", "(010)****5678"),
        ("（0571）8765 4321", "（0571）****4321"),
        ("(010) 62345678", "(010) ****5678"),
        ("tel 01062345678", "tel 010****5678"),
    ])
    func landline(input: String, expected: String) {
        #expect(masked(input) == expected)
        #expect(kinds(input) == [.landline])
    }

    @Test("not landlines: no phone word, service numbers, local number starting 0/1", arguments: [
        "010-62345678",
        "客服热线400-123-4567",
        "电话 400 123 4567",
        "电话 800-123-4567",
        "电话95588",
        "投诉请拨打12315",
        "电话 010-02345678",
        "电话 010-1234567",
        "(010)02345678",
        "电话 010-****5678",
    ])
    func notLandline(input: String) {
        #expect(kinds(input).isEmpty, "\(PIIScanner.scan(input))")
    }

    // MARK: Rule 7 — everything else stays

    @Test("identifiers, times, amounts, versions and IPs stay as typed", arguments: [
        "订单号DD20240501123456789已退款",
        "顺丰单号SF1234567890123，京东JD0012345678901",
        "工单CS20240501001、CS-20240501-7K3FQ2",
        "2024-05-01 14:30:00 +08:00",
        "1714550400123",
        "金额¥1,299.00，实付1299元",
        "服务器 192.168.100.200",
        "版本 v13.8.1234567",
        "型号 SM-G9980 2023款",
    ])
    func stays(input: String) {
        #expect(kinds(input).isEmpty, "\(PIIScanner.scan(input))")
        #expect(masked(input) == input)
    }

    // MARK: Positions

    @Test("matches give positions in the original text, and only the values change")
    func positions() {
        let text = "客户（张女士）电话１３８１２３４５６７８，邮箱 a.b@example.com ，身份证\(Self.id)"
        let m = PIIScanner.scan(text)
        #expect(m.map(\.kind) == [.mobile, .email, .residentID])
        #expect(text[m[0].range(in: text)] == "１３８１２３４５６７８")
        #expect(text[m[1].range(in: text)] == "a.b@example.com")
        #expect(text[m[2].range(in: text)] == Substring(Self.id))
        #expect(PIIScanner.mask(text).text
            == "客户（张女士）电话138****5678，邮箱 a***@example.com ，身份证1***************\(Self.id.suffix(2))")
        #expect(m[0].description == "mobile@\(m[0].utf8Range.lowerBound)..<\(m[0].utf8Range.upperBound) -> 138****5678")
    }

    @Test("kinds have zh and en labels")
    func labels() {
        #expect(PIIKind.mobile.zh == "手机号")
        #expect(PIIKind.bankCard.en == "bank card number")
        #expect(PIIKind.residentID.rawValue == "resident_id")
    }
}
