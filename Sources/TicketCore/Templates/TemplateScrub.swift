/// Keeps a customer's contact data out of templates: a template is reused
/// for other customers, so even a masked contact (`138****5678`, `尾号5678`,
/// `z***@example.com`) does not belong in it. Found values are replaced by a
/// placeholder naming their kind (`〔手机号〕`), which the agent fills in, if
/// ever needed, when replying.
public enum TemplateScrub {
    /// One value taken out: its kind and its masked form (never the raw value).
    public struct Removal: Equatable, Sendable {
        public var field: String
        public var kind: String
        public var masked: String
    }

    /// The placeholder for a value of `kind`.
    public static func placeholder(_ kind: String) -> String { "〔\(kind)〕" }

    /// The names of the placeholders in `text` (`〔客户〕` → `客户`), in order, once each.
    public static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "〔"), let close = rest[open...].firstIndex(of: "〕") {
            let name = String(rest[rest.index(after: open)..<close])
            if !name.isEmpty, !names.contains(name) { names.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// `text` with personal data (raw, by ``PIIScanner``, or already masked)
    /// and the given customer values replaced by placeholders.
    public static func scrub(_ text: String, field: String, customerValues: [String] = [],
                             options: PIIScanOptions = .standard) -> (text: String, removed: [Removal]) {
        var removed: [Removal] = []
        var out = text
        let matches = PIIScanner.scan(out, options: options)
        for m in matches.reversed() {
            out.replaceSubrange(m.range(in: out), with: placeholder(m.kind.zh))
            removed.insert(Removal(field: field, kind: m.kind.zh, masked: m.masked), at: 0)
        }
        for (range, kind) in maskedContacts(in: out).reversed() {
            removed.append(Removal(field: field, kind: kind, masked: String(out[range])))
            out.replaceSubrange(range, with: placeholder(kind))
        }
        for value in customerValues {
            let (replaced, count) = replaceFolded(value, in: out, with: placeholder("客户"))
            guard count > 0 else { continue }
            out = replaced
            removed.append(Removal(field: field, kind: "客户信息", masked: ContactMasking.maskContact(value, kinds: Set(PIIKind.allCases))))
        }
        return (out, removed)
    }

    /// Every occurrence of `value` in `text`, compared case-insensitively and
    /// with full-width letters and digits folded (`C778899` finds `c778899`
    /// and `Ｃ７７８８９９`), replaced by `replacement`; the rest of the text
    /// stays as typed. Values under two characters are left alone (a lone
    /// surname would eat ordinary words).
    static func replaceFolded(_ value: String, in text: String, with replacement: String) -> (String, Int) {
        func fold(_ c: Character) -> String { SearchTerms.foldWidth(String(c)).lowercased() }
        let needle = value.trimmed().map(fold)
        guard needle.count >= 2 else { return (text, 0) }
        let chars = Array(text)
        let folded = chars.map(fold)
        var out = ""
        var count = 0
        var i = 0
        while i < chars.count {
            if i + needle.count <= chars.count, Array(folded[i..<(i + needle.count)]) == needle {
                out += replacement; count += 1; i += needle.count
            } else {
                out.append(chars[i]); i += 1
            }
        }
        return (out, count)
    }

    /// Masked contacts in `text`: `138****5678` (digits, a run of `*`, digits),
    /// `尾号5678` / `手机尾号 5678`, `z***@example.com`.
    public static func maskedContacts(in text: String) -> [(Range<String.Index>, String)] {
        var found: [(Range<String.Index>, String)] = []
        let chars = Array(text.indices)
        var i = 0
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        while i < chars.count {
            let c = text[chars[i]]
            // 尾号 + 3–4 digits.
            if c == "尾", i + 1 < chars.count, text[chars[i + 1]] == "号" {
                var j = i + 2
                while j < chars.count, text[chars[j]] == " " { j += 1 }
                let start = j
                while j < chars.count, isDigit(text[chars[j]]) { j += 1 }
                if j - start >= 3 {
                    found.append((chars[i]..<(j < chars.count ? chars[j] : text.endIndex), "手机号"))
                    i = j
                    continue
                }
            }
            // digits*** digits, or a local part *** @ domain.
            if c.isASCII && (c.isLetter || c.isNumber) {
                var j = i
                while j < chars.count, text[chars[j]].isASCII, text[chars[j]].isLetter || text[chars[j]].isNumber || text[chars[j]] == "." || text[chars[j]] == "_" { j += 1 }
                var stars = j
                while stars < chars.count, text[chars[stars]] == "*" { stars += 1 }
                if stars - j >= 2 {
                    var k = stars
                    if k < chars.count, text[chars[k]] == "@" || text[chars[k]] == "＠" {
                        k += 1
                        while k < chars.count, text[chars[k]].isASCII, text[chars[k]].isLetter || text[chars[k]].isNumber || text[chars[k]] == "." || text[chars[k]] == "-" { k += 1 }
                        if k > stars + 1 {
                            found.append((chars[i]..<(k < chars.count ? chars[k] : text.endIndex), "邮箱"))
                            i = k
                            continue
                        }
                    } else {
                        while k < chars.count, isDigit(text[chars[k]]) { k += 1 }
                        if k - stars >= 3, (i..<j).allSatisfy({ isDigit(text[chars[$0]]) }) {
                            found.append((chars[i]..<(k < chars.count ? chars[k] : text.endIndex), "手机号"))
                            i = k
                            continue
                        }
                    }
                }
                i = max(j, i + 1)
                continue
            }
            i += 1
        }
        return found
    }
}
