import Testing
import Foundation
import TestSupport
import TicketCore

/// The shapes issue 8 (item 8) found stored raw, each with the look-alikes
/// that must stay as typed (DOMAIN.md privacy rules 1–7). Generated numbers.
@Suite("PII shapes: separators, glued letters, Chinese numerals, English context")
struct PIIShapeTests {
    static let id = idWithCheck("11010519900307123")

    @Test("one separator of any kind between digit groups, with or without spaces around it", arguments: [
        ("电话138.1234.5678", "电话138****5678"),
        ("电话138/1234/5678", "电话138****5678"),
        ("电话138_1234_5678", "电话138****5678"),
        ("电话138—1234—5678", "电话138****5678"),
        ("电话138–1234–5678", "电话138****5678"),
        ("电话138 - 1234 - 5678", "电话138****5678"),
        ("电话 138 / 1234 / 5678。", "电话 138****5678。"),
        ("138 . 1234 . 5678", "138****5678"),
        ("号码 1 3 8 1 2 3 4 5 6 7 8 谢谢", "号码 138****5678 谢谢"),
        ("1 3 8 1 2 3 4 5 6 7 8", "138****5678"),
        ("手机：138 -1234- 5678", "手机：138****5678"),
    ])
    func separators(input: String, expected: String) {
        #expect(masked(input) == expected)
        #expect(kinds(input) == [.mobile])
    }

    @Test("letters touching a mobile or an ID number do not hide it", arguments: [
        ("QQ13812345678", "QQ138****5678"),
        ("加wx13812345678", "加wx138****5678"),
        ("13812345678a", "138****5678a"),
        ("微信号wxid13812345678", "微信号wxid138****5678"),
        ("VX:13812345678abc", "VX:138****5678abc"),
    ])
    func gluedLetters(input: String, expected: String) {
        #expect(masked(input) == expected)
        #expect(kinds(input) == [.mobile])
    }

    @Test("an ID number followed by letters is still an ID number")
    func idThenLetters() {
        #expect(kinds("\(Self.id)AB") == [.residentID])
        #expect(masked("证件\(Self.id)abc") == "证件1***************\(Self.id.suffix(2))abc")
        #expect(kinds("\(Self.id.dropLast())X号") == [])  // wrong check character stays
    }

    @Test("e-mail with a Chinese full stop for the dot", arguments: [
        ("邮箱name@qq。com", "邮箱n***@qq.com"),
        ("邮箱 li.wei@mail。example。cn，谢谢", "邮箱 l***@mail.example.cn，谢谢"),
        ("邮箱name@qq｡com", "邮箱n***@qq.com"),
    ])
    func emailChineseDot(input: String, expected: String) {
        #expect(masked(input) == expected)
        #expect(kinds(input) == [.email])
    }

    @Test("mobile numbers in Chinese numerals", arguments: [
        ("客户手机一三八一二三四五六七八", "客户手机一三八****五六七八"),
        ("电话是一三九〇〇〇〇一二三四，", "电话是一三九****一二三四，"),
        ("号码幺三八零零零零五六七八", "号码幺三八****五六七八"),
        ("一三八 一二三四 五六七八", "一三八****五六七八"),
        ("一五二幺一六八五五七零＠3qq。com", "一五二****五五七零＠3qq。com"),  // found by the property tests
    ])
    func chineseNumerals(input: String, expected: String) {
        #expect(masked(input) == expected)
        #expect(kinds(input) == [.mobile])
    }

    @Test("numbers after English context words", arguments: [
        ("Tel: 010-62345678", "Tel: 010-****5678", PIIKind.landline),
        ("Phone (office): 021 62345678 ext. 802", "Phone (office): 021 ****5678 ext. 802", .landline),
        ("Office phone 0755-8765432, ext 12", "Office phone 0755-***5432, ext 12", .landline),
        ("Telephone: (0571) 87654321", "Telephone: (0571) ****4321", .landline),
        ("Landline 010 62345678 转 8001", "Landline 010 ****5678 转 8001", .landline),
        ("Contact number: 010-62345678", "Contact number: 010-****5678", .landline),
        ("Fax: 010-62345678", "Fax: 010-****5678", .landline),
        ("Identity card no. 110105900307123", "Identity card no. 1************23", .residentID),
        ("Refund to card no. \(withLuhn("622202123456789"))", "Refund to card no. 622202******\(withLuhn("622202123456789").suffix(4))", .bankCard),
        ("Bank account: \(withLuhn("622202123456789"))", "Bank account: 622202******\(withLuhn("622202123456789").suffix(4))", .bankCard),
    ])
    func englishContext(input: String, expected: String, kind: PIIKind) {
        #expect(masked(input) == expected)
        #expect(kinds(input) == [kind])
    }

    @Test("look-alikes stay as typed", arguments: [
        "金额 13812345678.00 元",                 // an amount with a decimal point
        "1.13812345678",
        "版本 v2.138.1234.5678",                  // a version: more groups joined by dots
        "IP 10.138.123.56",
        "日期 2024/05/01 14:30",
        "顺丰 SF13812345678",                     // courier prefix: a tracking number
        "订单号 DD13812345678",
        "京东 JD0013812345678",
        "13812345678-A1",                        // joined by a hyphen to a code
        "哈希 a3f13812345678bc",                  // letters and digits mixed: an identifier
        "序号 1 2 3 4 5 6 7 8 9 10 11",
        "1 3 8 1 2 3 4 5 6 7 8 9",               // twelve digits one by one
        "第一三八期",                              // numerals, not eleven
        "一二三四五六七八九十",
        "一三八一二三四五六七八九",                  // twelve numerals
        "订单号一三八一二三四五六七八",
        "138  1234  5678",                       // two spaces
        "138 -- 1234 -- 5678",
        "a@qq。谢谢",
        "Tel: 400-123-4567",
        "Phone: 95588",
        "Order No. 010-62345678",
        "Tracking 0755-8765432",
    ])
    func lookAlikes(input: String) {
        #expect(kinds(input).isEmpty, "\(PIIScanner.scan(input))")
        #expect(masked(input) == input)
    }
}
