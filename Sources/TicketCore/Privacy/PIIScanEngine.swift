/// One group of a digit run: digits typed together, without a separator.
struct DigitGroup {
    /// UTF-8 offset of the group's first character.
    var start: Int
    /// UTF-8 offset just past its last character.
    var end: Int
    /// Index of its first character in the engine's `chars`/`offsets`.
    var first: Int
    /// How the group is joined to the one before it (``Joint``).
    var joint: Joint = .none
    /// Number of characters (digits, `*`, a final `X`).
    var count = 0
    /// Contains `*` between digits: an already-masked value, never matched again.
    var masked = false
    /// Part of an identifier (`SF1234…`, `v1.2`, `…-7K3FQ2`, `a3f1381…`, an
    /// e-mail's local part): never matched.
    var glued = false
    /// Letters touch the group's first digit (`QQ13812345678`): only a
    /// mobile number may start here (rule 2).
    var lettersBefore = false
    /// Letters touch the group's last character (`13812345678a`): only a
    /// mobile or an 18-digit resident ID may end here (rules 2 and 3).
    var lettersAfter = false
    /// Invisible characters (zero-width space, tag characters…) sit between
    /// its digits: nobody types them into a number except to hide it, so a
    /// card number so split needs no card word (rule 4).
    var hidden = false

    /// How two digit groups are joined (rule 1).
    enum Joint: UInt8 {
        /// The run's first group.
        case none
        /// One space.
        case space
        /// A hyphen, dash, slash, underscore or a dot with spaces around it,
        /// with or without spaces around it.
        case mark
        /// A dot with no space: a decimal point, a version or an IP address
        /// when it joins a value to more digits (`1.13812345678`), so a value
        /// never ends or starts at one (see ``PIIScanEngine/standsAlone(_:_:)``).
        case dot
    }

    /// Usable by every rule.
    var usable: Bool { !masked && !glued && !lettersBefore && !lettersAfter }
    /// Usable by a rule that accepts letters touching it.
    var usableNextToLetters: Bool { !masked && !glued }
}

/// The scanner's state machine over the UTF-8 bytes of one string.
///
/// The main loop skips every byte that cannot start a value (two compares per
/// byte, no decoding), so plain Chinese and ASCII text passes at memory speed.
/// A digit starts a *run*: digit groups joined by single separators (rule 1),
/// with zero-width characters skipped and full-width digits read as digits.
/// Each run is then classified group by group, left to right (the rules are
/// in `PIIDigitRules.swift`). An `@` starts an e-mail check
/// (`PIIEmailRule.swift`).
struct PIIScanEngine {
    let r: UTF8Reader
    let options: PIIScanOptions
    var matches: [PIIMatch] = []
    /// No new match may start before this offset.
    var lastMatchEnd = 0
    /// The `@` of an address a number was glued to as the start of its local
    /// part (`16666666666+d15678901112-051@3.kn`): every run before it is in
    /// that local part and is glued too, so the address is masked as a whole.
    var localPartEnd = 0

    // The current run, in scratch buffers reused from run to run (no
    // allocation per run; freed by `deallocate()`).
    var groups = ScratchBuffer<DigitGroup>(capacity: 16)
    /// One value per character of the run: 0–9 a digit, 10 the check character X, 11 a `*`.
    var chars = ScratchBuffer<UInt8>(capacity: 64)
    var offsets = ScratchBuffer<Int>(capacity: 64)
    var runStart = 0
    /// `+` directly before the run (`+8613812345678`).
    var runAfterPlus = false
    /// The run's first group is an area code in brackets: `(010)12345678`.
    var runBracketed = false
    var cachedContext: PIIContext?
    var window: [UInt32] = []
    /// Characters looked at, counting each look again: what linearity tests
    /// compare for inputs of different sizes (no clock involved).
    var steps = 0

    static let maxStoredPerGroup = 24
    static let checkX: UInt8 = 10
    static let starValue: UInt8 = 11

    init(reader: UTF8Reader, options: PIIScanOptions) {
        self.r = reader
        self.options = options
        window.reserveCapacity(32)
    }

    /// Frees the scratch buffers; the engine is not used afterwards.
    mutating func deallocate() {
        groups.deallocate()
        chars.deallocate()
        offsets.deallocate()
    }

    /// Scans the whole text.
    mutating func run() {
        let p = r.p
        let n = r.n
        var i = 0
        // Each byte is looked at once here; the slow paths count their own steps.
        steps &+= n
        while i < n {
            let b = p[i]
            // Only ASCII 0x30–0x40 (digits, '@' and a few punctuation marks)
            // and the lead bytes 0xEF (full-width forms) and 0xF0 (mathematical
            // digits) can start a value, and the Chinese numerals (一…九, 〇,
            // 零, 幺), told by their first two bytes.
            // Lead bytes 0xD9–0xE2 (U+0640–2FFF) and 0xF3 (tag characters) may
            // start a digit of another script: decoded below like 0xEF/0xF0.
            if b &- 0x30 > 0x10 && b &- 0xEF > 1 && b &- 0xD9 > 9 && b != 0xF3 {
                if b &- 0xE3 <= 6 && Self.isNumeral(p + i) {
                    i = scanChineseNumerals(at: i)
                } else if b == 0xE3 && p[i + 1] == 0x88 && p[i + 2] &- 0xA0 < 9 {
                    // ㈠–㈨ (U+3220–3228): read as the digits 1–9.
                    i = scanRun(at: i)
                } else {
                    i &+= 1
                }
                continue
            }
            if b < 0x80 {
                if b <= 0x39 {
                    i = scanRun(at: i)
                } else if b == 0x40 {
                    i = scanAt(start: i, end: i + 1)
                } else {
                    i &+= 1
                }
                continue
            }
            let (raw, len) = r.scalar(at: i)
            let v = PIINormal.map(raw)
            if PIINormal.isDigit(v) {
                i = scanRun(at: i)
            } else if v == PIINormal.at {
                i = scanAt(start: i, end: i + len)
            } else {
                i += len
            }
        }
    }

    /// True when the three UTF-8 bytes at `p` are a Chinese numeral
    /// (〇 零 一 幺 二 三 四 五 六 七 八 九): checked on the bytes, so the
    /// Chinese text around them keeps the fast path.
    @inline(__always)
    static func isNumeral(_ p: UnsafePointer<UInt8>) -> Bool {
        switch UInt32(p[0]) << 16 | UInt32(p[1]) << 8 | UInt32(p[2]) {
        case 0xE38087, 0xE99BB6, 0xE4B880, 0xE5B9BA, 0xE4BA8C, 0xE4B889,
             0xE59B9B, 0xE4BA94, 0xE585AD, 0xE4B883, 0xE585AB, 0xE4B99D,
             // 壹 贰 貳 叁 參 肆 伍 陆 陸 柒 捌 玖
             0xE5A3B9, 0xE8B4B0, 0xE8B2B3, 0xE58F81, 0xE58F83, 0xE88286,
             0xE4BC8D, 0xE99986, 0xE999B8, 0xE69F92, 0xE68D8C, 0xE78E96:
            return true
        default:
            return false
        }
    }

    mutating func record(_ kind: PIIKind, _ range: Range<Int>, _ masked: String) {
        lastMatchEnd = range.upperBound
        if options.kinds.contains(kind) {
            matches.append(PIIMatch(kind: kind, utf8Range: range, masked: masked))
        }
    }

    /// The context words before the current run (computed once per run, on demand).
    mutating func context() -> PIIContext {
        if let c = cachedContext { return c }
        var c = PIIContext.find(before: runStart, in: r, window: &window)
        steps &+= window.count
        if options.assumesPhoneContext { c.phone = 0 }
        cachedContext = c
        return c
    }

    // MARK: Runs

    /// Collects the run starting with the digit at `start`, classifies it and
    /// returns the offset to continue from.
    mutating func scanRun(at start: Int) -> Int {
        groups.reset()
        chars.reset()
        offsets.reset()
        cachedContext = nil
        runStart = start
        runBracketed = false
        let before = r.previous(start)
        runAfterPlus = before.value == PIINormal.plus

        var current = DigitGroup(start: start, end: start, first: 0)
        var pos = start
        collect: while true {
            steps &+= 1
            let (v, s, e) = r.next(pos)
            if PIINormal.isDigit(v) {
                if s != pos && current.count > 0 { current.hidden = true }
                append(UInt8(v - 0x30), at: s, to: &current)
                current.end = e
                pos = e
                continue
            }
            if v == PIINormal.star {
                // Stars between digits (or opening a group after a separator)
                // mark a masked value; stars after the digits end the run
                // (markdown emphasis: **13812345678**).
                var q = e
                var starts = [s]
                var after = r.next(q)
                while after.value == PIINormal.star {
                    steps &+= 1
                    starts.append(after.start)
                    q = after.end
                    after = r.next(q)
                }
                if current.count == 0 || PIINormal.isDigit(after.value) {
                    for st in starts { append(Self.starValue, at: st, to: &current) }
                    current.masked = true
                    current.end = q
                    pos = q
                    continue
                }
                // `6***@example.com`: the digits begin a masked e-mail address.
                if after.value == PIINormal.at { current.masked = true }
                break collect
            }
            if (v | 0x20) == 0x78 /* x or X */ && acceptsCheckX(current) {
                append(Self.checkX, at: s, to: &current)
                current.end = e
                pos = e
                continue
            }
            if v == PIINormal.closeParen && groups.isEmpty && isBracketedAreaCode(current, before: before.value) {
                var nx = r.next(e)
                if nx.value == PIINormal.space || PIINormal.isJoiner(nx.value) { nx = r.next(nx.end) }
                if PIINormal.isDigit(nx.value) || nx.value == PIINormal.star {
                    runBracketed = true
                    groups.append(current)
                    current = DigitGroup(start: nx.start, end: nx.start, first: chars.count, joint: .mark)
                    pos = nx.start
                    continue
                }
            }
            if current.count > 0, let j = joint(at: v, end: e) {
                groups.append(current)
                current = DigitGroup(start: j.next, end: j.next, first: chars.count, joint: j.joint)
                pos = j.next
                continue
            }
            break
        }
        groups.append(current)
        let runEnd = current.end

        markGluedEdges(before: before, runEnd: runEnd)
        classifyRun()
        return max(runEnd, start + 1)
    }

    @inline(__always)
    mutating func append(_ value: UInt8, at offset: Int, to g: inout DigitGroup) {
        if g.count < Self.maxStoredPerGroup {
            chars.append(value)
            offsets.append(offset)
        }
        g.count += 1
    }

    /// `X`/`x` is the check character of an 18-digit resident ID: after 17
    /// characters, or after 3 in the last group of the 6-8-4 form.
    func acceptsCheckX(_ g: DigitGroup) -> Bool {
        if g.count == 17 { return true }
        if g.count == 3, groups.count >= 2,
           groups[groups.count - 1].count == 8, groups[groups.count - 2].count == 6 {
            return true
        }
        return false
    }

    /// `(010)` / `（0755）`: a 3–4 digit group starting with 0 between brackets;
    /// also `(139)`, a mobile's first three digits bracketed (`(139)1234 5678`).
    func isBracketedAreaCode(_ g: DigitGroup, before: UInt32) -> Bool {
        before == PIINormal.openParen && !g.masked
            && (((g.count == 3 || g.count == 4) && chars[g.first] == 0) || (g.count == 3 && chars[g.first] == 1))
    }

    /// The separator starting with `v` (ending at `e`) and the start of the
    /// group after it, when it joins two groups (rule 1): one space, or one
    /// hyphen, dash, slash, underscore or dot with or without a space on
    /// either side (`138 - 1234 - 5678`). A dot followed by a space but not
    /// preceded by one ends a sentence, not a group.
    func joint(at v: UInt32, end e: Int) -> (next: Int, joint: DigitGroup.Joint)? {
        var nx = r.next(e)
        let joint: DigitGroup.Joint
        if v == PIINormal.space {
            if Self.startsGroup(nx.value) { return (nx.start, .space) }
            guard PIINormal.isJoiner(nx.value) else { return nil }
            joint = .mark
            nx = r.next(nx.end)
            if nx.value == PIINormal.space { nx = r.next(nx.end) }
        } else if PIINormal.isJoiner(v) {
            if v == PIINormal.dot {
                joint = .dot
            } else {
                joint = .mark
                if nx.value == PIINormal.space { nx = r.next(nx.end) }
            }
        } else {
            return nil
        }
        return Self.startsGroup(nx.value) ? (nx.start, joint) : nil
    }

    @inline(__always)
    static func startsGroup(_ v: UInt32) -> Bool { PIINormal.isDigit(v) || v == PIINormal.star }

    /// Letters that make the number they touch a tracking, order or serial
    /// number (`SF13812345678`, `DD…`, `SN…`), whatever its shape; packed
    /// as by ``letters(endingAt:)``.
    static let identifierPrefixes: Set<UInt64> = Set(
        ["sf", "jd", "jdv", "yt", "yto", "zto", "sto", "ems", "jt", "yd", "dd", "sn", "po", "cs", "cst", "it"]
            .map { word in word.unicodeScalars.reduce(UInt64(0)) { $0 << 5 | UInt64($1.value - 0x60) } })

    /// Marks the first and last group as glued when they touch an identifier:
    /// letters mixed with digits (`a3f1381…`, `…7K3FQ2`) or a tracking
    /// prefix (`SF1381…`), a decimal point or version dot (`v2.13`), `-`/`_`
    /// joined to letters (`CS-20240501`), `@` (`@163.com`), or an e-mail's
    /// local part (`13812345678@qq.com`). Other letters touching the number
    /// (`QQ13812345678`, `13812345678a`) only mark it as touching letters.
    mutating func markGluedEdges(before: (value: UInt32, start: Int), runEnd: Int) {
        if runStart < localPartEnd {
            // Inside the local part of an address an earlier number was glued
            // to: matching this number would cut the local part there, and
            // the earlier number, no longer reaching the `@` once this one is
            // masked, would be found on a rescan (found by the fuzzer).
            for k in 0..<groups.count { groups[k].glued = true }
            return
        }
        let v = before.value
        if PIINormal.isLetter(v) {
            if !isTouchingWord(endingAt: runStart) {
                let word = letters(endingAt: runStart)
                if word.mixed || Self.identifierPrefixes.contains(word.packed) {
                    groups[0].glued = true
                } else {
                    groups[0].lettersBefore = true
                }
            }
        } else if v == PIINormal.dot || v == PIINormal.hyphen || v == PIINormal.underscore {
            let pp = r.previous(before.start)
            if PIINormal.isDigit(pp.value) {
                groups[0].glued = true
            } else if PIINormal.isLetter(pp.value) {
                if v == PIINormal.dot || isTouchingWord(endingAt: before.start) {
                    groups[0].glued = v == PIINormal.dot
                } else {
                    // `wx-13912345678`: a WeChat ID made of a phone number is the
                    // phone number (a mobile may touch letters); a code word
                    // (`CS-`, `SF-`) or letters mixed with digits stay an identifier.
                    let word = letters(endingAt: before.start)
                    if word.mixed || Self.identifierPrefixes.contains(word.packed) {
                        groups[0].glued = true
                    } else {
                        groups[0].lettersBefore = true
                    }
                }
            }
        } else if v == PIINormal.at {
            groups[0].glued = true
        }
        // Every group inside an address's domain stays as typed, not only the
        // first: masking a later one (`x@y.a1381…-1562…-5b.card1567…`) would
        // put a `*` into the domain and a number after it, no longer inside
        // it, would be found on a rescan (make fuzz-long).
        for k in 0..<groups.count where !groups[k].glued && isInsideDomain(groups[k].start) { groups[k].glued = true }

        let last = groups.count - 1
        let nx = r.next(runEnd)
        if nx.value == PIINormal.at || PIINormal.isLocalPartChar(nx.value) {
            // The digits begin the local part of an e-mail address
            // (`13812345678@qq.com`, `8767436-@example.com`): the address
            // is masked as a whole.
            var at = nx
            var steps = 0
            while at.value != PIINormal.at && PIINormal.isLocalPartChar(at.value) && steps < 64 {
                at = r.next(at.end)
                steps += 1
            }
            self.steps &+= steps
            // An address the e-mail rule accepts is masked as a whole, with
            // every number up to its `@` (``localPartEnd``).
            if at.value == PIINormal.at, parseEmail(atStart: at.start, atEnd: at.end) != nil {
                groups[last].glued = true
                localPartEnd = at.start
                return
            }
            // An address the e-mail rule refuses for its local part (`@x1381…@ex.com`,
            // a chain, too long) is still address-like when masking the
            // number would leave its last digits and what follows them as a
            // valid local part: then it stays.
            if at.value == PIINormal.at,
               parseDomain(atEnd: at.end) != nil && localTailIsValid(from: runEnd, to: at.start) {
                groups[last].glued = true
                return
            }
        }
        if PIINormal.isLetter(nx.value) {
            // Letters, then a digit or a joined code: an identifier (`…5678ab12`, `…5678a-1`).
            var q = nx.end
            var k = 0
            while PIINormal.isLetter(r.next(q).value) && k < 64 {
                q = r.next(q).end
                k += 1
            }
            self.steps &+= k
            let after = r.next(q)
            if PIINormal.isDigit(after.value) || k == 64 {
                groups[last].glued = true
            } else if (after.value == PIINormal.hyphen || after.value == PIINormal.underscore || after.value == PIINormal.dot)
                        && PIINormal.isDigit(r.next(after.end).value) {
                groups[last].glued = true
            } else {
                groups[last].lettersAfter = true
            }
        } else if (nx.value == PIINormal.dot || nx.value == PIINormal.hyphen || nx.value == PIINormal.underscore)
                    && PIINormal.isAlnum(r.next(nx.end).value) {
            groups[last].glued = true
        }
    }

    /// True when the characters before `start` are domain characters
    /// (letters, digits, `-`, `.`) back to an `@` at most 64 characters
    /// away: the number is part of an address's domain (`x@y.card13812345678.kn`),
    /// which stays as typed. Masking it could make or unmake the domain of
    /// an address before it (found by the fuzzer); a number nearer the `@`
    /// is judged the same way, so the decision never changes on a rescan.
    func isInsideDomain(_ start: Int) -> Bool {
        var q = start
        for _ in 0..<64 {
            let (v, s) = r.previous(q)
            if v == PIINormal.at { return true }
            guard PIINormal.isAlnum(v) || v == PIINormal.hyphen || v == PIINormal.dot else { return false }
            q = s
        }
        return false
    }

    /// True when the last 4 digits of a masked number followed by the text
    /// from `from` to the `@` at `to` would make a valid local part: at most
    /// 64 characters, no `..`, not ending with a dot, and no digit. A digit
    /// there may belong to a later number that is masked on its own; the
    /// tail would then hold a `*` and no longer make a local part, and the
    /// number kept as typed here would be found on a rescan
    /// (`a..b13812345678+d13912345678-051@ex.com`, left from the fuzzer).
    func localTailIsValid(from: Int, to: Int) -> Bool {
        var count = 4
        var previousWasDot = false
        var q = from
        while q < to {
            let (v, _, e) = r.next(q)
            if PIINormal.isDigit(v) { return false }
            if v == PIINormal.dot && previousWasDot { return false }
            previousWasDot = v == PIINormal.dot
            count += 1
            if count > 64 { return false }
            q = e
        }
        return !previousWasDot
    }

    /// The letters just before `end`, lower-cased and packed five bits each
    /// (at most 12, no allocation: this runs for every number letters
    /// touch), and whether a digit comes right before them (`a3f…`: letters
    /// and digits mixed, also said of more than 12 letters).
    func letters(endingAt end: Int) -> (packed: UInt64, mixed: Bool) {
        var packed: UInt64 = 0
        var shift: UInt64 = 0
        var q = end
        for _ in 0..<12 {
            let (v, s) = r.previous(q)
            guard PIINormal.isLetter(v) else { return (packed, PIINormal.isDigit(v)) }
            packed |= UInt64((v | 0x20) - 0x60) << shift
            shift += 5
            q = s
        }
        return (packed, true)
    }

    /// True when the letters just before `end` form one of the words allowed
    /// to touch a number (`ID`, `Tel`…).
    func isTouchingWord(endingAt end: Int) -> Bool {
        var letters: [UInt32] = []
        letters.reserveCapacity(8)
        var q = end
        while letters.count <= PIIContextWords.maxTouchingWordLength {
            let (v, s) = r.previous(q)
            guard PIINormal.isLetter(v) else { break }
            letters.append(v | 0x20)
            q = s
        }
        guard letters.count <= PIIContextWords.maxTouchingWordLength else { return false }
        return PIIContextWords.touchingWordScalars.contains(letters.reversed())
    }
}

/// A growable buffer of trivial values that is emptied without freeing, for
/// the scanner's per-run state.
struct ScratchBuffer<Element> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    @inline(__always)
    mutating func append(_ x: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: x)
        count += 1
    }

    mutating func grow() {
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }

    @inline(__always) mutating func reset() { count = 0 }
    /// Keeps the first `n` elements.
    mutating func truncate(to n: Int) { count = min(count, n) }
    var isEmpty: Bool { count == 0 }

    @inline(__always)
    subscript(i: Int) -> Element {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }

    mutating func deallocate() {
        base.deallocate()
        count = 0
        capacity = 0
    }
}
