/// Checks that one value fits its field's type: enum keys exist, dates parse,
/// ratings are 1–5, people are on the roster, contacts are masked.
public enum FieldValueCheck {
    /// Nil if `value` fits field `key`, else what is wrong, in English
    /// (never echoing a raw contact value).
    public static func problem(key: String, value: String, schema: Schema, team: Team?, ticketType: String? = nil) -> String? {
        check(key: key, value: value, schema: schema, team: team, ticketType: ticketType)?.render(.en)
    }

    /// Nil if `value` fits field `key`, else what is wrong as a catalogue sentence.
    public static func check(key: String, value: String, schema: Schema, team: Team?, ticketType: String? = nil) -> Message? {
        guard let field = schema.field(key) else {
            return Message(.unknownField, ["key": .text(key), "fields": .texts(schema.fields.map(\.key))])
        }
        switch field.type {
        case .text:
            if value.hasNewline { return Message(.valueOneLine, ["field": .field(key)]) }
        case .longtext:
            break
        case .id:
            if !TicketID.isWellFormed(value) { return Message(.valueNotTicketID, ["value": .text(value)]) }
        case .enum, .department:
            if key == "status" {
                if schema.workflow.status(value) == nil {
                    return Message(.unknownValue, ["value": .text(value), "field": .field("status"),
                                                   "allowed": .statuses(schema.workflow.statuses.map(\.key))])
                }
                return nil
            }
            let values = schema.values(of: field.enumName ?? key)
            guard let v = values.first(where: { $0.key == value }) else {
                return Message(.unknownValue, ["value": .text(value), "field": .field(key),
                                                 "allowed": .values(enumName: field.enumName ?? key, keys: values.map(\.key))])
            }
            if let parent = v.parent, let t = ticketType, key == "subtype", parent != t {
                return Message(.subtypeOfOtherType, ["value": .text(value), "parent": .text(parent), "type": .text(t)])
            }
        case .list:
            if let name = field.enumName {
                let values = schema.values(of: name)
                for part in value.split(separator: ",").map({ $0.trimmed() }) where !values.contains(where: { $0.key == part }) {
                    return Message(.unknownValue, ["value": .text(part), "field": .field(key), "allowed": .values(enumName: name, keys: values.map(\.key))])
                }
            }
        case .person:
            if let team, team.person(value) == nil { return Message(.notOnRoster, ["handle": .text(value)]) }
            if !TicketFile.isHandle(value) { return Message(.valueNotHandle, ["value": .text(value)]) }
        case .datetime:
            if Timestamp.parse(value) == nil { return Message(.valueNotDateTime, ["value": .text(value)]) }
        case .duration:
            if Duration.parse(value) == nil { return Message(.valueNotDuration, ["value": .text(value)]) }
        case .rating:
            guard let n = Int(value), (1...5).contains(n) else { return Message(.valueNotRating, ["field": .field(key)]) }
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
