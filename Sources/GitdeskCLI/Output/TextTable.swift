import TicketCore

/// A plain-text table whose columns line up in a terminal, counting East
/// Asian wide characters (汉字, full-width forms) as two cells.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []
    /// Columns wider than this are cut with an ellipsis.
    var maxColumnWidth = 40

    init(headers: [String]) { self.headers = headers }

    mutating func append(_ row: [String]) { rows.append(row) }

    func render() -> String {
        // Cells are escaped first: a control character stored in a ticket or a commit
        // never reaches the terminal raw (and escapes take the width they print).
        let cells = ([headers] + rows).map { $0.map { TextTable.truncate($0.terminalSafe, to: maxColumnWidth) } }
        var widths = Array(repeating: 0, count: headers.count)
        for row in cells {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], TextTable.displayWidth(cell))
            }
        }
        var out = ""
        for row in cells {
            var line = ""
            for (i, cell) in row.enumerated() where i < widths.count {
                line += cell
                if i < row.count - 1 {
                    line += String(repeating: " ", count: widths[i] - TextTable.displayWidth(cell) + 2)
                }
            }
            out += line.trimmingTrailingSpaces() + "\n"
        }
        return out
    }

    /// Terminal cells a string occupies.
    static func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 || (v >= 0x300 && v <= 0x36F) || (v >= 0x200B && v <= 0x200F) || v == 0xFEFF { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }

    /// Cuts a string to a display width, ending with `…`.
    static func truncate(_ s: String, to limit: Int) -> String {
        let oneLine = s.utf8.contains(10) ? s.split(separator: "\n").joined(separator: " ") : s
        guard displayWidth(oneLine) > limit else { return oneLine }
        var out = ""
        var used = 0
        for ch in oneLine {
            let w = ch.unicodeScalars.reduce(0) { $0 + width(of: $1) }
            if used + w > limit - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
