/// The normalisation the scanner applies on the fly (DOMAIN.md, privacy rule 1).
///
/// The scanner never builds a normalised copy of the text: it reads the
/// original UTF-8 bytes and maps each Unicode scalar as it goes, so every
/// position it reports is a position in the original. The mapping is the part
/// of NFKC that matters for the values it looks for, plus the removal of
/// invisible characters:
///
/// - full-width ASCII forms U+FF01–FF5E (`１`, `＠`, `．`, `＋`, `（`, `Ａ`…) →
///   their ASCII letters, digits and punctuation; `￥` → `¥`; small `﹫` → `@`;
///   small `﹒` → `.`; mathematical digits U+1D7CE–1D7FF → `0`–`9`;
/// - U+3000, U+00A0, U+2000–200A, U+202F, U+205F → a space;
/// - U+FE63 (small hyphen-minus) → `-`; also the typographic hyphens and
///   dashes U+2010–2015 and U+2212 → `-` (NFKC keeps those, but people type
///   them between digit groups: `138—1234—5678`);
/// - decimal digits of other scripts (Unicode Nd: Arabic-Indic, Devanagari…)
///   and the tag digits U+E0030–E0039 → `0`–`9`;
/// - removed: U+200B–200D, U+2060, U+FEFF, U+00AD and the other invisible
///   format characters (Cf: U+200E/F, U+2061–2064, U+180E, the bidi
///   controls, the tag characters…), so none of them splits a number.
///
/// - circled digits 0–9 (`①`, `⓪`, `❶`, `➀`, `➊`, `⓵`…), digits with a full
///   stop (`⒈`), parenthesized (`⑴`) and `㈠`–`㈨` → `0`–`9`: eleven
///   of them in a row are a phone number written to slip past a reader
///   (`①③⑨…`); one or two between words stay list markers, as no rule
///   takes so few digits.
///
/// Parenthesised and super-/subscript digits (`⑴`, `¹`) are list markers
/// and exponents, not phone digits, and are left alone.
@usableFromInline
enum PIINormal {
    /// Returned for characters that are removed (zero-width, soft hyphen).
    static let ignorable: UInt32 = 0xFFFF_FFFE
    /// Returned past either end of the text.
    static let none: UInt32 = 0xFFFF_FFFF

    static let space: UInt32 = 0x20
    static let hyphen: UInt32 = 0x2D
    static let star: UInt32 = 0x2A
    static let at: UInt32 = 0x40
    static let dot: UInt32 = 0x2E
    static let plus: UInt32 = 0x2B
    static let underscore: UInt32 = 0x5F
    static let openParen: UInt32 = 0x28
    static let closeParen: UInt32 = 0x29
    static let slash: UInt32 = 0x2F
    /// `。` and the half-width `｡`: typed for the dot of an e-mail domain (`name@qq。com`).
    static let ideographicStop: UInt32 = 0x3002
    static let halfwidthIdeographicStop: UInt32 = 0xFF61

    /// Maps one scalar value to its normalised value (see the type's documentation).
    @inline(__always)
    static func map(_ v: UInt32) -> UInt32 {
        if v < 0x80 { return v }
        switch v {
        case 0xFF01...0xFF5E: return v &- 0xFEE0
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0x00AD: return ignorable
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return space
        case 0x2010...0x2015, 0x2212, 0xFE63: return hyphen
        case 0xFE6B: return at
        case 0xFE52: return dot
        case 0xFFE5: return 0xA5
        case 0x1D7CE...0x1D7FF: return 0x30 &+ (v &- 0x1D7CE) % 10
        // Tag digits (invisible): read as the digits they name.
        case 0xE0030...0xE0039: return 0x30 &+ (v &- 0xE0030)
        // Circled digits (①–⑨, ⓵–⓽, ❶–❾, ➀–➈, ➊–➒, ⓪ and ⓿).
        case 0x2460...0x2468: return 0x31 &+ (v &- 0x2460)
        case 0x24F5...0x24FD: return 0x31 &+ (v &- 0x24F5)
        case 0x2776...0x277E: return 0x31 &+ (v &- 0x2776)
        case 0x2780...0x2788: return 0x31 &+ (v &- 0x2780)
        case 0x278A...0x2792: return 0x31 &+ (v &- 0x278A)
        case 0x24EA, 0x24FF: return 0x30
        // Digits with a full stop (⒈–⒐), parenthesized digits (⑴–⑼) and
        // parenthesized ideographs ㈠–㈨ (one to nine).
        case 0x2488...0x2490: return 0x31 &+ (v &- 0x2488)
        case 0x2474...0x247C: return 0x31 &+ (v &- 0x2474)
        case 0x3220...0x3228: return 0x31 &+ (v &- 0x3220)
        // Other invisible format characters (Unicode Cf) are read through.
        case 0x061C, 0x180E, 0x200E, 0x200F, 0x202A...0x202E, 0x2061...0x2064, 0x2066...0x206F,
             0xFFF9...0xFFFB, 0xE0001, 0xE0020...0xE007F:
            return ignorable
        case 0x0660...0x2FFF, 0x10000...0x1FBFF:
            // Decimal digits of other scripts (Arabic-Indic ٣, Devanagari ३…:
            // Unicode Nd) are read as ASCII digits; checked by property only
            // in the blocks that hold them, so CJK text costs nothing more.
            if let scalar = Unicode.Scalar(v), scalar.properties.numericType == .decimal,
               let value = scalar.properties.numericValue, value >= 0, value <= 9 {
                return 0x30 &+ UInt32(value)
            }
            return v
        default: return v
        }
    }

    @inline(__always) static func isDigit(_ v: UInt32) -> Bool { v &- 0x30 < 10 }
    @inline(__always) static func isLetter(_ v: UInt32) -> Bool { (v | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isAlnum(_ v: UInt32) -> Bool { isDigit(v) || isLetter(v) }
    /// A space or hyphen: what ``ContactMasking`` lets join the groups of a long number.
    @inline(__always) static func isSeparator(_ v: UInt32) -> Bool { v == space || v == hyphen }

    /// The separators allowed between digit groups besides a space (rule 1):
    /// hyphen and dashes, dot, slash, underscore, tilde and comma
    /// (`139~1234~5678`, `139,1234,5678`, and their full-width forms), and
    /// the marks people put between digit groups to slip past a reader: the
    /// middle dots and bullets (`139·1234·5678`, `・`, `•`, `‧`, `∙`), the bar,
    /// the colon and the apostrophe (`139|1234|5678`, `：`, `’`).
    @inline(__always) static func isJoiner(_ v: UInt32) -> Bool {
        v == hyphen || v == dot || v == slash || v == underscore || v == tilde || v == comma
            || v == 0x7C || v == 0x3A || v == 0x27 || v == 0xB7 || v == 0x30FB || v == 0xFF65
            || v == 0x2022 || v == 0x2027 || v == 0x2219 || v == 0x2019
    }
    static let tilde: UInt32 = 0x7E
    static let comma: UInt32 = 0x2C

    /// The digit a Chinese numeral stands for in a number read out digit by
    /// digit (一三八…, 〇 and 零 for 0, 幺 for 1 as said on the phone), or nil.
    @inline(__always) static func chineseDigit(_ v: UInt32) -> UInt8? {
        switch v {
        case 0x3007, 0x96F6: 0        // 〇 零
        case 0x4E00, 0x5E7A: 1        // 一 幺
        case 0x4E8C: 2                // 二
        case 0x4E09: 3                // 三
        case 0x56DB: 4                // 四
        case 0x4E94: 5                // 五
        case 0x516D: 6                // 六
        case 0x4E03: 7                // 七
        case 0x516B: 8                // 八
        case 0x4E5D: 9                // 九
        // The financial (大写) numerals of amounts and cheques, simplified and traditional.
        case 0x58F9: 1                // 壹
        case 0x8D30, 0x8CB3: 2        // 贰 貳
        case 0x53C1, 0x53C3: 3        // 叁 參
        case 0x8086: 4                // 肆
        case 0x4F0D: 5                // 伍
        case 0x9646, 0x9678: 6        // 陆 陸
        case 0x67D2: 7                // 柒
        case 0x634C: 8                // 捌
        case 0x7396: 9                // 玖
        default: nil
        }
    }
    @inline(__always) static func lowered(_ v: UInt32) -> UInt32 { isLetter(v) ? v | 0x20 : v }

    /// Characters allowed in the ASCII local part of an e-mail address.
    @inline(__always) static func isLocalPartChar(_ v: UInt32) -> Bool {
        isAlnum(v) || isLatinLetter(v) || v == dot || v == underscore || v == 0x25 /* % */ || v == plus || v == hyphen
    }

    /// A Latin letter with a diacritic (`ü`, `é`, `ł`, `ș`, `ễ`: Latin-1,
    /// Latin Extended-A/B and Latin Extended Additional, not `×`/`÷`): it
    /// joins ASCII letters in one word, so an address's label or local part
    /// may mix them (`jörg@bücher.de`). The combining diacritics (U+0300–036F)
    /// count too: `bücher` typed decomposed is `u` + U+0308.
    @inline(__always) static func isLatinLetter(_ v: UInt32) -> Bool {
        ((v >= 0xC0 && v <= 0x24F) || (v >= 0x1E00 && v <= 0x1EFF) || (v >= 0x300 && v <= 0x36F)) && v != 0xD7 && v != 0xF7
    }

    /// A letter (or ideograph) outside ASCII: what an internationalised
    /// address's local part and domain labels are made of (RFC 6531, IDNA).
    @inline(__always) static func isWideLetter(_ v: UInt32) -> Bool {
        guard v >= 0xC0, v < ignorable, let scalar = Unicode.Scalar(v) else { return false }
        return scalar.properties.isAlphabetic
    }
}

/// Read access to the UTF-8 bytes of a (valid UTF-8) string, scalar by scalar,
/// forwards and backwards, normalised on the fly.
struct UTF8Reader {
    let p: UnsafePointer<UInt8>
    let n: Int

    /// The raw scalar starting at `i` and its length in bytes.
    @inline(__always)
    func scalar(at i: Int) -> (value: UInt32, length: Int) {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return (((b0 & 0x1F) << 6) | (UInt32(p[i + 1]) & 0x3F), 2) }
        if b0 < 0xF0 {
            return (((b0 & 0x0F) << 12) | ((UInt32(p[i + 1]) & 0x3F) << 6) | (UInt32(p[i + 2]) & 0x3F), 3)
        }
        let v = ((b0 & 0x07) << 18) | ((UInt32(p[i + 1]) & 0x3F) << 12)
            | ((UInt32(p[i + 2]) & 0x3F) << 6) | (UInt32(p[i + 3]) & 0x3F)
        return (v, 4)
    }

    /// The next normalised, non-removed scalar at or after `i`: its value,
    /// where it starts and where it ends. `PIINormal.none` at the end of the text.
    @inline(__always)
    func next(_ i: Int) -> (value: UInt32, start: Int, end: Int) {
        if i < n, p[i] < 0x80 { return (UInt32(p[i]), i, i + 1) }
        var i = i
        while i < n {
            let (raw, len) = scalar(at: i)
            let v = PIINormal.map(raw)
            if v != PIINormal.ignorable { return (v, i, i + len) }
            i += len
        }
        return (PIINormal.none, n, n)
    }

    /// The previous normalised, non-removed scalar before `i`: its value and
    /// where it starts. `PIINormal.none` (start 0) at the start of the text.
    @inline(__always)
    func previous(_ i: Int) -> (value: UInt32, start: Int) {
        if i > 0, p[i - 1] < 0x80 { return (UInt32(p[i - 1]), i - 1) }
        var i = i
        while i > 0 {
            var s = i - 1
            while s > 0 && p[s] & 0xC0 == 0x80 { s -= 1 }
            let v = PIINormal.map(scalar(at: s).value)
            if v != PIINormal.ignorable { return (v, s) }
            i = s
        }
        return (PIINormal.none, 0)
    }
}
