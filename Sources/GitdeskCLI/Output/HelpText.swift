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
