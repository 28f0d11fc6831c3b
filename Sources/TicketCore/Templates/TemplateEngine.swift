/// The solution library's operations, pure: values in, the new template out.
/// TicketStore writes the result as one commit (``TemplateValidator`` judges it there).
public struct TemplateEngine: Sendable {
    public var schema: Schema

    public init(schema: Schema) { self.schema = schema }

    /// What an operation produced.
    public struct Change: Sendable {
        public var template: SolutionTemplate
        /// One line for the commit message.
        public var summary: String
        /// The `Operation:` trailer (`template-add`, ...).
        public var operation: String
        /// Customer data replaced by placeholders (kinds and masked forms only).
        public var removed: [TemplateScrub.Removal] = []
    }

    /// `template add`: a new template from typed fields (keys or labels).
    public func add(slug: String, values: [(key: String, value: String)], base: SolutionTemplate? = nil,
                    by person: Person, at now: Timestamp) throws(TemplateError) -> Change {
        guard TemplateFile.isValidSlug(slug) else { throw .invalidSlug(slug) }
        var t = base ?? SolutionTemplate()
        t.document.log = []
        for key in SolutionTemplate.approvalKeys + ["source"] { t[key] = nil }
        t["id"] = slug
        var removed = try set(&t, values)
        removed += scrub(&t)
        t.document.log.append(LogEntry(time: now, operator: person.handle, text: "新建模板"))
        return Change(template: t, summary: "add: \(t.title)", operation: "template-add", removed: removed)
    }

    /// `template edit`: new values and/or a whole edited file (`replacement`).
    /// Content changed on an approved template drops the approval (logged).
    public func edit(_ old: SolutionTemplate, values: [(key: String, value: String)], replacement: SolutionTemplate? = nil,
                     by person: Person, at now: Timestamp) throws(TemplateError) -> Change {
        var t = old
        if let replacement {
            for key in TemplateFields.editable { t[key] = replacement[key] }
            for key in replacement.document.fields.keys where !TemplateFile.knownFields.contains(key) {
                throw .unknownField(key)
            }
        }
        var removed = try set(&t, values)
        removed += scrub(&t)
        let roles = TemplateValidator.approverRoles(schema)
        if old.isMajor != t.isMajor, !roles.contains(where: person.has(role:)) {
            throw .majorNeedsApprover(slug: old.slug, handle: person.handle, roles: roles)
        }
        let changed = TemplateFields.editable.filter { old[$0] != t[$0] }
        var text = "修改：" + changed.map { TemplateFields.label($0, .zh) }.joined(separator: "、")
        if let approval = old.approval, old.content != t.content {
            for key in SolutionTemplate.approvalKeys { t[key] = nil }
            text += "\n原批准（\(approval.by)）随内容修改失效，需主管重新批准"
        }
        if !changed.isEmpty { t.document.log.append(LogEntry(time: now, operator: person.handle, text: text)) }
        return Change(template: t, summary: "edit \(changed.joined(separator: ", "))", operation: "template-edit", removed: removed)
    }

    /// `template approve`: a supervisor approves the content as it stands,
    /// unless they are among `contentAuthors` (who set the current content).
    public func approve(_ old: SolutionTemplate, contentAuthors: Set<String> = [], by person: Person, at now: Timestamp) throws(TemplateError) -> Change {
        let roles = TemplateValidator.approverRoles(schema)
        guard roles.contains(where: person.has(role:)) else { throw .notAllowed(handle: person.handle, roles: roles) }
        if contentAuthors.contains(person.handle) { throw .ownContent(slug: old.slug, handle: person.handle) }
        if old.isApproved, let a = old.approval { throw .alreadyApproved(slug: old.slug, by: a.by) }
        var t = old
        t["approved_by"] = person.handle
        t["approved_at"] = now.iso8601
        t["approved_hash"] = t.contentDigest
        t.document.log.append(LogEntry(time: now, operator: person.handle, text: old.isMajor ? "批准（重大方案）" : "批准"))
        return Change(template: t, summary: "approve", operation: "template-approve")
    }

    /// `template from ID`: a resolved or closed ticket's proven solution
    /// becomes a template: title, type, subtype, module, root cause, the
    /// solution as steps, what the customer was told (feedback, else the
    /// wording (left empty when the ticket has none: steps are internal,
    /// never the customer's reply; the command says so). The customer's contact, ID
    /// and name are never copied, their values in the texts become 〔客户〕
    /// (any case, full-width folded) and any contact data a placeholder.
    public func from(ticket: Ticket, slug: String, values: [(key: String, value: String)],
                     by person: Person, at now: Timestamp) throws(TemplateError) -> Change {
        guard TemplateFile.isValidSlug(slug) else { throw .invalidSlug(slug) }
        let status = ticket.status ?? "?"
        guard ["resolved", "closed", "follow_up"].contains(status) else { throw .ticketNotResolved(id: ticket.id, status: status) }
        guard let solution = ticket["solution"] else { throw .ticketLacks(id: ticket.id, field: "solution (解决方案)") }
        var t = SolutionTemplate()
        t["id"] = slug
        for key in ["title", "type", "subtype", "module", "root_cause"] { t[key] = ticket[key] }
        t["steps"] = solution
        t["customer_wording"] = ticket["feedback"]
        t["source"] = ticket.id
        var removed = try set(&t, values)
        guard t["root_cause"] != nil else { throw .ticketLacks(id: ticket.id, field: "root_cause (根因分析); give one with root_cause=…") }
        let customer = [ticket["contact"], ticket["customer_id"], ticket["submitter"]].compactMap { $0 }.filter { $0 != "匿名用户" }
        removed += scrub(&t, customerValues: customer)
        t.document.log.append(LogEntry(time: now, operator: person.handle, text: "新建模板，来自工单 \(ticket.id)"))
        return Change(template: t, summary: "from \(ticket.id): \(t.title)", operation: "template-from", removed: removed)
    }

    /// Sets typed fields; enum values may be typed by label.
    func set(_ t: inout SolutionTemplate, _ values: [(key: String, value: String)]) throws(TemplateError) -> [TemplateScrub.Removal] {
        for (typedKey, value) in values {
            guard let key = TemplateFields.key(typed: typedKey) else { throw .unknownField(typedKey) }
            guard TemplateFields.editable.contains(key) else { throw .notEditable(key) }
            switch key {
            case "type", "subtype":
                if value.trimmed().isEmpty { t[key] = nil; continue }
                do { t[key] = try schema.valueKey(typed: value, of: key) } catch {
                    throw .invalidValue(field: key, problem: error.message)
                }
            case "major":
                switch value.trimmed().lowercased() {
                case "true", "yes", "是", "1": t[key] = "true"
                case "false", "no", "否", "0", "": t[key] = nil
                default: throw .invalidValue(field: "major", problem: Message(.notTrueOrFalse, ["value": .text(value)]))
                }
            case "tags": t[key] = SolutionTemplate.tagsText(SolutionTemplate.tags(value))
            default: t[key] = value
            }
        }
        return []
    }

    /// Replaces customer data in every text field by placeholders.
    func scrub(_ t: inout SolutionTemplate, customerValues: [String] = []) -> [TemplateScrub.Removal] {
        var removed: [TemplateScrub.Removal] = []
        for key in TemplateFields.editable {
            guard let value = t[key] else { continue }
            let r = TemplateScrub.scrub(value, field: key, customerValues: customerValues, options: schema.privacy.scanOptions)
            if !r.removed.isEmpty { t[key] = r.text; removed += r.removed }
        }
        return removed
    }
}
