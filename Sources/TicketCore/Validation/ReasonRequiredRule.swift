/// `reason`: a transition workflow.yaml marks `reason: true` (reject,
/// reopen, invalid, needs_info) is logged with a reason line `原因：…`.
public struct ReasonRequiredRule: ValidationRule {
    public let id = "reason"
    public init() {}

    public func check(_ context: ValidationContext) -> [Finding] {
        let workflow = context.schema.workflow
        return context.statusSteps.compactMap { step in
            guard let t = workflow.transition(from: step.from, to: step.to), t.reason,
                  WorkflowLog.reason(in: step.entry.text) == nil else { return nil }
            return context.finding(id, line: step.line, field: "log", Message(.transitionNeedsReason, [
                "from": .status(step.from), "to": .status(step.to)]))
        }
    }
}
