/// `conflict-marker`: no text of a ticket holds a line that is one of git's
/// conflict markers (`<<<<<<<`, `|||||||`, `=======`, `>>>>>>>`, seven
/// characters, alone or followed by a space and a label). A merge resolved
/// by hand that left them in a description or another long text would put
/// both sides' words, and git's markers, into the customer's record.
/// A `=======` line counts only at exactly seven `=` (git's marker size), so
/// a markdown underline of another length stays text.
/// Only texts the change adds or alters are judged (``ValidationContext/changedTexts()``).
public struct ConflictMarkerRule: ValidationRule {
    public let id = "conflict-marker"
    public init() {}

    public func check(_ context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for value in context.changedTexts() {
            let lines = value.text.split(separator: "\n", omittingEmptySubsequences: false)
            guard let index = lines.firstIndex(where: { Self.isMarker($0) }) else { continue }
            let line = index + 1
            let fileLine = value.isSection ? value.line + 1 + line : value.line + line - 1
            findings.append(context.finding(id, line: fileLine, field: value.field,
                "\(value.name) holds a merge conflict marker (\(lines[index].prefix(7))) at its line \(line), left by a merge resolved by hand: run gitdesk conflicts, edit the text to the one version to keep (remove every <<<<<<<, ======= and >>>>>>> line), then commit again"))
        }
        return findings
    }

    /// True for a line git writes around a conflict.
    static func isMarker(_ line: Substring) -> Bool {
        var text = line
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        if text == "=======" { return true }
        for mark in ["<<<<<<<", ">>>>>>>", "|||||||"] where text.hasPrefix(mark) {
            let rest = text.dropFirst(7)
            if rest.isEmpty || rest.first == " " { return true }
        }
        return false
    }
}
