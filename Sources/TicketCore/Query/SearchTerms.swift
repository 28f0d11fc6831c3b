import Foundation

/// What `search` looks for: the words typed, split at spaces, all of which
/// must occur (case-insensitively) in a ticket's searchable text. A term of any
/// length matches as a substring, so two-character Chinese words (退款, 闪退)
/// and mixed terms (APP闪退) need no word segmentation. Full-width letters,
/// digits and signs (ＡＰＰ, ｉＯＳ１７, what Chinese input methods often type)
/// are read as their ASCII forms, in the terms and in the text; both are in
/// Unicode NFC, so a decomposed é (or Hangul typed as jamo) finds its
/// composed form in the cache's index as it does in Swift.
public struct SearchTerms: Sendable, Equatable {
    public let terms: [String]

    /// Limits on what one search may ask for (each term is looked for in
    /// every candidate ticket).
    public static let maxTerms = 32
    public static let maxTermLength = 200

    /// Nil when the text holds no term.
    public init?(_ text: String) {
        let terms = Self.foldWidth(text).precomposedStringWithCanonicalMapping.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
            .map(String.init)
        guard !terms.isEmpty else { return nil }
        self.terms = terms
    }

    /// The text searched in a ticket: title, description, root cause,
    /// solution, the processing log and the communication log, one per line.
    public static func text(of ticket: Ticket) -> String {
        var parts = ["title", "description", "root_cause", "solution"].compactMap { ticket[$0] }
        for entry in ticket.log { parts.append(entry.text) }
        for contact in ticket.contacts {
            parts.append(contact.summary)
            if let followUp = contact.followUp { parts.append(followUp) }
        }
        return foldWidth(parts.joined(separator: "\n")).precomposedStringWithCanonicalMapping
    }

    /// Full-width ASCII forms (U+FF01–U+FF5E) as ASCII, the ideographic space
    /// as a space; everything else as it is (one character for one).
    public static func foldWidth(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value == 0x3000 || (0xFF01...0xFF5E).contains($0.value) }) else {
            return text
        }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s.value == 0x3000 {
                out.append(" ")
            } else if (0xFF01...0xFF5E).contains(s.value), let ascii = Unicode.Scalar(s.value - 0xFEE0) {
                out.append(ascii)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    /// True if every term occurs in `text`.
    public func matches(_ text: String) -> Bool {
        let folded = text.lowercased()
        return terms.allSatisfy { folded.contains($0.lowercased()) }
    }

    /// A rank (higher first): each occurrence counts 1, in the title 10.
    public func score(_ ticket: Ticket, text: String) -> Int {
        let title = (ticket["title"] ?? "").lowercased()
        let folded = text.lowercased()
        var score = 0
        for term in terms.map({ $0.lowercased() }) {
            score += folded.components(separatedBy: term).count - 1
            if title.contains(term) { score += 10 }
        }
        return score
    }

    /// The line holding the first term, cut to about `width` characters around
    /// it, the term in 【】.
    public func snippet(_ text: String, width: Int = 36) -> String {
        let term = terms[0].lowercased()
        for line in text.split(separator: "\n") {
            let chars = Array(line)
            let lowered = chars.map { String($0).lowercased() }
            let termChars = Array(term).map { String($0) }
            guard termChars.count <= lowered.count else { continue }
            for start in 0...(lowered.count - termChars.count)
            where Array(lowered[start..<(start + termChars.count)]) == termChars {
                let end = start + termChars.count
                let before = max(0, start - (width - termChars.count) / 2)
                let after = min(chars.count, max(end, before + width))
                return (before > 0 ? "…" : "") + String(chars[before..<start]) + "【" + String(chars[start..<end]) + "】"
                    + String(chars[end..<after]) + (after < chars.count ? "…" : "")
            }
        }
        return ""
    }
}
