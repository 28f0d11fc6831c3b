/// `permission`: changes that keep the status are made by the roles
/// workflow.yaml's `permissions` name — archiving (`archive`), asking for an
/// extension (`extend`), deciding on one (`approve`), reassigning (`assign`),
/// changing a recorded ticket's priority (`priority`).
public struct PermissionRule: ValidationRule {
    public let id = "permission"
    public init() {}

    public func check(_ context: ValidationContext) -> [Finding] {
        guard let old = context.old, let author = context.author else { return [] }
        let new = context.new.ticket
        let automatic = context.addedEntries.contains { WorkflowLog.isAutomatic($0.entry.text) }
        var checks: [(String, String)] = []
        if old["archived"] == nil, new["archived"] != nil { checks.append(("archive", "archived")) }
        if new["extension_until"] != nil, new["extension_until"] != old["extension_until"] { checks.append(("extend", "extension_until")) }
        if old["extension_until"] != nil, new["extension_until"] == nil { checks.append(("approve", "extension_until")) }
        if old["assignee"] != new["assignee"], new["assignee"] != nil { checks.append(("assign", "assignee")) }
        // A new priority moves the deadline: a supervisor's call (a reopen may set one with its transition).
        if old["priority"] != nil, old["priority"] != new["priority"], context.statusSteps.isEmpty {
            checks.append(("priority", "priority"))
        }
        return checks.compactMap { op, field in
            context.authorPermitted(op, automatic: automatic) ? nil : context.finding(id, field: field, Message(.roleNotAllowed, [
                "handle": .text(author.handle), "operation": .operation(op), "roles": .roles(context.schema.workflow.roles(for: op) ?? [])]))
        }
    }
}
