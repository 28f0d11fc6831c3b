/// Labels for `--lang zh|en`: statuses, enum values, operations and SLA
/// states as people read them; keys in files and JSON stay English.
extension Schema {
    /// A status's label (its key if unknown).
    public func label(status key: String, _ lang: Language) -> String {
        workflow.status(key)?.label(lang) ?? key
    }

    /// A value of an enum by the enum's name (`channel`, `department`...).
    public func label(enum name: String, value key: String, _ lang: Language) -> String {
        if name == "status" { return label(status: key, lang) }
        if name == "role" { return workflow.roles.first { $0.key == key }?.label(lang) ?? key }
        return values(of: name).first { $0.key == key }?.label(lang) ?? key
    }

    /// A role's label.
    public func label(role key: String, _ lang: Language) -> String { label(enum: "role", value: key, lang) }

    /// Every field of a ticket as (label, displayed value) pairs in schema
    /// order, for `show` in a language.
    public func labelledFields(of ticket: Ticket, _ lang: Language) -> [(key: String, label: String, value: String)] {
        let known = fields.compactMap { f in ticket[f.key].map { (f.key, f.label(lang), label(value: $0, of: f.key, lang)) } }
        let extra = ticket.fields.keys.filter { field($0) == nil }.sorted().map { ($0, $0, ticket[$0]!) }
        return (known + extra).map { (key: $0.0, label: $0.1, value: $0.2) }
    }
}

extension SLAMeasure.State {
    /// How the state reads.
    public func label(_ lang: Language) -> String {
        switch self {
        case .ok: return lang == .zh ? "正常" : "On track"
        case .warning: return lang == .zh ? "即将到期" : "Due soon"
        case .breached: return lang == .zh ? "已超时" : "Breached"
        case .met: return lang == .zh ? "已达标" : "Met"
        }
    }
}

extension SLAMeasure {
    /// A span of seconds as people read it: `3h 20m`, `2d 4h`; in Chinese
    /// `3小时20分`, `2天4小时`.
    public static func format(seconds: Int64, _ lang: Language = .en) -> String {
        let m = seconds / 60
        let d = m / 1440, h = m % 1440 / 60, min = m % 60
        let (day, hour, minute, gap) = lang == .zh ? ("天", "小时", "分", "") : ("d", "h", "m", " ")
        if d > 0 { return h > 0 ? "\(d)\(day)\(gap)\(h)\(hour)" : "\(d)\(day)" }
        if h > 0 { return min > 0 ? "\(h)\(hour)\(gap)\(min)\(minute)" : "\(h)\(hour)" }
        return "\(min)\(minute)"
    }

    /// One line for `show`: state, deadline, remaining or overrun, time paused.
    public func summary(_ lang: Language) -> String {
        let basisNote = basis == .business ? (lang == .zh ? "（工作时间）" : " (working time)") : ""
        var parts = ["\(state.label(lang))", (lang == .zh ? "截止 " : "due ") + due.shortDisplay]
        switch state {
        case .breached: parts.append((lang == .zh ? "超出 " : "over by ") + SLAMeasure.format(seconds: overrun, lang) + basisNote)
        case .met: break
        default: parts.append((lang == .zh ? "剩余 " : "remaining ") + SLAMeasure.format(seconds: remaining, lang) + basisNote)
        }
        if paused > 0 { parts.append((lang == .zh ? "暂停 " : "paused ") + SLAMeasure.format(seconds: paused, lang)) }
        return parts.joined(separator: lang == .zh ? "，" : ", ")
    }
}
