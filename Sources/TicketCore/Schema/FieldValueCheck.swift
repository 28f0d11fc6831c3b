/// Checks that one value fits its field's type: enum keys exist, dates parse,
/// ratings are 1–5, people are on the roster, contacts are masked.
public enum FieldValueCheck {
    /// Nil if `value` fits field `key`, else a message saying what is wrong
    /// (never echoing a raw contact value).
    public static func problem(key: String, value: String, schema: Schema, team: Team?, ticketType: String? = nil) -> String? {
        guard let field = schema.field(key) else {
            return "unknown field '\(key)' (fields: \(schema.fields.map(\.key).joined(separator: ", ")))"
        }
        switch field.type {
        case .text:
            if value.hasNewline { return "\(key) is one line of text" }
        case .longtext:
            break
        case .id:
            if !TicketID.isWellFormed(value) { return "'\(value)' is not a ticket ID" }
        case .enum, .department:
            if key == "status" {
                if schema.workflow.status(value) == nil {
                    return "'\(value)' is not a status (\(schema.workflow.statuses.map(\.key).joined(separator: ", ")))"
                }
                return nil
            }
            let values = schema.values(of: field.enumName ?? key)
            guard let v = values.first(where: { $0.key == value }) else {
                return "'\(value)' is not a \(key) (\(values.map(\.key).joined(separator: ", ")))"
            }
            if let parent = v.parent, let t = ticketType, key == "subtype", parent != t {
                return "subtype '\(value)' belongs to type '\(parent)', not '\(t)'"
            }
        case .list:
            if let name = field.enumName {
                let values = schema.values(of: name)
                for part in value.split(separator: ",").map({ $0.trimmed() }) where !values.contains(where: { $0.key == part }) {
                    return "'\(part)' is not a \(name) (\(values.map(\.key).joined(separator: ", ")))"
                }
            }
        case .person:
            if let team, team.person(value) == nil { return "'\(value)' is not on the roster (team.yaml)" }
            if !TicketFile.isHandle(value) { return "'\(value)' is not a handle" }
        case .datetime:
            if Timestamp.parse(value) == nil { return "'\(value)' is not a date-time with offset like 2024-05-01T14:30:00+08:00" }
        case .duration:
            if Duration.parse(value) == nil { return "'\(value)' is not a duration like 4h, 30m or 3d" }
        case .rating:
            guard let n = Int(value), (1...5).contains(n) else { return "\(key) is a rating from 1 to 5" }
        case .contact:
            break  // checked by the privacy rules, which never echo the value
        }
        return nil
    }
}

/// A span of time written as `90m`, `4h`, `3d`, `1h30m`.
public enum Duration {
    /// Seconds, or nil if malformed.
    public static func parse(_ text: String) -> Int64? {
        var total: Int64 = 0
        var number: Int64? = nil
        var any = false
        for c in text.trimmed().lowercased() {
            if let d = c.wholeNumberValue, c.isASCII {
                number = (number ?? 0) * 10 + Int64(d)
                if number! > 10_000_000 { return nil }
            } else {
                guard let n = number else { return nil }
                switch c {
                case "d": total += n * 86_400
                case "h": total += n * 3600
                case "m": total += n * 60
                case "s": total += n
                default: return nil
                }
                number = nil
                any = true
            }
        }
        return any && number == nil ? total : nil
    }
}
