/// The `Conflict:` log entry a merge writes for every field it settled, and
/// how `gitdesk conflicts` reads it back.
///
/// ```
/// - 2024-05-02T09:00:00+08:00 chen: Conflict: priority ours="high" theirs="urgent" chosen="urgent" rule=higher
/// ```
/// The entry's time and operator say when and by whom the merge was made;
/// the line names the field, our and their values, the value kept and the
/// rule (a ``MergeRule`` name). A value is `-` when absent, otherwise in
/// double quotes with `\"` and `\\` escaped, on one line, masked (no raw
/// personal data) and cut to ``maxValueLength`` characters with `…`. For a
/// long text (`keep_both`) the entry goes on with the text that was not
/// kept, after a line `not kept (theirs):` (or `ours`).
public enum ConflictLine {
    /// Every Conflict entry starts with this.
    public static let prefix = "Conflict: "
    /// Values longer than this are shortened in the line.
    public static let maxValueLength = 60

    /// The text of a Conflict entry.
    public static func text(for c: MergeConflict, notKept: (side: String, text: String)? = nil) -> String {
        var line = "\(prefix)\(c.field) ours=\(quote(c.ours)) theirs=\(quote(c.theirs)) chosen=\(quote(c.chosen)) rule=\(c.rule)"
        if let notKept {
            line += "\nnot kept (\(notKept.side)):\n" + notKept.text
        }
        return line
    }

    /// A value as the line shows it: masked, on one line, shortened.
    public static func display(_ value: String?, field: String, schema: Schema) -> String? {
        guard let value else { return nil }
        let policy = schema.privacy
        var shown = schema.field(field)?.type == .contact || policy.maskedFields.contains(field)
            ? ContactMasking.maskContact(value, kinds: Set(policy.kinds))
            : PIIScanner.mask(value, options: policy.scanOptions).text
        shown = shown.replacingNewlines()
        if shown.count > maxValueLength { shown = String(shown.prefix(maxValueLength - 1)) + "…" }
        return shown
    }

    /// The conflict a log entry records, if it is a Conflict entry.
    public static func parse(_ entry: LogEntry, ticketID: String) -> MergeConflict? {
        let firstLine = entry.text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        guard firstLine.hasPrefix(prefix) else { return nil }
        var rest = Substring(firstLine.dropFirst(prefix.count))
        guard let space = rest.firstIndex(of: " ") else { return nil }
        let field = String(rest[..<space])
        guard TicketFile.isFieldKey(field) else { return nil }
        rest = rest[rest.index(after: space)...]
        var values: [String: String?] = [:]
        for name in ["ours", "theirs", "chosen"] {
            guard rest.hasPrefix(name + "="), let (value, after) = unquote(rest.dropFirst(name.count + 1)) else { return nil }
            values[name] = value
            rest = after.drop(while: { $0 == " " })
        }
        guard rest.hasPrefix("rule=") else { return nil }
        let rule = String(rest.dropFirst(5)).trimmed()
        guard !rule.isEmpty else { return nil }
        return MergeConflict(ticketID: ticketID, field: field, ours: values["ours"]!, theirs: values["theirs"]!,
                             chosen: values["chosen"]!, rule: rule)
    }

    static func quote(_ value: String?) -> String {
        guard let value else { return "-" }
        var out = "\""
        for ch in value {
            if ch == "\"" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out + "\""
    }

    /// A quoted value or `-` at the start of `s`, and what follows it.
    static func unquote(_ s: Substring) -> (String?, Substring)? {
        if s.hasPrefix("-") { return (nil, s.dropFirst()) }
        guard s.first == "\"" else { return nil }
        var out = ""
        var escaping = false
        var i = s.index(after: s.startIndex)
        while i < s.endIndex {
            let ch = s[i]
            i = s.index(after: i)
            if escaping { out.append(ch); escaping = false } else if ch == "\\" { escaping = true } else if ch == "\"" {
                return (out, s[i...])
            } else { out.append(ch) }
        }
        return nil
    }
}
