/// `transition`: a status change follows the workflow table. Each change is
/// logged with a `[status: FROM → TO]` marker, the markers chain from the
/// old status to the new one, and every step is a transition workflow.yaml allows.
///
/// A *repeated* step — one that does not start from the ticket's status but
/// repeats a step the old log already records (two people started work on
/// one ticket in two clones; a rebase replays the second onto the first) —
/// moves nothing: it is kept as who-did-what and skipped by the chain.
public struct TransitionAllowedRule: ValidationRule {
    public let id = "transition"
    public init() {}

    public func check(_ context: ValidationContext) -> [Finding] {
        let workflow = context.schema.workflow
        let steps = context.statusSteps
        let newStatus = context.new.ticket.status
        var expected = context.old?.status ?? steps.first?.from
        var findings: [Finding] = []
        let recorded = Set((context.old?.log ?? []).compactMap { WorkflowLog.statusChange(in: $0.text).map { "\($0.from)\u{1F}\($0.to)" } })
        for step in steps {
            if let e = expected, step.from != e, recorded.contains("\(step.from)\u{1F}\(step.to)"),
               workflow.transition(from: step.from, to: step.to) != nil {
                continue
            }
            if let e = expected, step.from != e {
                findings.append(context.finding(id, line: step.line, field: "status", Message(.logRecordsOtherStart, [
                    "from": .status(step.from), "to": .status(step.to), "was": .status(e)])))
            }
            if workflow.transition(from: step.from, to: step.to) == nil {
                let allowed = workflow.targets(from: step.from)
                findings.append(context.finding(id, line: step.line, field: "status", Message(.transitionNotAllowed, [
                    "from": .status(step.from), "to": .status(step.to),
                    "allowed": allowed.isEmpty ? .message(Message(.listNoneFinal)) : .statuses(allowed)])))
            }
            expected = step.to
        }
        if let old = context.old, old.status != newStatus, steps.isEmpty {
            findings.append(context.finding(id, field: "status", Message(.statusChangedWithoutLog, [
                "from": .text(old.status ?? "-"), "to": .text(newStatus ?? "-")])))
        } else if let e = expected, !steps.isEmpty, e != newStatus {
            findings.append(context.finding(id, field: "status", Message(.logEndsElsewhere, [
                "status": .status(e), "ticket": .text(newStatus ?? "-")])))
        }
        return findings
    }
}
