extension WorkflowEngine {
    /// `gitdesk assign ID HANDLE [--department D]`: names the handler (处理人)
    /// and the responsible department (the handler's own department unless given).
    public func assign(_ ticket: Ticket, to handle: String, department: String? = nil, by person: Person,
                       at now: Timestamp) throws(WorkflowError) -> WorkflowResult {
        try require("assign", person)
        _ = try currentStatus(ticket)
        guard let assignee = team.person(handle) else { throw .notOnRoster(handle: handle) }
        let department = try department.map { typed throws(WorkflowError) in try typedValue(typed, of: "department") }
        let departments = schema.values(of: "department").map(\.key)
        if let department, !departments.contains(department) {
            throw .unknownValue(field: "department", value: department, allowed: departments)
        }
        let newDepartment = department ?? assignee.department.flatMap({ departments.contains($0) ? $0 : nil })
        if ticket["assignee"] == handle, newDepartment == nil || ticket["department"] == newDepartment {
            throw .nothingToChange("\(ticket.id) is already assigned to \(handle)")
        }
        var new = ticket
        new["assignee"] = handle
        if let d = newDepartment {
            new["department"] = d
        }
        var text = "分派给 \(handle)（\(assignee.name)）"
        if let d = new["department"] { text += "，责任部门 \(label("department", d))" }
        text += " \(WorkflowLog.assigneePrefix)\(ticket["assignee"] ?? "-") → \(handle)]"
        new.log.append(LogEntry(time: now, operator: person.handle, text: text))
        return try finish(old: ticket, new: new, by: person, summary: "assign \(handle)", operation: "assign")
    }
}
