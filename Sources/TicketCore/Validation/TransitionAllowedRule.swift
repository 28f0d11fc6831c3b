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
            // A repair: the stored status is one the workflow does not know
            // (a hand edit that got past the gates) and the step leads to one it
            // knows. No table row can allow it; an admin or supervisor may, with a reason.
            if let old = context.old, old.status == step.from, step.from == expected,
               workflow.status(step.from) == nil, workflow.status(step.to) != nil {
                findings += repairFindings(context, line: step.line, reason: WorkflowLog.reason(in: step.entry.text))
                expected = step.to
                continue
            }
            if workflow.transition(from: step.from, to: step.to) == nil {
                let allowed = workflow.targets(from: step.from)
                findings.append(context.finding(id, line: step.line, field: "status", Message(.transitionNotAllowed, [
                    "from": .status(step.from), "to": .status(step.to),
                    "allowed": allowed.isEmpty ? .message(Message(.listNoneFinal)) : .statuses(allowed)])))
            }
            expected = step.to
        }
        if let old = context.old, old.status != newStatus, steps.isEmpty,
           let from = old.status, workflow.status(from) == nil, let to = newStatus, to == Self.loggedStatus(of: context.new.ticket, workflow) {
            // `git revert` of a hand edit: back to the status the log records, by an admin or supervisor.
            findings += repairFindings(context, line: context.new.line(of: "status"), reason: "revert")
        } else if let old = context.old, old.status != newStatus, steps.isEmpty {
            findings.append(context.finding(id, field: "status", Message(.statusChangedWithoutLog, [
                "from": .text(old.status ?? "-"), "to": .text(newStatus ?? "-")])))
        } else if let e = expected, !steps.isEmpty, e != newStatus {
            findings.append(context.finding(id, field: "status", Message(.logEndsElsewhere, [
                "status": .status(e), "ticket": .text(newStatus ?? "-")])))
        }
        return findings
    }

    /// The status a ticket's log leads to: the last `[status: A → B]` marker's B, else the initial status.
    static func loggedStatus(of ticket: Ticket, _ workflow: WorkflowDefinition) -> String {
        ticket.log.reversed().lazy.compactMap { WorkflowLog.statusChange(in: $0.text)?.to }.first ?? workflow.initial
    }

    /// A repair needs an admin or supervisor (``WorkflowEngine/repairRoles``) and a reason.
    private func repairFindings(_ context: ValidationContext, line: Int, reason: String?) -> [Finding] {
        var findings: [Finding] = []
        if let author = context.author, !WorkflowEngine.repairRoles.contains(where: { author.has(role: $0) }) {
            findings.append(context.finding(id, line: line, field: "status", Message(.repairNeedsRole, [
                "handle": .text(author.handle), "roles": .roles(WorkflowEngine.repairRoles)])))
        }
        if reason == nil {
            findings.append(context.finding(id, line: line, field: "log", Message(.repairNeedsReason)))
        }
        return findings
    }
}
