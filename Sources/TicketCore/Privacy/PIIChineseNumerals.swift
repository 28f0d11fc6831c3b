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
        var digits: [UInt8] = []
        digits.reserveCapacity(12)
        var typed: [Unicode.Scalar] = []
        typed.reserveCapacity(12)
        var groupLengths: [Int] = [0]
        var pos = start
        var end = start
        var total = 0
        while true {
            steps &+= 1
            let (raw, length) = pos < r.n ? r.scalar(at: pos) : (PIINormal.none, 0)
            if let d = PIINormal.chineseDigit(raw) {
                // A longer run is read to its end, so no part of it is taken for a number.
                total += 1
                if total <= 11 {
                    digits.append(d)
                    typed.append(Unicode.Scalar(raw) ?? "?")
                }
                groupLengths[groupLengths.count - 1] += 1
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
            if (v == PIINormal.space || v == PIINormal.hyphen), groupLengths.count < 3 {
                let nx = r.next(pos + length)
                if nx.start < r.n, PIINormal.chineseDigit(r.scalar(at: nx.start).value) != nil {
                    groupLengths.append(0)
                    pos = nx.start
                    continue
                }
            }
            break
        }
        guard total == 11, groupLengths.count == 1 || groupLengths == [3, 4, 4],
              Self.isMobile(digits), lastMatchEnd <= start else { return max(end, start + 1) }
        cachedContext = nil
        runStart = start
        guard !context().vetoes(.phone) else { return max(end, start + 1) }
        var mask = String.UnicodeScalarView()
        mask.append(contentsOf: typed.prefix(3))
        mask.append(contentsOf: "****".unicodeScalars)
        mask.append(contentsOf: typed.suffix(4))
        record(.mobile, start..<end, String(mask))
        return end
    }
}
