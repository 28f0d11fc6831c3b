/// Reads RFC 4180 CSV (quoted fields may hold commas, quotes and line
/// breaks; CRLF or LF), as Excel writes it. Each record carries the line it
/// starts on, so errors can say `FILE:LINE`.
public enum CSVReader {
    public struct Record: Equatable, Sendable {
        public var line: Int
        public var cells: [String]
    }

    /// The records of `text` (a leading byte-order mark is skipped; blank lines are dropped).
    public static func records(_ text: String) -> [Record] {
        var records: [Record] = []
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var line = 1
        var start = 1
        var chars = Substring(text)
        if chars.first == "\u{FEFF}" { chars = chars.dropFirst() }
        var iterator = chars.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endRecord() {
            cells.append(cell)
            cell = ""
            if !(cells.count == 1 && cells[0].isEmpty) { records.append(Record(line: start, cells: cells)) }
            cells = []
        }
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { cell.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    cell.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"": quoted = true
            case ",": cells.append(cell); cell = ""
            case "\r":
                let next = iterator.next()
                if next != "\n" { pending = next }
                endRecord(); line += 1; start = line
            case "\n":
                endRecord(); line += 1; start = line
            default: cell.unicodeScalars.append(c)
            }
        }
        if !cell.isEmpty || !cells.isEmpty { endRecord() }
        return records
    }
}
