/// `born`: a ticket file that a change adds starts where `gitdesk new`
/// starts it — in the workflow's initial status (or one step from it that
/// the author's roles allow, logged with its `[status: A → B]` marker), by
/// someone who may `create`, and without the fields only later steps fill
/// (satisfaction, root cause, solution, archived...). Otherwise anyone could
/// hand-write a ticket that is born closed and rated, skipping every
/// transition and role check. Authors holding the `import` permission
/// (workflow.yaml; admins when it is not listed) may add tickets with their
/// history, e.g. legacy records.
public struct BornTicketRule: ValidationRule {
    public let id = "born"
    public init() {}

    /// Fields that only a later operation fills; a new ticket leaves them empty.
    public static let laterFields = [
        "responded", "breached", "extension_until", "extension_reason", "extension_by", "confirmation",
        "satisfaction", "archived", "root_cause", "solution", "compensation", "feedback",
    ]

    public func check(_ context: ValidationContext) -> [Finding] {
        guard context.old == nil else { return [] }
        let workflow = context.schema.workflow
        let ticket = context.new.ticket
        if let author = context.author {
            let importers = workflow.roles(for: "import") ?? ["admin"]
            if importers.contains(where: author.has(role:)) { return [] }
        }
        var findings: [Finding] = []
        if let author = context.author, !workflow.permits("create", author) {
            findings.append(context.finding(id, field: "id",
                Message(.roleNotAllowed, ["handle": .text(author.handle), "operation": .operation("create"), "roles": .roles(workflow.roles(for: "create") ?? [])])))
        }
        let steps = context.statusSteps
        let status = ticket.status ?? ""
        if status != workflow.initial {
            let oneStep = steps.count == 1 && steps[0].from == workflow.initial && steps[0].to == status
            let allowed = oneStep && (workflow.transition(from: workflow.initial, to: status).map { t in
                context.author.map { t.allows($0) } ?? false
            } ?? false)
            if !allowed {
                findings.append(context.finding(id, field: "status",
                    Message(.bornStatus, ["initial": .status(workflow.initial), "status": .status(status.isEmpty ? "-" : status)])))
            }
        } else if !steps.isEmpty {
            findings.append(context.finding(id, line: steps[0].line, field: "status",
                Message(.bornWithStep, ["from": .status(steps[0].from), "to": .status(steps[0].to)])))
        }
        for key in Self.laterFields where ticket[key] != nil && context.schema.field(key) != nil {
            findings.append(context.finding(id, field: key,
                Message(.bornFieldTooEarly, ["field": .field(key)])))
        }
        return findings
    }
}
