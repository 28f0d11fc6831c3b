/// `field-value`: every field is known to the schema and its value fits the
/// field's type (enum key, date-time, rating 1–5, person on the roster...).
///
/// Fields the schema does not know are named up to ``unknownNamed``; the
/// rest are counted in one more finding: a hand-made file of 60k unknown
/// sections cost the server 26 s building findings nobody is shown.
public struct FieldValuesRule: ValidationRule {
    public let id = "field-value"
    public init() {}

    /// Unknown fields named one by one per file (what a reader is shown).
    public static let unknownNamed = 20

    public func check(_ context: ValidationContext) -> [Finding] {
        let ticket = context.new.ticket
        var findings: [Finding] = []
        var unknown = 0
        var firstUncounted: String?
        for key in ticket.fields.keys.sorted() {
            guard let value = ticket[key] else { continue }
            if context.schema.field(key) == nil {
                unknown += 1
                if unknown <= Self.unknownNamed {
                    findings.append(context.finding("unknown-field", field: key, Message(.fieldNotInSchema, ["key": .text(key)])))
                } else if firstUncounted == nil || (context.old?[firstUncounted!] == ticket[firstUncounted!] && context.old?[key] != value) {
                    // The counting finding names one of the rest, a changed one if any: a merge or a
                    // write lets through a finding about a value carried unchanged (acceptedOnASide,
                    // storedValueFinding), which must not let a new unknown field through with it.
                    firstUncounted = key
                }
                continue
            }
            if let problem = FieldValueCheck.check(key: key, value: value, schema: context.schema,
                                                     team: context.team, ticketType: ticket["type"]) {
                findings.append(context.finding(id, field: key, problem))
            }
        }
        if let key = firstUncounted, unknown == Self.unknownNamed + 1 {
            // One more than the cap is named rather than counted.
            findings.append(context.finding("unknown-field", field: key, Message(.fieldNotInSchema, ["key": .text(key)])))
        } else if let key = firstUncounted {
            findings.append(Finding(file: context.path, line: context.new.line(of: key), rule: "unknown-field", field: key,
                                    Message(.fieldsNotInSchemaMore, ["count": .number(unknown - Self.unknownNamed), "key": .text(key)])))
        }
        if let team = context.team {
            for (i, entry) in ticket.log.enumerated() where team.person(entry.operator) == nil {
                let line = i < context.new.logLines.count ? context.new.logLines[i] : 1
                findings.append(Finding(file: context.path, line: line, rule: "log-operator", field: "log",
                                        Message(.logByStranger, ["handle": .text(entry.operator)])))
            }
        }
        return findings
    }
}
