/// Load-time checks of workflow.yaml and routing.yaml: every status, role,
/// operation, type and department they name exists, naming the file and line
/// of the first problem.
enum WorkflowChecks {
    /// Operations that keep the status and may appear under `permissions`.
    static let permissionOperations: Set<String> = ["create", "assign", "contact", "extend", "approve", "archive", "sweep", "delete", "backdate", "priority"]

    static func check(_ w: WorkflowDefinition, schema: Schema, file: YAMLFile) throws(ConfigurationError) {
        func fail(_ path: [YAMLFile.PathComponent], _ message: Message) -> ConfigurationError {
            ConfigurationError(file: file.name, line: file.line(at: path), message)
        }
        let statusKeys = w.statuses.map(\.key)
        let roleKeys = w.roles.map(\.key)
        func knownStatus(_ s: String, _ path: [YAMLFile.PathComponent], _ what: MessageKey) throws(ConfigurationError) {
            guard w.status(s) != nil else {
                throw fail(path, Message(.workflowNotAStatus, ["what": .message(Message(what)), "value": .text(s), "allowed": .texts(statusKeys)]))
            }
        }
        func knownRoles(_ roles: [String], _ path: [YAMLFile.PathComponent]) throws(ConfigurationError) {
            for (i, r) in roles.enumerated() where !roleKeys.contains(r) {
                throw fail(path + [.index(i)], Message(.workflowNotARole, ["value": .text(r), "allowed": .texts(roleKeys)]))
            }
        }
        var pairs = Set<String>()
        for (i, t) in w.transitions.enumerated() {
            let path: [YAMLFile.PathComponent] = ["transitions", .index(i)]
            guard !t.from.isEmpty else { throw fail(path + ["from"], Message(.workflowNeedsFrom)) }
            for (j, s) in t.from.enumerated() { try knownStatus(s, path + ["from", .index(j)], .workflowTransitionSource) }
            try knownStatus(t.to, path + ["to"], .workflowTransitionTarget)
            guard !t.roles.isEmpty else { throw fail(path + ["roles"], Message(.workflowNeedsRole)) }
            try knownRoles(t.roles, path + ["roles"])
            for s in t.from {
                guard pairs.insert(s + "→" + t.to).inserted else {
                    throw fail(path, Message(.workflowTransitionTwice, ["from": .text(s), "to": .text(t.to)]))
                }
                if let op = t.operation,
                   w.transitions[..<i].contains(where: { $0.operation == op && $0.from.contains(s) }) {
                    throw fail(path + ["operation"], Message(.workflowOperationTwice, ["operation": .text(op), "from": .text(s)]))
                }
            }
        }
        for (op, roles) in w.permissions {
            guard permissionOperations.contains(op) else {
                throw fail(["permissions", .key(op)],
                           Message(.workflowNotPermission, ["value": .text(op), "allowed": .texts(permissionOperations.sorted())]))
            }
            try knownRoles(roles, ["permissions", .key(op)])
        }
        for (i, a) in w.automation.enumerated() {
            let path: [YAMLFile.PathComponent] = ["automation", .index(i)]
            guard ["confirm", "close", "archive"].contains(a.operation) else {
                throw fail(path + ["operation"], Message(.workflowSweepOperation, ["value": .text(a.operation)]))
            }
            guard Duration.parse(a.after) != nil else {
                throw fail(path + ["after"], Message(.workflowBadAfter, ["value": .text(a.after)]))
            }
            for (j, s) in a.in.enumerated() {
                try knownStatus(s, path + ["in", .index(j)], .workflowAutomationStatus)
                if a.operation != "archive", w.transition(operation: a.operation, from: s) == nil {
                    throw fail(path + ["in", .index(j)], Message(.workflowNoTransitionFrom, ["operation": .text(a.operation), "from": .text(s)]))
                }
            }
        }
    }

    static func check(_ r: RoutingTable, schema: Schema, file: YAMLFile) throws(ConfigurationError) {
        let types = schema.values(of: "type").map(\.key)
        let departments = schema.values(of: "department").map(\.key)
        let priorities = schema.values(of: "priority").map(\.key)
        func department(_ d: String, _ path: [YAMLFile.PathComponent]) throws(ConfigurationError) {
            guard departments.contains(d) else {
                throw ConfigurationError(file: file.name, line: file.line(at: path),
                                         Message(.notADepartment, ["value": .text(d), "allowed": .values(enumName: "department", keys: departments)]))
            }
        }
        for (type, d) in r.byType {
            guard types.contains(type) else {
                throw ConfigurationError(file: file.name, line: file.line(at: ["by_type", .key(type)]),
                                         Message(.notATicketType, ["value": .text(type), "allowed": .values(enumName: "type", keys: types)]))
            }
            try department(d, ["by_type", .key(type)])
        }
        if let d = r.defaultDepartment { try department(d, ["default_department"]) }
        if let g = r.greenChannel {
            try department(g.department, ["green_channel", "department"])
            for (i, p) in g.priorities.enumerated() where !priorities.contains(p) {
                throw ConfigurationError(file: file.name, line: file.line(at: ["green_channel", "priorities", .index(i)]),
                                         Message(.notAPriority, ["value": .text(p), "allowed": .values(enumName: "priority", keys: priorities)]))
            }
        }
        for d in r.defaultAssignee.keys { try department(d, ["default_assignee", .key(d)]) }
    }
}
