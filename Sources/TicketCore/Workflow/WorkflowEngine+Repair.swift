extension WorkflowEngine {
    /// Who may repair a ticket whose stored file holds a value the schema
    /// does not know (a hand edit that got past the gates): the people who
    /// already answer for the desk's data.
    public static let repairRoles = ["admin", "supervisor"]

    /// `gitdesk repair ID FIELD=VALUE... --reason S`: takes fields that hold
    /// a value the schema does not know (`status: bogus`, a field the schema
    /// lacks) to valid ones, logged with the reason. Only such fields: every
    /// valid value keeps its own command, so no rule can be skipped this way.
    /// Status repairs are logged with the usual `[status: FROM → TO]` marker,
    /// which the `transition` rule accepts from an unknown status (``TransitionAllowedRule``).
    public func repair(_ ticket: Ticket, values: [(key: String, value: String)], reason: String?, by person: Person,
                       at now: Timestamp) throws(WorkflowError) -> WorkflowResult {
        guard !values.isEmpty else { throw .missingValue(field: "FIELD=VALUE") }
        guard Self.repairRoles.contains(where: { person.has(role: $0) }) else {
            throw .roleNotAllowed(handle: person.handle, action: "repair", roles: Self.repairRoles)
        }
        guard let reason = reason?.trimmed(), !reason.isEmpty else { throw .reasonRequired(action: "repair") }
        var new = ticket
        var lines: [String] = []
        for (typedKey, typed) in values {
            let key = (try? schema.fieldKey(typed: typedKey)) ?? typedKey.trimmed()
            let old = ticket[key]
            guard storedProblem(key: key, value: old, ticket: ticket) != nil else {
                throw .invalidValue(field: key, problem: Message(.repairNothingUnknown, ["field": .text(key)]))
            }
            let value = typed.trimmed().isEmpty ? "" : ((try? schema.valueKey(typed: typed, of: key)) ?? typed.trimmed())
            if let newProblem = storedProblem(key: key, value: value.isEmpty ? nil : value, ticket: new) {
                throw .invalidValue(field: key, problem: newProblem)
            }
            new[key] = value.isEmpty ? nil : value
            if key == "status", let old {
                lines.append(WorkflowLog.statusChange(label: "修复", from: old, to: value, schema: schema))
            } else {
                lines.append("修复 (repair) \(key)=\(value.isEmpty ? "-" : value)")
            }
        }
        let text = lines.joined(separator: "\n") + "\n原因：" + reason.replacingNewlines()
        new.log.append(LogEntry(time: now, operator: person.handle, text: text))
        return try finish(old: ticket, new: new, by: person, summary: "repair " + values.map(\.key).joined(separator: ", "),
                          operation: "repair")
    }

    /// Why `value` cannot stand in field `key` (nil: it can). A field the
    /// schema lacks can only be removed; status must be one of the workflow's.
    func storedProblem(key: String, value: String?, ticket: Ticket) -> Message? {
        guard schema.field(key) != nil else {
            return value == nil ? nil : Message(.fieldNotInSchema, ["key": .text(key)])
        }
        guard let value else {
            return key == "status" ? Message(.missingValue, ["field": .text(key)]) : nil
        }
        return FieldValueCheck.check(key: key, value: value, schema: schema, team: team, ticketType: ticket["type"])
    }
}
