import Foundation
import TicketCore

/// A plain-text table whose columns line up in a terminal, counting East
/// Asian wide characters (汉字, full-width forms) as two cells.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []
    /// A colour per cell of each row (nil: none); painted after the widths
    /// are counted, so colours never shift a column.
    var styles: [[Palette.Style?]] = []
    var palette: Palette = .plain
    /// Columns wider than this are cut with an ellipsis.
    var maxColumnWidth = 40

    init(headers: [String]) { self.headers = headers }

    mutating func append(_ row: [String], styles rowStyles: [Palette.Style?] = []) {
        rows.append(row)
        styles.append(rowStyles)
    }

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
        for (r, row) in cells.enumerated() {
            let rowStyles = r == 0 ? [] : styles[r - 1]
            var line = ""
            for (i, cell) in row.enumerated() where i < widths.count {
                line += palette.paint(cell, i < rowStyles.count ? rowStyles[i] : nil)
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

    /// Whether East Asian Ambiguous characters (“ ” ‘ ’ … · ° ※ ①, box
    /// drawing, Greek and Cyrillic letters) take two cells, as terminals in a
    /// Chinese, Japanese or Korean locale draw them: `GITDESK_AMBIGUOUS_WIDE=1`
    /// or `0` decides, else the locale (LC_ALL, LC_CTYPE, LANG) starting
    /// `zh`, `ja` or `ko`.
    nonisolated(unsafe) static var ambiguousWide: Bool = ambiguousWide(environment: ProcessInfo.processInfo.environment)

    static func ambiguousWide(environment: [String: String]) -> Bool {
        if let choice = environment["GITDESK_AMBIGUOUS_WIDE"], choice == "0" || choice == "1" { return choice == "1" }
        let locale = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        return ["zh", "ja", "ko"].contains { locale.lowercased().hasPrefix($0) }
    }

    /// East Asian Ambiguous width (Unicode UAX #11), the characters that occur in tickets.
    static func isAmbiguous(_ v: UInt32) -> Bool {
        switch v {
        case 0xA1, 0xA4, 0xA7, 0xA8, 0xAA, 0xAD, 0xAE, 0xB0...0xB4, 0xB6...0xBA, 0xBC...0xBF, 0xC6, 0xD0, 0xD7, 0xD8,
             0xDE...0xE1, 0xE6, 0xE8...0xEA, 0xEC, 0xED, 0xF0, 0xF2, 0xF3, 0xF7...0xFA, 0xFC, 0xFE,
             0x391...0x3A9, 0x3B1...0x3C9, 0x401, 0x410...0x44F, 0x451,
             0x2010, 0x2013...0x2016, 0x2018, 0x2019, 0x201C, 0x201D, 0x2020...0x2022, 0x2024...0x2027, 0x2030,
             0x2032, 0x2033, 0x2035, 0x203B, 0x203E, 0x2103, 0x2105, 0x2109, 0x2113, 0x2116, 0x2121, 0x2122, 0x2126,
             0x212B, 0x2153, 0x2154, 0x215B...0x215E, 0x2160...0x216B, 0x2170...0x2179, 0x2190...0x2199, 0x21D2, 0x21D4,
             0x2200, 0x2202, 0x2203, 0x2207, 0x2208, 0x220B, 0x220F, 0x2211, 0x2215, 0x221A, 0x221D...0x2220, 0x2223,
             0x2225, 0x2227...0x222C, 0x222E, 0x2234...0x2237, 0x223C, 0x223D, 0x2248, 0x224C, 0x2252, 0x2260, 0x2261,
             0x2264...0x2267, 0x226A, 0x226B, 0x226E, 0x226F, 0x2282, 0x2283, 0x2286, 0x2287, 0x2295, 0x2299, 0x22A5,
             0x22BF, 0x2312, 0x2460...0x24E9, 0x24EB...0x254B, 0x2550...0x2573, 0x2580...0x258F, 0x2592...0x2595,
             0x25A0, 0x25A1, 0x25A3...0x25A9, 0x25B2, 0x25B3, 0x25B6, 0x25B7, 0x25BC, 0x25BD, 0x25C0, 0x25C1,
             0x25C6...0x25C8, 0x25CB, 0x25CE...0x25D1, 0x25E2...0x25E5, 0x25EF, 0x2605, 0x2606, 0x2609, 0x260E, 0x260F,
             0x261C, 0x261E, 0x2640, 0x2642, 0x2660, 0x2661, 0x2663...0x2665, 0x2667...0x266A, 0x266C, 0x266D, 0x266F,
             0x273D, 0x2776...0x277F, 0xE000...0xF8FF, 0xFFFD:
            return true
        default:
            return false
        }
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 || (v >= 0x300 && v <= 0x36F) || (v >= 0x200B && v <= 0x200F) || v == 0xFEFF { return 0 }
        if isAmbiguous(v) { return ambiguousWide ? 2 : 1 }
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
