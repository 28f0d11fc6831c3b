/// The rules for numbers (DOMAIN.md privacy rules 2, 3, 4, 6 and 7), applied
/// to the groups of one digit run.
///
/// A value is always made of whole groups (or, for `+86`/`0086` and landlines
/// typed without a separator, the tail of one group), so eleven phone-like
/// digits inside a longer group are never a phone. Groups are tried left to
/// right; at each group the rules are tried in this order and the first that
/// holds takes its groups:
///
/// 1. resident ID, 18 characters, whole or 6-8-4: known province, real birth
///    date and MOD 11-2 check character, all three;
/// 2. bank card grouped by four (4-4-4-4 with an optional last group of 1–3):
///    Luhn and a card issuer prefix;
/// 3. bank card typed whole (16–19 digits): Luhn, issuer prefix and a card
///    word shortly before, or invisible characters between its digits (a
///    card number split by zero-width spaces is hidden, not typed whole);
/// 4. mobile: `1[3-9]` + 9 digits, whole or 3-4-4 or any other grouping of
///    2–4 digits joined by one separator (``matchRegroupedMobile(_:)``);
///    `+8613812345678` and
///    `008613812345678` also count (the prefix stays as typed, only the
///    national number is masked);
/// 5. landline: area code 010/02x + 8 digits, 0[3-9]xx + 7–8 digits, local
///    number starting 2–9, with a phone word shortly before or the area code
///    in brackets; only the local number is masked (`010-****5678`);
/// 6. legacy resident ID, 15 digits: province, a real 19YY date and an ID
///    word shortly before.
///
/// Any of them is dropped when an identifier word (订单号, 运单号, ¥…) is
/// nearer to the run than a word of the value's own class. Service numbers
/// (400/800 numbers, 95xxx, 12315) never start like a mobile or a landline,
/// so they never match.
extension PIIScanEngine {
    mutating func classifyRun() {
        joinSingleDigits()
        var gi = 0
        while gi < groups.count {
            if groups[gi].usableNextToLetters, let used = matchAt(gi) {
                gi += used
            } else {
                gi += 1
            }
        }
    }

    /// The characters of group `gi` (only called for groups of at most 19).
    func values(_ gi: Int) -> UnsafeBufferPointer<UInt8> {
        let g = groups[gi]
        return UnsafeBufferPointer(start: chars.base + g.first, count: min(g.count, PIIScanEngine.maxStoredPerGroup))
    }

    func allDigits(_ s: some Collection<UInt8>) -> Bool {
        for d in s where d > 9 { return false }
        return true
    }

    /// `count` consecutive groups from `gi` exist, are usable and have these
    /// lengths, and the value they make stands alone. Letters may touch the
    /// first group when `lettersBefore`, the last when `lettersAfter`.
    func groupsFit(_ gi: Int, _ lengths: [Int], lettersBefore: Bool = false, lettersAfter: Bool = false) -> Bool {
        guard gi + lengths.count <= groups.count, standsAlone(gi, lengths.count) else { return false }
        for (k, len) in lengths.enumerated() {
            let g = groups[gi + k]
            if !g.usableNextToLetters || g.count != len { return false }
            if g.lettersBefore && !(k == 0 && lettersBefore) { return false }
            if g.lettersAfter && !(k == lengths.count - 1 && lettersAfter) { return false }
        }
        return true
    }

    /// The value made of `count` groups from `gi` is not joined by a bare dot
    /// to more digits: `1.13812345678`, `13812345678.00` and `2.138.1234.5678`
    /// are a decimal, an amount and a version, while `138.1234.5678` is a
    /// phone number.
    func standsAlone(_ gi: Int, _ count: Int) -> Bool {
        if groups[gi].joint == .dot { return false }
        if gi + count < groups.count && groups[gi + count].joint == .dot { return false }
        return true
    }

    /// Digits typed one by one with single spaces (`1 3 8 1 2 3 4 5 6 7 8`)
    /// count as one group (rule 1) when there are at least ten of them:
    /// shorter ones are lists and sums (`1 2 3`).
    mutating func joinSingleDigits() {
        guard groups.count >= 10 else { return }
        var w = 0
        var gi = 0
        while gi < groups.count {
            var end = gi + 1
            if groups[gi].count == 1 {
                while end < groups.count, groups[end].count == 1, groups[end].joint == .space { end += 1 }
            }
            var g = groups[gi]
            if end - gi >= 10 {
                for k in (gi + 1)..<end {
                    let h = groups[k]
                    g.count += 1
                    g.end = h.end
                    g.masked = g.masked || h.masked
                    g.glued = g.glued || h.glued
                    g.hidden = g.hidden || h.hidden
                    g.lettersAfter = h.lettersAfter
                }
            } else {
                end = gi + 1
            }
            groups[w] = g
            w += 1
            gi = end
        }
        groups.truncate(to: w)
    }

    func joined(_ gi: Int, _ count: Int) -> [UInt8] {
        var v: [UInt8] = []
        v.reserveCapacity(20)
        for k in gi..<(gi + count) { v.append(contentsOf: values(k)) }
        return v
    }

    /// Tries every rule at group `gi`; records a match and returns the number
    /// of groups it used, or nil.
    mutating func matchAt(_ gi: Int) -> Int? {
        let g = groups[gi]
        let count = g.count

        // 1. Resident ID, 18 (letters may follow it, not precede it).
        if count == 18 && !g.lettersBefore && standsAlone(gi, 1) {
            let v = Array(values(gi))
            if PIIChecksum.residentID18IsValid(v), !context().vetoes(.id) {
                record(.residentID, g.start..<g.end, PIIMask.residentID(v))
                return 1
            }
        }
        if count == 6 && groupsFit(gi, [6, 8, 4], lettersAfter: true) {
            let v = joined(gi, 3)
            if PIIChecksum.residentID18IsValid(v), !context().vetoes(.id) {
                record(.residentID, g.start..<groups[gi + 2].end, PIIMask.residentID(v))
                return 3
            }
        }

        // 2. Bank card grouped by four.
        if count == 4 && groupsFit(gi, [4, 4, 4, 4]) {
            let v16 = joined(gi, 4)
            if allDigits(v16), PIIChecksum.cardPrefixIsPlausible(v16) {
                if gi + 4 < groups.count, groups[gi + 4].usable, (1...3).contains(groups[gi + 4].count) {
                    let v = v16 + values(gi + 4)
                    if allDigits(v), PIIChecksum.luhnIsValid(v), !context().vetoes(.card) {
                        record(.bankCard, g.start..<groups[gi + 4].end, PIIMask.bankCard(v))
                        return 5
                    }
                }
                if PIIChecksum.luhnIsValid(v16), !context().vetoes(.card) {
                    record(.bankCard, g.start..<groups[gi + 3].end, PIIMask.bankCard(v16))
                    return 4
                }
            }
        }

        // 3. Bank card typed whole, after a card word.
        if (16...19).contains(count) && g.usable && standsAlone(gi, 1) {
            let v = values(gi)
            if allDigits(v), PIIChecksum.cardPrefixIsPlausible(v), PIIChecksum.luhnIsValid(v) {
                let c = context()
                if (c.has(.card) || g.hidden) && !c.vetoes(.card) {
                    record(.bankCard, g.start..<g.end, PIIMask.bankCard(Array(v)))
                    return 1
                }
            }
        }

        // 4. Mobile, possibly after a country code typed without a separator.
        if count == 3 || count == 11 || count == 5 || count == 13 || count == 7 || count == 15 {
            let v = values(gi)
            var skip = 0
            if count == 5 || count == 13 {
                skip = gi == 0 && runAfterPlus && v[0] == 8 && v[1] == 6 ? 2 : -1
            } else if count == 7 || count == 15 {
                skip = v[0] == 0 && v[1] == 0 && v[2] == 8 && v[3] == 6 ? 4 : -1
            }
            if skip >= 0 && (skip == 0 || !g.lettersBefore) {
                let head = UnsafeBufferPointer(rebasing: v[skip...])
                if head.count == 11 {
                    if standsAlone(gi, 1), Self.isMobile(head), !context().vetoes(.phone) {
                        record(.mobile, offsets[g.first + skip]..<g.end, PIIMask.mobile(Array(head)))
                        return 1
                    }
                } else if groupsFit(gi, [head.count + skip, 4, 4], lettersBefore: true, lettersAfter: true) {
                    let national = Array(head) + values(gi + 1) + values(gi + 2)
                    if Self.isMobile(national), !context().vetoes(.phone) {
                        record(.mobile, offsets[g.first + skip]..<groups[gi + 2].end, PIIMask.mobile(national))
                        return 3
                    }
                }
            }
        }

        // 4b. Mobile grouped otherwise (`139 00 00 12 34`, `1390 000 1234`).
        if (2...4).contains(count), let used = matchRegroupedMobile(gi) { return used }

        // 5. Landline.
        if let used = matchLandline(gi) { return used }

        // 6. Legacy resident ID, 15, after an ID word.
        if count == 15 && g.usable && standsAlone(gi, 1) {
            let v = Array(values(gi))
            if PIIChecksum.residentID15IsValid(v) {
                let c = context()
                if c.has(.id) && !c.vetoes(.id) {
                    record(.residentID, g.start..<g.end, PIIMask.residentID(v))
                    return 1
                }
            }
        }
        return nil
    }

    /// The separator before group `k` (k > 0) as typed, spaces around a mark
    /// skipped: groups joined by one separator use the same one throughout.
    func separator(before k: Int) -> UInt32 {
        if groups[k].joint == .space { return PIINormal.space }
        var q = groups[k].start
        for _ in 0..<4 {
            let (v, s) = r.previous(q)
            if v != PIINormal.space { return v }
            q = s
        }
        return PIINormal.none
    }

    /// Rule 4 for a mobile grouped other than 3-4-4: exactly eleven digits in
    /// three or more groups of 2–4, all joined by the same separator, the
    /// chain neither continued nor preceded by another group joined the same
    /// way (a longer list of numbers), except a `+86`/`0086` country code.
    /// Shapes that read as something else stay: thousands (`13,900,001,234`,
    /// `13.900.001.234`, `13'900'001'234`: an amount) and four dotted groups
    /// of at most three digits (an IP address).
    mutating func matchRegroupedMobile(_ gi: Int) -> Int? {
        guard gi + 2 < groups.count else { return nil }
        let joint = groups[gi + 1].joint
        let sep = separator(before: gi + 1)
        var lengths: [Int] = []
        var total = 0
        var k = gi
        while k < groups.count, total < 11 {
            let c = groups[k].count
            guard (2...4).contains(c) else { return nil }
            if k > gi { guard groups[k].joint == joint, separator(before: k) == sep else { return nil } }
            lengths.append(c)
            total += c
            k += 1
        }
        guard total == 11, lengths.count >= 3 else { return nil }
        if k < groups.count, groups[k].joint == joint, separator(before: k) == sep { return nil }
        if gi > 0, groups[gi].joint == joint, separator(before: gi) == sep {
            let cc = Array(values(gi - 1))
            let countryCode = gi == 1 && ((runAfterPlus && cc == [8, 6]) || cc == [0, 0, 8, 6])
            guard countryCode else { return nil }
        }
        let thousands = lengths.dropFirst().allSatisfy { $0 == 3 }
        if thousands && (joint == .dot || sep == PIINormal.comma || sep == 0x27 || sep == 0x2019) { return nil }
        if joint == .dot && lengths.count == 4 && lengths.allSatisfy({ $0 <= 3 }) { return nil }
        guard groupsFit(gi, lengths, lettersBefore: true, lettersAfter: true) else { return nil }
        let national = joined(gi, lengths.count)
        guard Self.isMobile(national), !context().vetoes(.phone) else { return nil }
        record(.mobile, groups[gi].start..<groups[gi + lengths.count - 1].end, PIIMask.mobile(national))
        return lengths.count
    }

    /// `1[3-9]` + 9 digits.
    static func isMobile<C: RandomAccessCollection<UInt8>>(_ v: C) -> Bool where C.Index == Int {
        guard v.count == 11 else { return false }
        let i = v.startIndex
        guard v[i] == 1, v[i + 1] >= 3, v[i + 1] <= 9 else { return false }
        for d in v where d > 9 { return false }
        return true
    }

    /// The length of the area code at the start of `v` (3 for 010 and 02x,
    /// 4 for 0[3-9]xx), or nil.
    static func areaCodeLength<C: RandomAccessCollection<UInt8>>(_ v: C) -> Int? where C.Index == Int {
        let i = v.startIndex
        guard v.count >= 3, v[i] == 0 else { return nil }
        if v[i + 1] == 1 && v[i + 2] == 0 { return 3 }
        if v[i + 1] == 2 { return 3 }
        if v[i + 1] >= 3 && v[i + 1] <= 9 && v.count >= 4 { return 4 }
        return nil
    }

    static func localLengthFits(area: Int, local: Int) -> Bool {
        area == 3 ? local == 8 : (local == 7 || local == 8)
    }

    mutating func matchLandline(_ gi: Int) -> Int? {
        let g = groups[gi]
        let v = values(gi)
        guard g.usable, g.count <= 12, allDigits(v), let area = Self.areaCodeLength(v) else { return nil }
        var found: (range: Range<Int>, local: [UInt8], used: Int)?
        if g.count == area {
            // Area code, then the local number as one group or as 3/4 + 4.
            if gi + 1 < groups.count, groups[gi + 1].usable {
                let l = groups[gi + 1]
                let lv = values(gi + 1)
                if allDigits(lv), lv.first! >= 2, Self.localLengthFits(area: area, local: l.count) {
                    found = (l.start..<l.end, Array(lv), 2)
                } else if (l.count == 3 || l.count == 4), gi + 2 < groups.count, groups[gi + 2].usable,
                          groups[gi + 2].count == 4, lv.first! >= 2,
                          Self.localLengthFits(area: area, local: l.count + 4) {
                    let local = joined(gi + 1, 2)
                    if allDigits(local) { found = (l.start..<groups[gi + 2].end, local, 3) }
                }
            }
        } else if Self.localLengthFits(area: area, local: g.count - area), v[v.startIndex + area] >= 2 {
            // Typed without a separator: 01012345678.
            found = (offsets[g.first + area]..<g.end, Array(v.dropFirst(area)), 1)
        }
        guard let f = found, standsAlone(gi, f.used) else { return nil }
        let c = context()
        let bracketed = gi == 0 && runBracketed && g.count == area
        guard (c.has(.phone) || bracketed) && !c.vetoes(.phone) else { return nil }
        record(.landline, f.range, PIIMask.landlineLocal(f.local))
        return f.used
    }
}
