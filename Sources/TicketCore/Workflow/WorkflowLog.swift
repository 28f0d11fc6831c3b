/// The log lines the workflow writes, readable by people and by gitdesk.
///
/// A status change reads `开始处理：新建 → 处理中 [status: new → in_progress]`;
/// a reason follows on its own line as `原因：…`; a change made by
/// `gitdesk sweep` carries `[auto]`. The bracketed markers are what the
/// validator, the SLA clock and reports read; a person editing a file by
/// hand writes the same markers.
public enum WorkflowLog {
    /// Marks an entry written by `gitdesk sweep`.
    public static let autoMarker = "[auto]"
    static let statusPrefix = "[status: "
    static let duePrefix = "[due: "
    static let arrow = " → "
    /// The markers of the steps that keep the status; the `step-field` rule reads them.
    public static let archivedMarker = "[archived]"
    public static let assigneePrefix = "[assignee: "
    public static let overduePrefix = "超时未解决："
    public static let extendPrefix = "申请延期："
    public static let approvePrefix = "批准延期："
    public static let rejectPrefix = "驳回延期申请"
    static let reasonPrefixes = ["原因：", "原因:", "reason:", "Reason:"]

    /// The text of a status change entry.
    public static func statusChange(label: String, from: String, to: String, schema: Schema,
                                     detail: String? = nil, reason: String? = nil, automatic: Bool = false) -> String {
        let fromLabel = schema.workflow.status(from)?.zh ?? from
        let toLabel = schema.workflow.status(to)?.zh ?? to
        var text = "\(label)：\(fromLabel) → \(toLabel)"
        if let detail, !detail.isEmpty { text += "，\(detail)" }
        text += " \(statusPrefix)\(from)\(arrow)\(to)]"
        if automatic { text += " " + autoMarker }
        if let reason = reason?.trimmed(), !reason.isEmpty { text += "\n原因：" + reason.replacingNewlines() }
        return text
    }

    static let ratingPrefix = "[rating: "

    /// The marker a `confirm` entry carries, `[rating: 4]`: each round of a
    /// reopened ticket keeps its rating in the log although the field is cleared.
    public static func ratingMarker(_ rating: Int) -> String { "\(ratingPrefix)\(rating)]" }

    /// The rating an entry records: `[rating: N]`, or `评分 N★` in entries
    /// written before the marker existed.
    public static func rating(in text: String) -> Int? {
        if let start = text.range(of: ratingPrefix) {
            let rest = text[start.upperBound...]
            if let close = rest.firstIndex(of: "]"), let n = Int(rest[..<close]), (1...5).contains(n) { return n }
        }
        if let start = text.range(of: "评分 ") {
            let rest = text[start.upperBound...]
            if let star = rest.firstIndex(of: "★"), let n = Int(rest[..<star]), (1...5).contains(n) { return n }
        }
        return nil
    }

    /// The marker of a due change, ` [due: OLD → NEW]`.
    public static func dueMarker(from old: String?, to new: String?) -> String {
        "\(duePrefix)\(old ?? "-")\(arrow)\(new ?? "-")]"
    }

    /// The status change an entry records, if any.
    public static func statusChange(in text: String) -> (from: String, to: String)? {
        guard let start = text.range(of: statusPrefix) else { return nil }
        let rest = text[start.upperBound...]
        guard let close = rest.firstIndex(of: "]") else { return nil }
        let inner = rest[..<close]
        guard let a = inner.range(of: arrow) else { return nil }
        let from = String(inner[..<a.lowerBound]).trimmed()
        let to = String(inner[a.upperBound...]).trimmed()
        guard TicketFile.isFieldKey(from), TicketFile.isFieldKey(to) else { return nil }
        return (from, to)
    }

    /// The reason an entry gives (a line starting `原因：`), if any.
    public static func reason(in text: String) -> String? {
        for line in text.split(separator: "\n") {
            let l = line.trimmed()
            for p in reasonPrefixes where l.hasPrefix(p) {
                let r = String(l.dropFirst(p.count)).trimmed()
                return r.isEmpty ? nil : r
            }
        }
        return nil
    }

    /// True if `gitdesk sweep` wrote the entry.
    public static func isAutomatic(_ text: String) -> Bool { text.contains(autoMarker) }
}

extension StringProtocol {
    /// The first range of `needle` (Foundation-free), matched on UTF-8 bytes
    /// (`needle` starts and ends on a character boundary, as every marker does).
    func range(of needle: String) -> Range<String.Index>? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return nil }
        let bytes = utf8
        var from = bytes.startIndex
        while let candidate = bytes[from...].firstIndex(of: first) {
            if bytes[candidate...].starts(with: pattern) {
                return candidate..<bytes.index(candidate, offsetBy: pattern.count)
            }
            from = bytes.index(after: candidate)
        }
        return nil
    }
}
