import TicketCore

/// Help prose that holds Chinese: argument-parser wraps by characters, and a
/// Chinese character takes two columns, so its lines overran an 80-column
/// terminal. The paragraph is broken here by display width instead; the
/// explicit line breaks are kept as they are by argument-parser.
enum HelpText {
    /// `text` broken at spaces into lines of at most `width` columns (79:
    /// argument-parser breaks a line that fills all 80).
    static func fitted(_ text: String, width: Int = 79) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if !line.isEmpty, TextTable.displayWidth(candidate) > width {
                lines.append(line)
                line = String(word)
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}

extension HelpText {
    /// A USAGE synopsis broken between its items into lines that fit 80
    /// columns: argument-parser prints a generated synopsis as one line
    /// (up to 222 columns here), and indents each further line of a given
    /// `usage` by 7 ("USAGE: "). A test checks every option of the command
    /// appears in it, so the synopsis cannot fall behind the options.
    static func usage(_ synopsis: String, width: Int = 80) -> String {
        var items: [String] = []
        var item = "", depth = 0
        for c in synopsis {
            if c == "[" || c == "<" || c == "(" { depth += 1 }
            if c == "]" || c == ">" || c == ")" { depth -= 1 }
            if c == " ", depth == 0 {
                if !item.isEmpty { items.append(item) }
                item = ""
            } else {
                item.append(c)
            }
        }
        if !item.isEmpty { items.append(item) }
        var lines: [String] = [], line = ""
        for item in items {
            let candidate = line.isEmpty ? item : line + " " + item
            if !line.isEmpty, 7 + TextTable.displayWidth(candidate) > width {
                lines.append(line)
                line = item
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}
