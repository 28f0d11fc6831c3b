/// Control characters: what gitdesk refuses in ticket text and escapes on output.
///
/// C0 controls (U+0000–U+001F) other than tab and line feed, DEL (U+007F)
/// and the C1 controls (U+0080–U+009F) have no business in a customer's
/// complaint, and printed raw they drive the reader's terminal: ESC and CSI
/// start escape sequences that can rewrite the screen, retitle the window or
/// hide text, BEL rings, CR overwrites a line. Tab and line feed are text.
/// The bidirectional embedding, override and isolate controls (U+202A–202E,
/// U+2066–2069) and the line and paragraph separators (U+2028, U+2029) are
/// refused too: they reorder or break what a reader sees ("Trojan Source").
/// So are the invisible marks that do the same or hide text: the left-to-right
/// and right-to-left marks (U+200E/F), the Arabic letter mark (U+061C), a
/// byte order mark inside text (U+FEFF; a file's leading one is dropped when
/// it is read) and the Unicode tag characters (U+E0000–E007F, an invisible
/// copy of ASCII that can smuggle words past a reader).
public enum ControlCharacters {
    /// True for a scalar gitdesk refuses in ticket text (every control except tab and line feed).
    @inline(__always)
    public static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A) || (v >= 0x7F && v <= 0x9F)
            || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069) || v == 0x2028 || v == 0x2029
            || v == 0x200E || v == 0x200F || v == 0x061C || v == 0xFEFF || (v >= 0xE0000 && v <= 0xE007F)
    }

    /// The first refused scalar in `text` and its 1-based column on its line, or nil.
    public static func first(in text: String) -> (scalar: Unicode.Scalar, line: Int, column: Int)? {
        guard mayContain(text) else { return nil }
        var line = 1
        var column = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1; column = 0; continue }
            column += 1
            if isRefused(scalar) { return (scalar, line, column) }
        }
        return nil
    }

    /// `U+001B (ESC)`: how a message names a control character.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let names: [UInt32: String] = [0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x0B: "VT", 0x0C: "FF", 0x0D: "CR",
                                       0x1B: "ESC", 0x7F: "DEL", 0x85: "NEL", 0x9B: "CSI", 0x9D: "OSC"]
        return names[scalar.value].map { "\(code) (\($0))" } ?? code
    }

    /// `text` with every refused scalar written as `\u001B` (and nothing else
    /// changed), safe to print to a terminal. Tab and line feed stay.
    public static func escaped(_ text: String) -> String {
        guard mayContain(text) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isRefused(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A fast byte scan: false when `text` certainly holds no refused scalar
    /// (C0 bytes, DEL, or C2 80–9F, the UTF-8 of C1, and the marks above).
    @inline(__always)
    static func mayContain(_ text: String) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F { return true }
            if previous == 0xC2 && byte >= 0x80 && byte <= 0x9F { return true }
            // D8 9C (U+061C).
            if previous == 0xD8 && byte == 0x9C { return true }
            // E2 80 8E–8F (U+200E/F), E2 80 A8–AE (U+2028–202E) and E2 81 A6–A9 (U+2066–2069).
            if beforePrevious == 0xE2 && ((previous == 0x80 && ((byte >= 0xA8 && byte <= 0xAE) || byte == 0x8E || byte == 0x8F))
                                          || (previous == 0x81 && byte >= 0xA6 && byte <= 0xA9)) { return true }
            // EF BB BF (U+FEFF) and F3 A0 80–81 (U+E0000–E007F).
            if beforePrevious == 0xEF && previous == 0xBB && byte == 0xBF { return true }
            if beforePrevious == 0xF3 && previous == 0xA0 && (byte == 0x80 || byte == 0x81) { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }
}

extension String {
    /// This text, safe to print to a terminal (``ControlCharacters/escaped(_:)``).
    public var terminalSafe: String { ControlCharacters.escaped(self) }
}
