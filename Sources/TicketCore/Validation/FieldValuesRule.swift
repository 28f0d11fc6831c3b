/// `field-value`: every field is known to the schema and its value fits the
/// field's type (enum key, date-time, rating 1–5, person on the roster...).
public struct FieldValuesRule: ValidationRule {
    public let id = "field-value"
    public init() {}

    public func check(_ context: ValidationContext) -> [Finding] {
        let ticket = context.new.ticket
        var findings: [Finding] = []
        for key in ticket.fields.keys.sorted() {
            guard let value = ticket[key] else { continue }
            if context.schema.field(key) == nil {
                findings.append(context.finding("unknown-field", field: key, Message(.fieldNotInSchema, ["key": .text(key)])))
                continue
            }
            if let problem = FieldValueCheck.check(key: key, value: value, schema: context.schema,
                                                     team: context.team, ticketType: ticket["type"]) {
                findings.append(context.finding(id, field: key, problem))
            }
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
