extension WorkflowEngine {
    /// Fields a workflow step owns, with the command that changes them: `set`
    /// refuses them, so the step's rules (who may, what else changes with it)
    /// always apply.
    public static let fieldsOwnedBySteps: [String: String] = [
        "status": "gitdesk move ID STATUS (or resolve, confirm, close, reopen, invalid)",
        "satisfaction": "gitdesk confirm ID --rating 1..5",
        "confirmation": "gitdesk confirm ID",
        "due": "gitdesk extend ID --until TIME --reason S, then a supervisor's gitdesk approve ID",
        "archived": "gitdesk archive ID",
        "assignee": "gitdesk assign ID HANDLE (it sets the department too)",
        "department": "gitdesk assign ID HANDLE --department D",
    ]

    /// `gitdesk set ID FIELD=VALUE...`: plain fields, checked against the
    /// schema. A field a workflow step owns is refused with the command to
    /// use; a priority change recomputes the resolution deadline from the
    /// SLA policy (from when the clock started) and logs both changes.
    /// `readTime` reads a date-time typed without an offset (`2026-12-01
    /// 12:00`) in the desk's zone; date-time fields are stored in ISO 8601.
    public func set(_ ticket: Ticket, values: [(key: String, value: String)], by person: Person,
                    at now: Timestamp, readTime: (String) -> Timestamp? = { Timestamp.parse($0) }) throws(WorkflowError) -> WorkflowResult {
        guard !values.isEmpty else { throw .missingValue(field: "FIELD=VALUE") }
        var new = ticket
        var changed: [String] = []
        // Fields and values may be typed as keys or as their zh / en labels (`备注=…`, `priority=高`).
        var resolved: [(key: String, value: String)] = []
        for (typedKey, typedValue) in values {
            do {
                let key = try schema.fieldKey(typed: typedKey)
                var value = typedValue.trimmed().isEmpty ? "" : try schema.valueKey(typed: typedValue, of: key)
                if schema.field(key)?.type == .datetime, !value.isEmpty, let time = readTime(value) { value = time.iso8601 }
                resolved.append((key, value))
            } catch {
                throw .invalidValue(field: typedKey, problem: error.message)
            }
        }
        let type = resolved.last { $0.key == "type" }?.value ?? ticket["type"]
        for (key, raw) in resolved {
            guard let field = schema.field(key) else {
                throw .unknownField(key: key, fields: schema.fields
                    .filter { $0.system != true && Self.fieldsOwnedBySteps[$0.key] == nil }.map(\.key))
            }
            if let command = Self.fieldsOwnedBySteps[key] { throw .ownedByStep(field: key, command: command) }
            if field.system == true { throw .ownedByStep(field: key, command: "gitdesk itself (no command sets it)") }
            let value = raw.trimmed()
            if !value.isEmpty, let problem = FieldValueCheck.check(key: key, value: value, schema: schema,
                                                                  team: team, ticketType: type) {
                throw .invalidValue(field: key, problem: problem)
            }
            let normalised = value.isEmpty ? nil : Ticket.normalise(value)
            guard new[key] != normalised else { continue }
            new[key] = value.isEmpty ? nil : value
            if !changed.contains(key) { changed.append(key) }
        }
        guard !changed.isEmpty else { throw .nothingToChange("\(ticket.id) already has these values") }
        if changed.contains("priority"), ticket["priority"] != nil { try require("priority", person) }
        // Long texts by name only; contact details by name only too: the value
        // typed is raw until the write path masks the field (never in the log).
        let shown = changed.map { key in
            [.longtext, .contact].contains(schema.field(key)?.type) ? key : "\(key)=\(new[key] ?? "")"
        }
        var text = "修改 (set) " + shown.joined(separator: ", ")
        if changed.contains("priority"), let policy = schema.sla, ticket["due"] != nil || ticket["priority"] != nil,
           let start = SLAClock.start(of: ticket, workflow: workflow) ?? ticket.created,
           let due = policy.resolveDue(from: start, priority: new["priority"]), new["due"] != due.iso8601 {
            let old = new["due"]
            new["due"] = due.iso8601
            new["breached"] = nil
            text += "\n优先级变更，预计完成时间重新计算 " + WorkflowLog.dueMarker(from: old, to: due.iso8601)
        }
        new.log.append(LogEntry(time: now, operator: person.handle, text: text))
        return try finish(old: ticket, new: new, by: person, summary: "set " + shown.joined(separator: ", "),
                          operation: "set")
    }
}
