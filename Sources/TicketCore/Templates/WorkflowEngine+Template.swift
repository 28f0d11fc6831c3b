extension WorkflowEngine {
    /// `gitdesk resolve ID --template T`: resolve with a template of the
    /// library. The solution is the template's steps (unless `solution` is
    /// given), the root cause the template's when the ticket has none yet
    /// (or `rootCause`), the feedback to the customer its wording when none
    /// is recorded; the log names the template used. A major template not
    /// approved as it stands is refused, so is a template of another type than
    /// the ticket's (unless `force`) and text that would keep a placeholder
    /// (`〔客户〕`) no `fill` value replaces.
    public func resolve(_ ticket: Ticket, template: SolutionTemplate, solution: String? = nil, rootCause: String? = nil,
                        fill: [String: String] = [:], force: Bool = false,
                        by person: Person, at now: Timestamp) throws(WorkflowError) -> WorkflowResult {
        func refuse(_ error: TemplateError) -> WorkflowError {
            .invalidValue(field: "--template", problem: error.message)
        }
        guard template.isUsable else {
            throw refuse(template.hasOldFormApproval ? .oldFormApproval(slug: template.slug) : .unapprovedMajor(slug: template.slug))
        }
        if !force, let type = template.type, let ticketType = ticket["type"], type != ticketType {
            throw refuse(.otherType(slug: template.slug, type: type, ticketType: ticketType))
        }
        var new = ticket
        let t = try named("resolve", ticket)
        new["solution"] = solution.flatMap { $0.trimmed().isEmpty ? nil : $0 } ?? template.steps
        if let rootCause, !rootCause.trimmed().isEmpty {
            new["root_cause"] = rootCause
        } else if new["root_cause"] == nil {
            new["root_cause"] = template.rootCause
        }
        if new["feedback"] == nil, !template.customerWording.trimmed().isEmpty { new["feedback"] = template.customerWording }
        var unfilled: [String] = []
        for key in ["solution", "root_cause", "feedback"] where new[key] != ticket[key] {
            guard var text = new[key] else { continue }
            for (name, value) in fill { text = text.replacing(TemplateScrub.placeholder(name), with: value) }
            new[key] = text
            for name in TemplateScrub.placeholders(in: text) where !unfilled.contains(name) { unfilled.append(name) }
        }
        if !unfilled.isEmpty { throw refuse(.unfilledPlaceholders(slug: template.slug, names: unfilled)) }
        try apply(t, to: &new, by: person, at: now, reason: nil,
                  detail: "套用解决方案模板 \(template.slug)《\(template.title)》 [template: \(template.slug)]")
        return try finish(old: ticket, new: new, by: person, summary: "resolve with template \(template.slug)", operation: "resolve")
    }
}
