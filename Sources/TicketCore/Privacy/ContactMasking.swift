/// The `contact` field (联系方式), which only ever holds masked contact
/// details: `138****5678`, `尾号5678`, `手机尾号5678`, `z***@example.com`,
/// `账号U*456`, `-`.
///
/// In this field every number is read as a contact number: a landline needs
/// no phone word (`010-12345678`), and any other run of 7 or more digits (a
/// QQ number, a local number without area code) is masked to its last 4
/// digits (`****5678`).
public enum ContactMasking {
    /// Runs of this many digits or more are contact numbers in this field.
    public static let longNumberDigits = 7

    static let options = PIIScanOptions(assumesPhoneContext: true)

    /// True when `s` may be stored as a contact as it is: empty or `-`, or
    /// free of personal data and of unmasked numbers of 7 digits or more.
    public static func isMasked(_ s: String) -> Bool {
        isMasked(s, kinds: Set(PIIKind.allCases))
    }

    static func isMasked(_ s: String, kinds: Set<PIIKind>) -> Bool {
        let trimmed = s.trimmingWhitespace
        if trimmed.isEmpty || trimmed == "-" { return true }
        var opts = options
        opts.kinds = kinds
        return PIIScanner.scan(s, options: opts).isEmpty && longNumbers(in: s).isEmpty
    }

    /// `raw` as it may be stored: a phone number or e-mail becomes its mask
    /// (`138****5678`, `z***@example.com`), any other long number keeps only
    /// its last 4 digits, and anything else is kept as typed.
    /// `isMasked(maskContact(x))` always holds: masking a long number can
    /// expose another value (`abc12345678.x@example.com`), so the two steps
    /// repeat until nothing is left; a value that still does not settle
    /// (only seen with fuzzer input) is stored as `***`.
    public static func maskContact(_ raw: String, kinds: Set<PIIKind> = Set(PIIKind.allCases)) -> String {
        var opts = options
        opts.kinds = kinds
        var current = raw
        for _ in 0..<8 {
            let masked = PIIScanner.mask(current, options: opts)
            let runs = longNumbers(in: masked.text)
            if masked.matches.isEmpty && runs.isEmpty { return current }
            current = runs.isEmpty ? masked.text : PIIScanner.withUTF8(masked.text) { buffer in
                PIIScanner.apply(runs.map { PIIMatch(kind: .mobile, utf8Range: $0.range, masked: $0.masked) }, to: buffer)
            }
        }
        return isMasked(current, kinds: kinds) ? current : "***"
    }

    /// Unmasked digit runs (single spaces or hyphens allowed between groups)
    /// of at least ``longNumberDigits`` digits, with their masks.
    static func longNumbers(in s: String) -> [(range: Range<Int>, masked: String)] {
        PIIScanner.withUTF8(s) { buffer -> [(range: Range<Int>, masked: String)] in
            guard let base = buffer.baseAddress else { return [] }
            let r = UTF8Reader(p: base, n: buffer.count)
            var found: [(range: Range<Int>, masked: String)] = []
            var digits: [UInt8] = []
            var start = 0
            var end = 0
            var i = 0
            func flush() {
                if digits.count >= longNumberDigits {
                    found.append((start..<end, PIIMask.landlineLocal(digits)))
                }
                digits.removeAll()
            }
            while i < r.n {
                let (v, s, e) = r.next(i)
                if v == PIINormal.none { break }
                if PIINormal.isDigit(v) {
                    if digits.isEmpty { start = s }
                    digits.append(UInt8(v - 0x30))
                    end = e
                } else if PIINormal.isSeparator(v), !digits.isEmpty, PIINormal.isDigit(r.next(e).value) {
                    // one separator between groups: the run goes on
                } else if v == PIINormal.star, !digits.isEmpty {
                    // a masked value (138****5678): not a raw number
                    digits.removeAll()
                    var q = e
                    while true {
                        let nx = r.next(q)
                        guard PIINormal.isDigit(nx.value) || nx.value == PIINormal.star else { break }
                        q = nx.end
                    }
                    i = q
                    continue
                } else {
                    flush()
                }
                i = e
            }
            flush()
            return found
        }
    }
}

fileprivate extension String {
    var trimmingWhitespace: Substring {
        var s = self[...]
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}
