/// The handler, department and priority a ticket had at a past moment, read
/// from its log rather than from the current file, so a later reassignment
/// or priority change never rewrites a closed period's report.
///
/// What the log records (all written by the workflow engine):
/// - `assign`: `分派给 h（名） ，责任部门 LABEL [assignee: OLD → NEW]`;
/// - `set`: `修改 (set) priority=KEY, department=KEY, assignee=KEY`;
/// - `reopen`: `优先级 LABEL → LABEL`;
/// - `new`: `登记：TYPE，PRIORITY，渠道 …；分派 DEPARTMENT / HANDLE`.
/// A value at `t` is the NEW of the last change at or before `t`; before the
/// first change, the OLD of the first later change that records it, else the
/// value the creation entry names, else the current field.
public struct FieldHistory: Equatable, Sendable {
    public struct Change: Equatable, Sendable {
        public var time: Timestamp
        public var key: String
        /// nil when the entry does not say (a `set` records only the new value).
        public var old: String??
        public var new: String?
    }
    /// The keys read.
    public static let keys = ["assignee", "department", "priority"]

    public var changes: [Change]
    public var initial: [String: String]
    public var current: [String: String]

    /// The value of `key` at `t`.
    public func value(_ key: String, at t: Timestamp) -> String? {
        let mine = changes.filter { $0.key == key }
        if let last = mine.last(where: { $0.time <= t }) { return last.new }
        guard let next = mine.first(where: { $0.time > t }) else { return current[key] }
        if let old = next.old { return old }
        return initial[key] ?? current[key]
    }

    /// The history of `ticket`'s handler, department and priority.
    public static func read(_ ticket: Ticket, schema: Schema) -> FieldHistory {
        var changes: [Change] = []
        var initial: [String: String] = [:]
        func key(label: String, of field: String) -> String? {
            let l = label.trimmed()
            if l == "-" { return nil }
            return schema.values(of: schema.field(field)?.enumName ?? field).first { $0.zh == l || $0.key == l }?.key ?? l
        }
        for (i, e) in ticket.log.enumerated() {
            let text = e.text
            if i == 0, text.hasPrefix("登记：") {
                let parts = text.split(separator: "；").map(String.init)
                let head = parts[0].dropFirst("登记：".count).split(separator: "，").map(String.init)
                if head.count >= 2, let p = key(label: head[1], of: "priority") { initial["priority"] = p }
                if let route = parts.first(where: { $0.hasPrefix("分派 ") }) {
                    let r = route.dropFirst("分派 ".count).split(separator: "，")[0]
                    let dh = r.components(separatedBy: " / ")
                    if let d = key(label: dh[0], of: "department") { initial["department"] = d }
                    if dh.count > 1 { initial["assignee"] = dh[1].trimmed() }
                }
                continue
            }
            if let m = marker(WorkflowLog.assigneePrefix, in: text) {
                changes.append(Change(time: e.time, key: "assignee", old: .some(m.old), new: m.new))
                if let r = text.range(of: "责任部门 ") {
                    let rest = text[r.upperBound...]
                    let end = rest.firstIndex { $0 == " " || $0 == "，" || $0 == "[" } ?? rest.endIndex
                    changes.append(Change(time: e.time, key: "department", old: nil,
                                          new: key(label: String(rest[..<end]), of: "department")))
                }
            }
            if text.hasPrefix("修改 (set) ") {
                let line = text.split(separator: "\n")[0].dropFirst("修改 (set) ".count)
                for pair in line.components(separatedBy: ", ") {
                    let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
                    guard kv.count == 2, keys.contains(kv[0]) else { continue }
                    changes.append(Change(time: e.time, key: kv[0], old: nil, new: kv[1].isEmpty ? nil : kv[1]))
                }
            }
            if WorkflowLog.statusChange(in: text) != nil, let r = text.range(of: "优先级 ") {
                let rest = text[r.upperBound...]
                let end = rest.firstIndex { $0 == "，" || $0 == "[" || $0 == "\n" } ?? rest.endIndex
                let lr = rest[..<end].components(separatedBy: WorkflowLog.arrow)
                if lr.count == 2 {
                    changes.append(Change(time: e.time, key: "priority", old: .some(key(label: lr[0], of: "priority")),
                                          new: key(label: lr[1], of: "priority")))
                }
            }
        }
        var current: [String: String] = [:]
        for k in keys { current[k] = ticket[k] }
        return FieldHistory(changes: changes, initial: initial, current: current)
    }

    /// `[assignee: OLD → NEW]`, `-` read as none.
    static func marker(_ prefix: String, in text: String) -> (old: String?, new: String?)? {
        guard let start = text.range(of: prefix) else { return nil }
        let rest = text[start.upperBound...]
        guard let close = rest.firstIndex(of: "]"), let arrow = rest[..<close].range(of: WorkflowLog.arrow) else { return nil }
        let old = String(rest[..<arrow.lowerBound]).trimmed(), new = String(rest[arrow.upperBound..<close]).trimmed()
        return (old == "-" ? nil : old, new == "-" ? nil : new)
    }
}
