/// Reads RFC 4180 CSV (quoted fields may hold commas, quotes and line
/// breaks; CRLF or LF), as Excel writes it. Each record carries the line it
/// starts on, so errors can say `FILE:LINE`.
public enum CSVReader {
    /// First characters that make Excel read a cell as a formula, and `'`,
    /// which `export` puts before any of them (see `CSVWriter`).
    public static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "'"]

    /// A cell as typed before `export` guarded it: one leading `'` removed
    /// when a guarded character follows it.
    public static func unguarded(_ cell: String) -> String {
        var scalars = cell.unicodeScalars.makeIterator()
        guard scalars.next() == "'", let second = scalars.next(), formulaStarts.contains(second) else { return cell }
        return String(cell.unicodeScalars.dropFirst())
    }

    public struct Record: Equatable, Sendable {
        public var line: Int
        public var cells: [String]
        public init(line: Int, cells: [String]) { self.line = line; self.cells = cells }
    }

    /// Why a CSV text cannot be read.
    public struct Malformed: Error, Sendable, Equatable {
        /// The line the problem starts on.
        public var line: Int
        public var message: Message
        public init(line: Int, _ message: Message) { self.line = line; self.message = message }
    }

    /// The records of `text` (a leading byte-order mark is skipped; blank
    /// lines are dropped). A quote opened and never closed is an error
    /// naming the line it opened on: everything after it would be one cell.
    ///
    /// Leniently, as Excel and Python's `csv` read: a quote opens quoting
    /// only as a field's first character; anywhere else in an unquoted field
    /// (`ab"c`), or after a closing quote (`"ab"c"`), it is a character of
    /// the cell and kept, never dropped.
    public static func records(_ text: String) throws(Malformed) -> [Record] {
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
        var quoteLine = 0
        // True until the current field has a character: only then does a quote open quoting.
        var fieldStart = true
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
            case "\"" where fieldStart: quoted = true; quoteLine = line; fieldStart = false
            case ",": cells.append(cell); cell = ""; fieldStart = true
            case "\r":
                let next = iterator.next()
                if next != "\n" { pending = next }
                endRecord(); line += 1; start = line; fieldStart = true
            case "\n":
                endRecord(); line += 1; start = line; fieldStart = true
            default: cell.unicodeScalars.append(c); fieldStart = false
            }
        }
        if quoted {
            throw Malformed(line: quoteLine, Message(.csvQuoteNotClosed))
        }
        if !cell.isEmpty || !cells.isEmpty { endRecord() }
        return records
    }
}
