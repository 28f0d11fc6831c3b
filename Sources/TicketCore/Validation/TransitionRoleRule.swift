/// `transition-role`: the author of a status change holds one of the roles
/// workflow.yaml allows for that transition (a change `gitdesk sweep` made,
/// marked `[auto]`, needs the `sweep` permission instead). A file added
/// with its history (an import) is checked against each entry's operator.
public struct TransitionRoleRule: ValidationRule {
    public let id = "transition-role"
    public init() {}

    public func check(_ context: ValidationContext) -> [Finding] {
        guard let author = context.author else { return [] }
        let workflow = context.schema.workflow
        return context.statusSteps.compactMap { step in
            guard let t = workflow.transition(from: step.from, to: step.to) else { return nil }
            let author = context.old == nil ? (context.team?.person(step.entry.operator) ?? author) : author
            if t.allows(author) { return nil }
            if WorkflowLog.isAutomatic(step.entry.text), workflow.permits("sweep", author) { return nil }
            return context.finding(id, line: step.line, field: "status", Message(.transitionRoleNotAllowed, [
                "handle": .text(author.handle), "has": .heldRoles(author.roles), "from": .status(step.from), "to": .status(step.to),
                "roles": .roles(t.roles)]))
        }
    }
}
