/// DOMAIN.md privacy rule 2, last sentence: a mobile number read out digit by
/// digit in Chinese numerals (一三八一二三四五六七八, 〇 or 零 for 0, 幺 for 1)
/// is a mobile number. Exactly eleven numerals, whole or 3-4-4 with one space
/// or hyphen between the groups; more numerals in a row are something else
/// (a longer number, a list), fewer are ordinary words (一三八, 第一). An
/// identifier word right before (订单号) keeps it as typed, as for digits.
/// The mask keeps the numerals as typed (`一三八****五六七八`): a mask in
/// ASCII digits could become part of something else, e.g. the local part of
/// an e-mail address when `＠` follows (found by the property tests).
extension PIIScanEngine {
    /// Scans the numerals starting at `start`; records a mobile number and
    /// returns the offset to continue from (after `start`, even when no
    /// numeral starts there).
    mutating func scanChineseNumerals(at start: Int) -> Int {
        // Most characters sharing a numeral's first bytes (不, 上, 个, 中...) stop here.
        let (first, firstLength) = r.scalar(at: start)
        guard PIINormal.chineseDigit(first) != nil else { return start + firstLength }
        // The run's digits go to `chars`, the numerals as typed to `offsets`
        // (the scratch buffers of digit runs: no allocation per numeral).
        chars.reset()
        offsets.reset()
        var groups = 1
        var groupLengths = (0, 0, 0)
        var total = 0
        var pos = start
        var end = start
        while true {
            steps &+= 1
            let (raw, length) = pos < r.n ? r.scalar(at: pos) : (PIINormal.none, 0)
            if let d = PIINormal.chineseDigit(raw) {
                // A longer run is read to its end, so no part of it is taken for a number.
                total += 1
                if total <= 11 {
                    chars.append(d)
                    offsets.append(Int(raw))
                }
                switch groups {
                case 1: groupLengths.0 += 1
                case 2: groupLengths.1 += 1
                default: groupLengths.2 += 1
                }
                pos += length
                end = pos
                continue
            }
            let v = pos < r.n ? PIINormal.map(raw) : PIINormal.none
            if v == PIINormal.ignorable {
                pos += length
                continue
            }
            // One space or hyphen between groups.
            if (v == PIINormal.space || v == PIINormal.hyphen), groups < 3 {
                let nx = r.next(pos + length)
                if nx.start < r.n, PIINormal.chineseDigit(r.scalar(at: nx.start).value) != nil {
                    groups += 1
                    pos = nx.start
                    continue
                }
            }
            break
        }
        let shapeFits = groups == 1 || (groupLengths.0 == 3 && groupLengths.1 == 4 && groupLengths.2 == 4)
        guard total == 11, shapeFits, lastMatchEnd <= start else { return max(end, start + 1) }
        let digits = UnsafeBufferPointer(start: chars.base, count: 11)
        guard Self.isMobile(digits) else { return end }
        cachedContext = nil
        runStart = start
        guard !context().vetoes(.phone) else { return end }
        var mask = String.UnicodeScalarView()
        for k in [0, 1, 2] { mask.append(Unicode.Scalar(UInt32(offsets[k]))!) }
        mask.append(contentsOf: "****".unicodeScalars)
        for k in 7..<11 { mask.append(Unicode.Scalar(UInt32(offsets[k]))!) }
        record(.mobile, start..<end, String(mask))
        return end
    }
}
