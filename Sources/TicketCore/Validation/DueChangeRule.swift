/// `due-change`: the deadline (`due`) is set when the ticket is created and
/// moves only when a supervisor approves a pending extension (it becomes the
/// requested `extension_until`), when a transition with `restart_sla`
/// computes it afresh from the SLA policy, or when a priority change
/// recomputes it for the new priority (from when the clock started).
public struct DueChangeRule: ValidationRule {
    public let id = "due-change"
    public init() {}

    public func check(_ context: ValidationContext) -> [Finding] {
        guard let old = context.old else { return [] }
        let new = context.new.ticket
        guard old["due"] != new["due"] else { return [] }
        // An approved extension.
        if let requested = old["extension_until"], new["due"] == requested, new["extension_until"] == nil { return [] }
        let policy = context.schema.sla
        // A restart of the SLA clock.
        for step in context.statusSteps {
            guard context.schema.workflow.transition(from: step.from, to: step.to)?.restartSLA == true else { continue }
            if let due = policy?.resolveDue(from: step.entry.time, priority: new["priority"]), new["due"] == due.iso8601 { return [] }
        }
        // A priority change: the deadline follows the new priority, from when the clock started.
        if old["priority"] != new["priority"],
           let start = SLAClock.start(of: old, workflow: context.schema.workflow) ?? new.created,
           let due = policy?.resolveDue(from: start, priority: new["priority"]), new["due"] == due.iso8601 { return [] }
        // A deadline set for the first time, from the policy.
        if old["due"] == nil, let created = new.created,
           let due = policy?.resolveDue(from: created, priority: new["priority"]), new["due"] == due.iso8601 { return [] }
        return [context.finding(id, field: "due",
            Message(.dueChangedByHand, ["old": .text(old["due"] ?? "-"), "new": .text(new["due"] ?? "-")]))]
    }
}
