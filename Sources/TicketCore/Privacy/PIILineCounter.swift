/// Turns the UTF-8 offsets of matches into 1-based line numbers in one pass
/// over the text. Matches come in order, so each line break is counted once:
/// asking from the start of the text for every match made validating a text
/// with many values quadratic (issue 10).
struct PIILineCounter {
    private let bytes: String.UTF8View
    private var index: String.UTF8View.Index
    private var offset = 0
    private var line = 1

    init(_ text: String) {
        bytes = text.utf8
        index = bytes.startIndex
    }

    /// The line of `target`, which must not be before the previous target.
    mutating func line(at target: Int) -> Int {
        while offset < target, index < bytes.endIndex {
            if bytes[index] == 0x0A { line += 1 }
            bytes.formIndex(after: &index)
            offset += 1
        }
        return line
    }
}

extension PIIMatch {
    /// Each match with the 1-based line it starts on in `text`, the scanned string.
    static func withLines(_ matches: [PIIMatch], in text: String) -> [(match: PIIMatch, line: Int)] {
        var counter = PIILineCounter(text)
        return matches.map { ($0, counter.line(at: $0.utf8Range.lowerBound)) }
    }
}
