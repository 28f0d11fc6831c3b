/// JSON with object keys kept in the order given (schema order), Chinese
/// written as is, and stable formatting for scripts and reviewers.
enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialised() == rhs.serialised() }

    /// Compact (`pretty: false`) or indented by two spaces.
    func serialised(pretty: Bool = true) -> String {
        var out = ""
        write(into: &out, indent: pretty ? 0 : nil)
        return out
    }

    private func write(into out: inout String, indent: Int?) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            if d.isFinite {
                out += d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
            } else {
                out += "null"
            }
        case .string(let s): JSONValue.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent.map { $0 + 1 })
                item.write(into: &out, indent: indent.map { $0 + 1 })
            }
            newline(&out, indent)
            out += "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent.map { $0 + 1 })
                JSONValue.quote(key, into: &out)
                out += indent == nil ? ":" : ": "
                value.write(into: &out, indent: indent.map { $0 + 1 })
            }
            newline(&out, indent)
            out += "}"
        }
    }

    private func newline(_ out: inout String, _ indent: Int?) {
        guard let indent else { return }
        out += "\n"
        out += String(repeating: "  ", count: indent)
    }

    /// Appends `s` as a JSON string literal, copying runs that need no escape whole.
    static func quote(_ s: String, into out: inout String) {
        out += "\""
        let bytes = s.utf8
        var run = bytes.startIndex
        var i = bytes.startIndex
        while i != bytes.endIndex {
            let byte = bytes[i]
            var escape: String? = nil
            var width = 1
            switch byte {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0..<0x20: escape = "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
            case 0x7F: escape = "\\u007f"  // DEL and C1 (C2 80-9F) are legal raw in JSON, but not on a terminal
            case 0xC2:
                let next = bytes.index(after: i)
                if next != bytes.endIndex, bytes[next] >= 0x80 && bytes[next] <= 0x9F {
                    escape = "\\u00" + String(bytes[next], radix: 16)
                    width = 2
                }
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8/A9) break JavaScript string literals;
                // the bidi controls (U+200E/F, U+202A–202E: E2 80 8E/8F/AA–AE;
                // U+2066–2069: E2 81 A6–A9) reorder what a terminal shows.
                let next = bytes.index(after: i)
                if next != bytes.endIndex, bytes[next] == 0x80 || bytes[next] == 0x81 {
                    let last = bytes.index(after: next)
                    if last != bytes.endIndex {
                        let scalar = 0x2000 + (UInt32(bytes[next] - 0x80) << 6) + UInt32(bytes[last] & 0x3F)
                        if [0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                            0x2066, 0x2067, 0x2068, 0x2069].contains(scalar) {
                            escape = "\\u" + String(scalar, radix: 16)
                            width = 3
                        }
                    }
                }
            case 0xD8:
                // U+061C (D8 9C), the Arabic letter mark: reorders like the bidi marks.
                let next = bytes.index(after: i)
                if next != bytes.endIndex, bytes[next] == 0x9C { escape = "\\u061c"; width = 2 }
            case 0xEF:
                // U+FEFF (EF BB BF) inside a value: invisible.
                let next = bytes.index(after: i)
                if next != bytes.endIndex, bytes[next] == 0xBB {
                    let last = bytes.index(after: next)
                    if last != bytes.endIndex, bytes[last] == 0xBF { escape = "\\ufeff"; width = 3 }
                }
            case 0xF3:
                // The tag characters U+E0000–E007F (F3 A0 80–81 xx): invisible ASCII, as a surrogate pair.
                let b1 = bytes.index(after: i)
                if b1 != bytes.endIndex, bytes[b1] == 0xA0 {
                    let b2 = bytes.index(after: b1)
                    if b2 != bytes.endIndex, bytes[b2] == 0x80 || bytes[b2] == 0x81 {
                        let b3 = bytes.index(after: b2)
                        if b3 != bytes.endIndex {
                            let low = 0xDC00 + (UInt32(bytes[b2] & 0x01) << 6) + UInt32(bytes[b3] & 0x3F)
                            escape = "\\udb40\\u" + String(low, radix: 16)
                            width = 4
                        }
                    }
                }
            default: break
            }
            if let escape {
                out += s[run..<i]
                out += escape
                i = bytes.index(i, offsetBy: width)
                run = i
            } else {
                i = bytes.index(after: i)
            }
        }
        out += s[run..<bytes.endIndex]
        out += "\""
    }
}
