/// Control characters: what gitdesk refuses in ticket text and escapes on output.
///
/// C0 controls (U+0000–U+001F) other than tab and line feed, DEL (U+007F)
/// and the C1 controls (U+0080–U+009F) have no business in a customer's
/// complaint, and printed raw they drive the reader's terminal: ESC and CSI
/// start escape sequences that can rewrite the screen, retitle the window or
/// hide text, BEL rings, CR overwrites a line. Tab and line feed are text.
public enum ControlCharacters {
    /// True for a scalar gitdesk refuses in ticket text (every control except tab and line feed).
    @inline(__always)
    public static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A) || (v >= 0x7F && v <= 0x9F)
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
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A fast byte scan: false when `text` certainly holds no refused scalar
    /// (C0 bytes, DEL, or C2 80–9F, the UTF-8 of C1).
    @inline(__always)
    static func mayContain(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F { return true }
            if previous == 0xC2 && byte >= 0x80 && byte <= 0x9F { return true }
            previous = byte
        }
        return false
    }
}

extension String {
    /// This text, safe to print to a terminal (``ControlCharacters/escaped(_:)``).
    public var terminalSafe: String { ControlCharacters.escaped(self) }
}
