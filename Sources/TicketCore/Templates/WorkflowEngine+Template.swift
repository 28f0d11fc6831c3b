extension WorkflowEngine {
    /// `gitdesk resolve ID --template T`: resolve with a template of the
    /// library. The solution is the template's steps (unless `solution` is
    /// given), the root cause the template's when the ticket has none yet
    /// (or `rootCause`), the feedback to the customer its wording when none
    /// is recorded; the log names the template used. A major template not
    /// approved as it stands is refused.
    public func resolve(_ ticket: Ticket, template: SolutionTemplate, solution: String? = nil, rootCause: String? = nil,
                        by person: Person, at now: Timestamp) throws(WorkflowError) -> WorkflowResult {
        guard template.isUsable else {
            throw .invalidValue(field: "--template", problem: Message(.verbatim, ["text": .text((template.hasOldFormApproval ? TemplateError.oldFormApproval(slug: template.slug) : TemplateError.unapprovedMajor(slug: template.slug)).description)]))
        }
        var new = ticket
        let t = try named("resolve", ticket)
        new["solution"] = solution.flatMap { $0.trimmed().isEmpty ? nil : $0 } ?? template.steps
        if let rootCause, !rootCause.trimmed().isEmpty {
            new["root_cause"] = rootCause
        } else if new["root_cause"] == nil {
            new["root_cause"] = template.rootCause
        }
        if new["feedback"] == nil { new["feedback"] = template.customerWording }
        try apply(t, to: &new, by: person, at: now, reason: nil,
                  detail: "套用解决方案模板 \(template.slug)《\(template.title)》 [template: \(template.slug)]")
        return try finish(old: ticket, new: new, by: person, summary: "resolve with template \(template.slug)", operation: "resolve")
    }
}
