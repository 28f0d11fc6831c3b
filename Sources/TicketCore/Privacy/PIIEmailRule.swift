/// DOMAIN.md privacy rule 5, e-mail addresses: an ASCII local part, `@` or
/// `＠`, and a domain of at least two labels whose last label (the TLD) is two
/// or more letters. Internationalised addresses count too (`用户@例子.中国`):
/// the local part and the labels may hold letters of any script, and the TLD
/// may be punycode (`xn--fiqs8s`) or a known internationalised TLD
/// (``idnTopLevelDomains``: any other non-ASCII "TLD" after a dot is a
/// sentence, not an address). A local part is ASCII (as typed before the
/// `@`: `邮箱zhang@…` is `zhang`) or, when a letter of another script stands
/// right before the `@` and the domain is internationalised, letters of other
/// scripts only. Chinese has no spaces between words, so such a local part
/// reaches back to the nearest character that is not such a letter. Latin
/// letters with diacritics count with ASCII in the local part and the labels
/// (`jörg@bücher.de`), but a TLD is ASCII, punycode or a known one. The local part is read backwards from the `@`, the domain
/// forwards, both on the normalised text (full-width letters, zero-width
/// characters). Not e-mails: `z***@x` (already masked: the local part stops at
/// `*`), `@mention` (no local part), `user@localhost` (no TLD), and chains
/// such as `a@b.com@c.com`.
///
/// The mask keeps the local part's first character and the whole domain:
/// `z***@example.com`.
extension PIIScanEngine {
    /// Checks the `@` at `atStart..<atEnd`; records an e-mail and returns the
    /// offset after it, or returns `atEnd`.
    mutating func scanAt(start atStart: Int, end atEnd: Int) -> Int {
        guard let e = parseEmail(atStart: atStart, atEnd: atEnd) else { return atEnd }
        record(.email, e.range, Self.maskDomain(e.masked, options: options))
        return e.range.upperBound
    }

    /// The mask keeps the domain as typed, so a number in the domain
    /// (`x@tel01053561X0.card15678901112.kn`, found by the fuzzer) would be
    /// found once the local part is masked. The domain is scanned on its own
    /// (nothing outside it counts as its context: `@` ends a context window
    /// and glues the number after it) and what is found there is masked too,
    /// until nothing is left. A domain has no `@`, so this never recurses
    /// further; each round masks at least one digit, hence the bound.
    static func maskDomain(_ masked: String, options: PIIScanOptions) -> String {
        var current = masked
        for _ in 0..<8 {
            let next = PIIScanner.mask(current, options: options)
            if next.matches.isEmpty { break }
            current = next.text
        }
        return current
    }

    func parseEmail(atStart: Int, atEnd: Int) -> (range: Range<Int>, masked: String)? {
        // Local part, backwards; never into a value already found.
        var local: [(value: UInt32, start: Int)] = []
        var q = atStart
        // An internationalised local part: letters of other scripts right before the `@`.
        // Latin letters with diacritics read with ASCII (`jörg@bücher.de`).
        let wide = Self.isOtherScript(r.previous(q).value)
        while true {
            let (v, s) = r.previous(q)
            guard s >= lastMatchEnd, v != PIINormal.none,
                  wide ? Self.isOtherScript(v) : PIINormal.isLocalPartChar(v) else { break }
            local.append((v, s))
            if local.count > 64 { return nil }
            q = s
        }
        // Leading punctuation is not part of the address: "..a@b.cn", "-a@b.cn".
        while let last = local.last, !PIINormal.isAlnum(last.value) && !PIINormal.isLatinLetter(last.value) && !wide {
            local.removeLast()
        }
        guard let first = local.last, let beforeAt = local.first else { return nil }
        guard beforeAt.value != PIINormal.dot else { return nil }
        var previousWasDot = false
        for c in local {
            if c.value == PIINormal.dot && previousWasDot { return nil }
            previousWasDot = c.value == PIINormal.dot
        }
        let before = r.previous(first.start).value
        if before == PIINormal.at { return nil }

        guard let d = parseDomain(atEnd: atEnd), !wide || d.international else { return nil }
        let masked = Self.utf8(first.value) + [0x2A, 0x2A, 0x2A, 0x40] + d.domain  // "z***@example.com"
        return (first.start..<d.end, String(decoding: masked, as: UTF8.self))
    }

    /// Internationalised top-level domains written in their own script
    /// (UTF-8): the Chinese ones and a few others in use.
    static let idnTopLevelDomains: Set<[UInt8]> = Set([
        "中国", "中國", "公司", "网络", "網絡", "香港", "台湾", "台灣", "澳门", "澳門", "新加坡", "在线", "网址", "网店",
        "商城", "商店", "集团", "信息", "游戏", "企业", "世界", "购物", "网站", "政务", "公益", "移动", "联通", "手机",
        "中文网", "我爱你", "рф", "рус", "укр", "бел", "қаз", "срб", "닷컴", "한국", "みんな", "コム",
    ].map { Array($0.utf8) })

    /// A letter of a script other than Latin (`用`, `р`, `한`): a label or local
    /// part is made of these only, or of ASCII and accented Latin letters only.
    @inline(__always) static func isOtherScript(_ v: UInt32) -> Bool {
        PIINormal.isWideLetter(v) && !PIINormal.isLatinLetter(v)
    }

    /// The UTF-8 bytes of one scalar value.
    static func utf8(_ v: UInt32) -> [UInt8] {
        guard v >= 0x80, let scalar = Unicode.Scalar(v) else { return [UInt8(truncatingIfNeeded: v)] }
        return Array(String(Character(scalar)).utf8)
    }

    /// The domain after an `@` ending at `atEnd`: at least two labels, the
    /// last (the TLD) two or more letters, not followed by another `@`. Its
    /// end and its normalised text, or nil.
    func parseDomain(atEnd: Int) -> (end: Int, domain: [UInt8], international: Bool)? {
        var domain: [UInt8] = []
        var labels = 0
        var labelLength = 0
        var labelAllLetters = true
        var labelFirst: UInt32 = 0
        var labelLast: UInt32 = 0
        var labelStart = 0
        var labelWide = false
        var labelLatin = false
        var international = false
        var end = atEnd
        var q = atEnd
        while domain.count <= 253 {
            let (v, _, e) = r.next(q)
            let wide = Self.isOtherScript(v)
            let latin = PIINormal.isLatinLetter(v)
            // A label is Latin (ASCII, with diacritics or not: `bücher`) or letters of
            // other scripts, never both: `qq。com售后` ends at 售 (Chinese text right
            // after an address).
            if labelLength > 0 && wide != labelWide && (wide || latin || PIINormal.isAlnum(v)) { break }
            if PIINormal.isAlnum(v) || v == PIINormal.hyphen || wide || latin {
                if labelLength == 0 { labelFirst = v; labelStart = domain.count; labelWide = false; labelLatin = false }
                labelLast = v
                labelLength += 1
                labelAllLetters = labelAllLetters && (PIINormal.isLetter(v) || wide || latin)
                labelWide = labelWide || wide
                labelLatin = labelLatin || latin
                international = international || latin
                international = international || wide || (labelLength == 4 && domain[labelStart...].elementsEqual("xn-".utf8) && v == PIINormal.hyphen)
                domain.append(contentsOf: Self.utf8(v))
                q = e
                end = e
                continue
            }
            // `。` typed for the dot counts when a lower-case label follows
            // (`name@qq。com`); before anything else it ends a sentence.
            let ideographic = v == PIINormal.ideographicStop || v == PIINormal.halfwidthIdeographicStop
            if (v == PIINormal.dot || ideographic) && labelLength > 0 {
                let nx = r.next(e).value
                if ideographic ? nx &- 0x61 < 26 : (PIINormal.isAlnum(nx) || nx == PIINormal.hyphen || PIINormal.isWideLetter(nx)) {
                    guard labelFirst != PIINormal.hyphen, labelLast != PIINormal.hyphen, labelLength <= 63
                    else { return nil }
                    labels += 1
                    labelLength = 0
                    labelAllLetters = true
                    domain.append(0x2E)
                    q = e
                    continue
                }
            }
            break
        }
        let tld = domain[labelStart...]
        let punycode = tld.count > 4 && tld.starts(with: Array("xn--".utf8)) && labelLast != PIINormal.hyphen
        guard labelLength >= 2, labels >= 1, domain.count <= 253,
              punycode || (labelAllLetters && !labelLatin && (!labelWide || Self.idnTopLevelDomains.contains(Array(tld))))
        else { return nil }
        if r.next(end).value == PIINormal.at { return nil }
        return (end, domain, international)
    }
}
