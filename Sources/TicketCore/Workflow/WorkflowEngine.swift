/// The workflow's operations: one function per command, each taking the
/// current ticket, the operator, the moment and the command's arguments, and
/// returning the changed ticket with a one-line summary, or throwing a
/// `WorkflowError` (nothing to write).
///
/// Pure: time is passed in, never read from the clock. Every operation
/// appends its own log entries and runs the `Validator` on the result, so
/// what the engine returns passes the same checks as the git hooks.
public struct WorkflowEngine: Sendable {
    public var schema: Schema
    /// The roster (routing's default assignees, assignee checks, log operators).
    public var team: Team
    public var validator: Validator
    /// False for the engine the write path runs: its ``ChangeBuilder``
    /// validates the stored (masked) version once, so the engine's own
    /// render, parse and validate would only repeat that work.
    public var validatesResults: Bool

    public init(schema: Schema, team: Team, validator: Validator = Validator(), validatesResults: Bool = true) {
        self.schema = schema; self.team = team; self.validator = validator; self.validatesResults = validatesResults
    }

    var workflow: WorkflowDefinition { schema.workflow }

    // MARK: Shared steps

    /// The key for a value typed into field `field` as its key or its zh/en
    /// label; an ambiguous label is refused with the choices.
    func typedValue(_ typed: String, of field: String) throws(WorkflowError) -> String {
        do { return try schema.valueKey(typed: typed, of: field) } catch {
            throw .invalidValue(field: field, problem: error.message)
        }
    }

    /// A status as errors carry it: its key (shown by its label when said).
    func describe(_ status: String) -> String {
        status  // messages show it by its label in the reader's language
    }

    /// The ticket's current status, which the workflow must know.
    func currentStatus(_ ticket: Ticket) throws(WorkflowError) -> String {
        guard let s = ticket.status, workflow.status(s) != nil else { throw .unknownStatus(ticket.status ?? "") }
        return s
    }

    /// Refuses an operator without one of the roles an operation that keeps
    /// the status needs (`assign`, `extend`, `approve`, `archive`, ...).
    func require(_ operation: String, _ person: Person, automatic: Bool = false) throws(WorkflowError) {
        if workflow.permits(operation, person) { return }
        if automatic, workflow.permits("sweep", person) { return }
        throw .roleNotAllowed(handle: person.handle, action: operation, roles: workflow.roles(for: operation) ?? [])
    }

    /// Makes one transition: checks role and reason, sets the status, logs
    /// it, records the first response and restarts the SLA where the table says so.
    func apply(_ transition: Transition, to ticket: inout Ticket, by person: Person, at now: Timestamp,
               reason: String?, detail: String? = nil, automatic: Bool = false) throws(WorkflowError) {
        let from = ticket.status ?? workflow.initial
        let action = transition.operation ?? "move to \(transition.to)"
        if !transition.allows(person) && !(automatic && workflow.permits("sweep", person)) {
            throw .roleNotAllowed(handle: person.handle, action: action, roles: transition.roles)
        }
        let reason = reason?.trimmed()
        if transition.reason && (reason ?? "").isEmpty { throw .reasonRequired(action: action) }
        ticket["status"] = transition.to
        var text = WorkflowLog.statusChange(label: transition.label(.zh), from: from, to: transition.to, schema: schema,
                                            detail: detail, reason: reason, automatic: automatic)
        if transition.restartSLA, let policy = schema.sla,
           let due = policy.resolveDue(from: now, priority: ticket["priority"]) {
            let old = ticket["due"]
            ticket["due"] = due.iso8601
            ticket["breached"] = nil
            text += "\n预计完成时间重新计算 " + WorkflowLog.dueMarker(from: old, to: due.iso8601)
        }
        ticket.log.append(LogEntry(time: now, operator: person.handle, text: text))
        if from == workflow.initial, ticket["responded"] == nil, !workflow.isTerminal(transition.to) {
            ticket["responded"] = now.iso8601
        }
    }

    /// Validates the result against the old version and wraps it up.
    ///
    /// Privacy findings are left to whoever stores the ticket: TicketStore's
    /// write path masks personal data first and then runs every rule, so a
    /// raw phone number typed into a command is masked, not refused.
    func finish(old: Ticket?, new: Ticket, by person: Person, summary: String,
                operation: String) throws(WorkflowError) -> WorkflowResult {
        guard validatesResults else { return WorkflowResult(ticket: new, summary: summary, operation: operation) }
        let errors = validate(old: old, new: new, author: person)
            .filter { $0.severity == .error && $0.rule != PrivacyRule().id }
        if let refusal = Self.refusal(errors, old: old, new: new) { throw refusal }
        return WorkflowResult(ticket: new, summary: summary, operation: operation)
    }

    /// The refusal a workflow operation gives for the validator's errors
    /// (nil when there are none): stored-value findings first.
    static func refusal(_ errors: [Finding], old: Ticket?, new: Ticket) -> WorkflowError? {
        let errors = errors.map { storedValueFinding($0, old: old, new: new) }
        guard !errors.isEmpty else { return nil }
        return .rejected(errors.sorted { $0.rule == "stored-value" && $1.rule != "stored-value" })
    }

    /// A field-value finding about a value the change did not touch blames the
    /// stored file (a hand edit that got past the gates), not what the user typed,
    /// and says how to repair it.
    static func storedValueFinding(_ finding: Finding, old: Ticket?, new: Ticket) -> Finding {
        guard ["field-value", "unknown-field"].contains(finding.rule), let field = finding.field,
              let old, let value = old[field], new[field] == value else { return finding }
        return Finding(file: finding.file, line: finding.line, rule: "stored-value", field: field,
                       Message(.storedValueUnknown, ["path": .text(finding.file), "field": .text(field),
                                                     "value": .text(Finding.redacted(String(value.prefix(80)))), "id": .text(old.id)]))
    }

    /// The validator's findings for a change, exactly as a hook would see it
    /// (the new version rendered and parsed, so line numbers are real).
    public func validate(old: Ticket?, new: Ticket, author: Person?) -> [Finding] {
        let text = TicketFile.render(new, layout: schema.layout)
        let parsed: ParsedTicket
        do { parsed = try TicketFile.parse(text) } catch {
            return [Finding(file: TicketPath.path(of: new) ?? new.id, line: error.line, rule: "format", message: error.description)]
        }
        let context = ValidationContext(schema: schema, team: team, path: TicketPath.path(of: new) ?? "\(new.id).md",
                                        old: old, new: parsed, author: author)
        return validator.validate(context)
    }
}
