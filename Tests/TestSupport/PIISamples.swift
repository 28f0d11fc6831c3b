import TicketCore

/// Generated personal data for privacy tests: random values with correct
/// structure and checksums, never real people's data.
public enum PIISamples {
    /// A small deterministic random number generator (SplitMix64).
    public typealias SeededRNG = SeededGenerator

    static func text(_ digits: [UInt8]) -> String {
        String(decoding: digits.map { $0 == 10 ? UInt8(ascii: "X") : $0 + 0x30 }, as: UTF8.self)
    }

    static func randomDigits(_ n: Int, using rng: inout some RandomNumberGenerator) -> [UInt8] {
        (0..<n).map { _ in UInt8.random(in: 0...9, using: &rng) }
    }

    /// A mobile number `1[3-9]` + 9 digits.
    public static func mobile(using rng: inout some RandomNumberGenerator) -> String {
        text([1, UInt8.random(in: 3...9, using: &rng)] + randomDigits(9, using: &rng))
    }

    static let provinces: [UInt8] = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43,
                                     44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65]

    /// Province, region and a birth date (YYYYMMDD or YYMMDD) as digits.
    static func idHead(legacy: Bool, using rng: inout some RandomNumberGenerator) -> [UInt8] {
        let p = provinces.randomElement(using: &rng)!
        var v: [UInt8] = [p / 10, p % 10] + randomDigits(4, using: &rng)
        let year = legacy ? Int.random(in: 1930...1999, using: &rng) : Int.random(in: 1930...2015, using: &rng)
        let month = Int.random(in: 1...12, using: &rng)
        let day = Int.random(in: 1...28, using: &rng)
        let date = legacy ? String(format2(year % 100)) + format2(month) + format2(day)
            : String(year) + format2(month) + format2(day)
        v += date.utf8.map { $0 - 0x30 }
        return v
    }

    static func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// An 18-digit resident ID with a valid date and check character.
    /// `forceX` makes one whose check character is X.
    public static func residentID(forceX: Bool = false, using rng: inout some RandomNumberGenerator) -> String {
        while true {
            let v = idHead(legacy: false, using: &rng) + randomDigits(3, using: &rng)
            let check = PIIChecksum.residentIDCheck(for: v)
            if forceX && check != 10 { continue }
            return text(v + [check])
        }
    }

    /// A 15-digit legacy resident ID (valid date, no check digit).
    public static func legacyResidentID(using rng: inout some RandomNumberGenerator) -> String {
        text(idHead(legacy: true, using: &rng) + randomDigits(3, using: &rng))
    }

    /// A Luhn-valid card number of `length` (16–19) with a UnionPay/Visa/Mastercard prefix.
    public static func bankCard(length: Int = 16, using rng: inout some RandomNumberGenerator) -> String {
        let prefixes: [[UInt8]] = [[6, 2], [4], [5, 1], [5, 5], [6, 2, 2, 8]]
        var v = prefixes.randomElement(using: &rng)!
        v += randomDigits(length - 1 - v.count, using: &rng)
        return text(v + [PIIChecksum.luhnCheckDigit(for: v)])
    }

    /// A local part and domain such as `li.wei42@example.com`.
    public static func email(using rng: inout some RandomNumberGenerator) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let n = Int.random(in: 1...10, using: &rng)
        var local = String((0..<n).map { _ in letters.randomElement(using: &rng)! })
        if Bool.random(using: &rng) { local += ".\(Int.random(in: 1...99, using: &rng))" }
        let domains = ["example.com", "example.cn", "mail.example.org", "qq.com", "163.com", "corp.example.com.cn"]
        return local + "@" + domains.randomElement(using: &rng)!
    }

    /// A landline `0xx-xxxxxxxx` with a valid area code and a local number starting 2–9.
    public static func landline(using rng: inout some RandomNumberGenerator) -> String {
        let areas = ["010", "021", "020", "0755", "0571", "0351"]
        let area = areas.randomElement(using: &rng)!
        let localLength = area.count == 3 ? 8 : Int.random(in: 7...8, using: &rng)
        let local = text([UInt8.random(in: 2...9, using: &rng)] + randomDigits(localLength - 1, using: &rng))
        return area + "-" + local
    }

    /// Groups `s` by four: `6228 4800 …`.
    public static func groupedByFour(_ s: String, separator: String = " ") -> String {
        var out = ""
        for (k, c) in s.enumerated() {
            if k > 0 && k % 4 == 0 { out += separator }
            out.append(c)
        }
        return out
    }

    /// `138 1234 5678`.
    public static func grouped344(_ s: String, separator: String = " ") -> String {
        let a = Array(s)
        return String(a[0..<3]) + separator + String(a[3..<7]) + separator + String(a[7..<11])
    }

    /// `digits` read out in Chinese numerals (一三八…), 0 as 〇 or 零, 1 now and then as 幺.
    public static func chineseNumerals(_ digits: String, using rng: inout some RandomNumberGenerator) -> String {
        let names: [Character] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        return String(digits.map { c -> Character in
            let d = Int(c.asciiValue! - 48)
            if d == 0 && Bool.random(using: &rng) { return "零" }
            if d == 1 && Int.random(in: 0..<4, using: &rng) == 0 { return "幺" }
            return names[d]
        })
    }

    /// Full-width digits, `＠`, `．` and letters for the ASCII in `s`.
    public static func fullWidth(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { u in
            (0x21...0x7E).contains(u.value) ? Unicode.Scalar(u.value + 0xFEE0)! : u
        }))
    }

    /// Chinese filler sentences without digits.
    public static let chineseFiller = [
        "客户反馈订单延迟发货", "请协调物流部门加急处理", "用户表示支付成功但订单未生成", "已安抚客户情绪",
        "明日电话回访确认", "技术排查发现接口超时", "已补发优惠券作为补偿", "客户对处理结果表示满意",
        "建议增加消息免打扰时间段设置功能", "手机无法开机,未自行拆修,要求换新", "售后专员已联系客户",
        "问题已记录并转交技术支持", "客户询问会员积分兑换规则",
    ]

    /// Random Chinese text with `value` somewhere in it.
    public static func sentence(around value: String, using rng: inout some RandomNumberGenerator) -> String {
        let before = chineseFiller.randomElement(using: &rng)!
        let after = chineseFiller.randomElement(using: &rng)!
        let joiners = ["，", "：", " ", "，号码是", "。联系方式 ", "（", "\n"]
        let closers = ["，", "。", " ", "）", "\n", ""]
        return before + joiners.randomElement(using: &rng)! + value + closers.randomElement(using: &rng)! + after
    }
}
