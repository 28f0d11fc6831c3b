/// `step-field`: a field a workflow step owns changes only together with the
/// log entry that step writes (the engine's markers, ``WorkflowLog``), so a
/// hand edit cannot re-rate a closed ticket, drop its breach or reassign it
/// silently. Who may take the step is the `permission` and `transition-role`
/// rules' question; `status` is the `transition` rule's and `due` the
/// `due-change` rule's.
///
/// | field | may change only |
/// |---|---|
/// | satisfaction, confirmation | set by a `confirm` status step (a rating the entry's `评分 N★` names), cleared by `reopen` |
/// | archived | set with the `[archived]` entry, cleared by `reopen` |
/// | breached | set by sweep's overdue entry (`[auto]`, sweep permission), cleared when `due` moves (a `[due: …]` entry) |
/// | assignee, department | with the assign entry (`[assignee: OLD → NEW]`, NEW the new assignee) |
/// | responded | set once, at the time of the first contact or the first step out of the initial status; moved only earlier, to such a contact or step carried in by a rebase |
/// | extension_until/_reason/_by | set together with the `申请延期：` entry (extension_by its author), cleared with approve or reject |
public struct StepFieldRule: ValidationRule {
    public let id = "step-field"
    public init() {}

    public func check(_ context: ValidationContext) -> [Finding] {
        guard let old = context.old else { return [] }
        let new = context.new.ticket
        let added = context.addedEntries.map(\.entry)
        let steps = context.statusSteps
        let workflow = context.schema.workflow
        func operation(_ s: StatusStep) -> String? { workflow.transition(from: s.from, to: s.to)?.operation }
        let confirm = steps.first { operation($0) == "confirm" }
        let reopen = steps.contains { operation($0) == "reopen" }
        func changed(_ key: String) -> Bool { old[key] != new[key] }
        var findings: [Finding] = []
        func refuse(_ key: String, _ how: String) {
            findings.append(context.finding(id, field: key,
                "\(key) changed from \(old[key] ?? "-") to \(new[key] ?? "-") without its step: \(how)"))
        }

        for key in ["satisfaction", "confirmation"] where changed(key) {
            if new[key] == nil ? reopen : confirm != nil { continue }
            refuse(key, "it is set by gitdesk confirm (cleared by reopen)")
        }
        if let confirm, changed("satisfaction"), let rating = new["satisfaction"], !confirm.entry.text.contains("评分 \(rating)★") {
            refuse("satisfaction", "the confirm entry records another rating")
        }
        if changed("archived") {
            let ok = new["archived"] == nil ? reopen : old["archived"] == nil && added.contains { $0.text.contains(WorkflowLog.archivedMarker) }
            if !ok { refuse("archived", "it is set by gitdesk archive (or sweep), cleared by reopen") }
        }
        if changed("breached") {
            let ok: Bool
            if new["breached"] == nil {
                ok = added.contains { $0.text.contains(WorkflowLog.duePrefix) }
            } else {
                ok = old["breached"] == nil && added.contains {
                    $0.text.hasPrefix(WorkflowLog.overduePrefix) && WorkflowLog.isAutomatic($0.text)
                } && (context.author.map { workflow.permits("sweep", $0) } ?? true)
            }
            if !ok { refuse("breached", "sweep flags a missed deadline; it clears only when the deadline moves (approve, restart)") }
        }
        if changed("assignee") || changed("department") {
            let marker = "\(WorkflowLog.assigneePrefix)\(old["assignee"] ?? "-")\(WorkflowLog.arrow)\(new["assignee"] ?? "-")]"
            if !added.contains(where: { $0.text.contains(marker) }) {
                refuse(changed("assignee") ? "assignee" : "department", "use gitdesk assign ID HANDLE [--department D]")
            }
        }
        if changed("responded") {
            let firstStep = steps.first { $0.from == workflow.initial }
            let contactTimes = new.contacts.dropFirst(old.contacts.count).map(\.time.iso8601)
            let answered = new["responded"].map { r in contactTimes.contains(r) || firstStep?.entry.time.iso8601 == r } ?? false
            // Set once; or moved earlier by a first response made concurrently
            // in another clone and carried in by a rebase (a repeated first step).
            var earlier = false
            if let was = old["responded"].flatMap({ Timestamp.parse($0) }), let now = new["responded"].flatMap({ Timestamp.parse($0) }) {
                earlier = now.seconds < was.seconds
            }
            let ok = answered && (old["responded"] == nil || earlier)
            if !ok { refuse("responded", "it is the time of the first response (a contact or the first step), set once") }
        }
        let extensionKeys = ["extension_until", "extension_reason", "extension_by"]
        if let key = extensionKeys.first(where: changed) {
            let ok: Bool
            if extensionKeys.allSatisfy({ new[$0] == nil }) {
                ok = added.contains { $0.text.hasPrefix(WorkflowLog.approvePrefix) || $0.text.hasPrefix(WorkflowLog.rejectPrefix) }
            } else {
                ok = extensionKeys.allSatisfy { new[$0] != nil } && old["extension_until"] == nil
                    && (context.author.map { new["extension_by"] == $0.handle } ?? true)
                    && added.contains { $0.text.hasPrefix(WorkflowLog.extendPrefix) }
            }
            if !ok { refuse(key, "use gitdesk extend (then a supervisor's gitdesk approve)") }
        }
        return findings
    }
}
