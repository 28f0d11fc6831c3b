extension WorkflowEngine {
    /// `gitdesk new`: a ticket in the initial status, created now, routed
    /// (department, default assignee, green channel for urgent tickets), with
    /// `due` from the SLA policy and a first log entry.
    ///
    /// `fields` holds what the agent recorded (`type`, `channel`, `title`,
    /// `priority`, `description`, ...); a `department` or `assignee` given
    /// there wins over routing. `id` comes from `TicketID.generate`.
    public func create(id: String, fields: [String: String], by person: Person,
                       at now: Timestamp) throws(WorkflowError) -> WorkflowResult {
        try require("create", person)
        var ticket = Ticket(fields: fields)
        for key in fields.keys where schema.field(key)?.system == true {
            ticket[key] = nil
        }
        ticket["id"] = id
        ticket["created"] = now.iso8601
        ticket["status"] = workflow.initial
        var notes: [String] = []
        let route = schema.routing.route(type: ticket["type"], priority: ticket["priority"], team: team)
        if ticket["department"] == nil, let d = route.department { ticket["department"] = d }
        if ticket["assignee"] == nil, let a = route.assignee, ticket["department"] == route.department {
            ticket["assignee"] = a
        }
        if route.greenChannel, ticket["collaborators"] == nil, !route.collaborators.isEmpty {
            ticket["collaborators"] = route.collaborators.joined(separator: ", ")
        }
        if let p = ticket["priority"], let due = schema.sla?.resolveDue(from: now, priority: p) {
            ticket["due"] = due.iso8601
        }
        notes.append("登记：\(label("type", ticket["type"]))，\(label("priority", ticket["priority"]))，渠道 \(label("channel", ticket["channel"]))")
        if let d = ticket["department"] {
            var route = "分派 \(label("department", d))"
            if let a = ticket["assignee"] { route += " / \(a)" }
            if let c = ticket["collaborators"] { route += "，协作 \(schema.label(value: c, of: "collaborators", .zh))" }
            notes.append(route)
        }
        if route.greenChannel { notes.append("绿色通道") }
        if let due = ticket["due"].flatMap({ Timestamp.parse($0) }) { notes.append("预计完成 \(due.shortDisplay)") }
        ticket.log.append(LogEntry(time: now, operator: person.handle, text: notes.joined(separator: "；")))
        return try finish(old: nil, new: ticket, by: person, summary: "new \(ticket["type"] ?? "") \(ticket["title"] ?? "")",
                          operation: "new")
    }

    /// The Chinese label of a field's value (`-` when empty).
    func label(_ key: String, _ value: String?) -> String {
        guard let value else { return "-" }
        return schema.label(value: value, of: key, .zh)
    }
}
