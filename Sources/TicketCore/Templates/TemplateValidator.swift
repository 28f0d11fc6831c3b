/// The rules every version of a template file must follow, run before
/// gitdesk writes one, in the client hooks and in the server's pre-receive
/// (through ``CommitValidator`` in TicketStore). Pure: the caller reads the
/// bytes. Rules (each finding names its rule):
/// - `parse`: the file reads as a template (the ticket file format);
/// - `template-id`: `id` is the file's name, a valid slug;
/// - `required-field`: id, title, type, root_cause, steps, customer_wording;
/// - `template-field`: no field the template format does not know; type
///   and subtype are keys of the schema's enums; `major` is true or false;
/// - `template-pii`: no customer contact data, raw or masked
///   (``TemplateScrub/maskedContacts(in:)``; raw values also by
///   ``PIIScanner`` when `scanRawPII`: the commit gates scan every file
///   outside tickets/ already);
/// - `append-only`: the history log only grows, each new entry by the author;
/// - `template-approval`: an approval is complete and covers the content as
///   it stands (``SolutionTemplate/contentDigest``); it is written in its own
///   commit (the content unchanged) by its approver, who holds the
///   `template_approve` permission (workflow.yaml; supervisors by default).
///   So an edit of approved content must drop the approval, and nobody but a
///   supervisor can make a template look approved;
/// - `template-major`: only someone with that permission changes `major`
///   (either way), so an agent cannot switch an approved major plan off and
///   use changed steps unapproved: their edit leaves it major, unapproved;
/// - `control-character`: no control characters (ESC, BEL...) in any value,
///   as in tickets: a terminal showing the template would obey them.
public struct TemplateValidator: Sendable {
    public var schema: Schema
    /// The change's author; nil skips the author checks (a merge result).
    public var author: Person?
    public var scanRawPII: Bool

    public init(schema: Schema, author: Person?, scanRawPII: Bool = true) {
        self.schema = schema; self.author = author; self.scanRawPII = scanRawPII
    }

    /// The roles that may approve templates.
    public static func approverRoles(_ schema: Schema) -> [String] {
        schema.workflow.roles(for: "template_approve") ?? ["supervisor"]
    }

    /// Findings for one file version: `old` nil when the change adds it.
    public func validate(path: String, old: [UInt8]?, new bytes: [UInt8]) -> [Finding] {
        let parsed: ParsedTicket
        do { parsed = try TemplateFile.parse(bytes: bytes).lines } catch {
            return [Finding(file: path, line: error.line, rule: "parse", message: "not a template file: \(error.description)")]
        }
        let oldTemplate = old.flatMap { try? TemplateFile.parse(bytes: $0).template }
        return validate(path: path, old: oldTemplate, new: SolutionTemplate(parsed.ticket), lines: parsed)
    }

    /// Findings for a template already read.
    public func validate(path: String, old: SolutionTemplate?, new t: SolutionTemplate, lines: ParsedTicket) -> [Finding] {
        var findings: [Finding] = []
        func add(_ rule: String, _ field: String?, _ message: String) {
            findings.append(Finding(file: path, line: field.map { lines.line(of: $0) } ?? 1, rule: rule, field: field, message: message))
        }
        let fileSlug = TemplateFile.slug(fromPath: path) ?? ""
        if !TemplateFile.isValidSlug(fileSlug) {
            add("template-id", nil, "'\(fileSlug)' is not a template name: use lowercase letters, digits and '-' (templates/<name>.md)")
        } else if !t.slug.isEmpty, t.slug != fileSlug {
            add("template-id", "id", "the template's id '\(t.slug)' differs from its file name '\(fileSlug)': they must be the same")
        }
        for key in TemplateFile.required where t[key] == nil {
            add("required-field", nil, "template \(fileSlug): '\(key)' (\(schemaLabel(key))) is required")
        }
        let known = Set(TemplateFile.knownFields)
        for key in t.document.fields.keys.sorted() where !known.contains(key) {
            add("template-field", key, "template \(fileSlug): '\(key)' is not a template field (\(TemplateFile.knownFields.joined(separator: ", ")))")
        }
        for key in ["type", "subtype"] {
            guard let value = t[key], let name = schema.field(key)?.enumName else { continue }
            let keys = schema.values(of: name).map(\.key)
            if !keys.contains(value) {
                add("template-field", key, "template \(fileSlug): '\(value)' is not a \(key) (\(keys.joined(separator: ", ")))")
            }
        }
        // A subtype belongs to one type (fault → hardware), as in tickets.
        if let sub = t["subtype"], let type = t["type"], let name = schema.field("subtype")?.enumName,
           let parent = schema.values(of: name).first(where: { $0.key == sub })?.parent, parent != type {
            add("template-field", "subtype", "template \(fileSlug): the subtype '\(sub)' belongs to the type '\(parent)', not '\(type)'")
        }
        if let major = t["major"], major != "true", major != "false" {
            add("template-field", "major", "template \(fileSlug): major is true or false, not '\(major)'")
        }
        findings += controlCharacters(t, path: path, lines: lines)
        findings += privacy(t, path: path, lines: lines)
        findings += majorChange(old: old, new: t, path: path, lines: lines)
        findings += history(old: old, new: t, path: path)
        findings += approval(old: old, new: t, path: path, lines: lines)
        return findings
    }

    private func schemaLabel(_ key: String) -> String {
        switch key {
        case "steps": return "处理步骤"
        case "customer_wording": return "客户话术"
        case "tags": return "标签"
        case "major": return "重大方案"
        default: return schema.field(key)?.zh ?? key
        }
    }

    func privacy(_ t: SolutionTemplate, path: String, lines: ParsedTicket) -> [Finding] {
        var findings: [Finding] = []
        for key in t.document.fields.keys.sorted() {
            let value = t.document.fields[key]!
            if scanRawPII, let m = PIIScanner.scan(value, options: schema.privacy.scanOptions).first {
                findings.append(Finding(file: path, line: lines.line(of: key), rule: "template-pii", field: key,
                    message: "\(m.kind.zh) \(m.masked) in '\(key)': templates never carry a customer's contact data; write a placeholder such as 〔\(m.kind.zh)〕"))
            } else if let (range, kind) = TemplateScrub.maskedContacts(in: value).first {
                findings.append(Finding(file: path, line: lines.line(of: key), rule: "template-pii", field: key,
                    message: "\(kind) \(value[range]) in '\(key)': templates never carry a customer's contact data, masked or not; write a placeholder such as 〔\(kind)〕"))
            }
        }
        return findings
    }

    func controlCharacters(_ t: SolutionTemplate, path: String, lines: ParsedTicket) -> [Finding] {
        let texts = t.document.fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } + t.document.log.map { ("log", $0.text) }
        for (key, text) in texts {
            guard let (scalar, _, _) = ControlCharacters.first(in: text) else { continue }
            return [Finding(file: path, line: key == "log" ? 1 : lines.line(of: key), rule: "control-character", field: key == "log" ? nil : key,
                            message: "template \(TemplateFile.slug(fromPath: path) ?? path): '\(key)' holds the control character \(ControlCharacters.name(scalar)); remove it (control characters other than tab and line feed are refused)")]
        }
        return []
    }

    /// Turning `major` on or off needs the approvers' permission.
    func majorChange(old: SolutionTemplate?, new t: SolutionTemplate, path: String, lines: ParsedTicket) -> [Finding] {
        guard let old, let author, old.isMajor != t.isMajor else { return [] }
        return Self.majorChangeFinding(path: path, line: lines.line(of: "major"), slug: t.slug, author: author, schema: schema).map { [$0] } ?? []
    }

    /// The `template-major` finding for `author` changing `major`, nil when they may.
    public static func majorChangeFinding(path: String, line: Int, slug: String, author: Person, schema: Schema) -> Finding? {
        let roles = approverRoles(schema)
        guard !roles.contains(where: author.has(role:)) else { return nil }
        return Finding(file: path, line: line, rule: "template-major", field: "major",
                       message: TemplateError.majorNeedsApprover(slug: slug, handle: author.handle, roles: roles).description)
    }

    /// The finding for an approval by someone who set the content approved (nil when they did not).
    public static func ownContentFinding(path: String, line: Int, slug: String, approver: String, authors: Set<String>) -> Finding? {
        guard authors.contains(approver) else { return nil }
        return Finding(file: path, line: line, rule: "template-approval", field: "approved_by",
                       message: TemplateError.ownContent(slug: slug, handle: approver).description)
    }

    func history(old: SolutionTemplate?, new t: SolutionTemplate, path: String) -> [Finding] {
        let oldLog = old?.document.log ?? []
        guard t.document.log.count >= oldLog.count, Array(t.document.log.prefix(oldLog.count)) == oldLog else {
            return [Finding(file: path, line: 1, rule: "append-only", message: "the template's log is append-only: entries may be added, never changed or removed")]
        }
        guard let author else { return [] }
        return t.document.log.dropFirst(oldLog.count).filter { $0.operator != author.handle }.prefix(1).map { e in
            Finding(file: path, line: 1, rule: "log-author",
                    message: "a new log entry names \(e.operator), but \(author.handle) makes the change: each person writes their own entries")
        }
    }

    func approval(old: SolutionTemplate?, new t: SolutionTemplate, path: String, lines: ParsedTicket) -> [Finding] {
        let present = SolutionTemplate.approvalKeys.filter { t[$0] != nil }
        guard !present.isEmpty else { return [] }
        let line = lines.line(of: present[0])
        func finding(_ message: String) -> [Finding] {
            [Finding(file: path, line: line, rule: "template-approval", field: present[0], message: message)]
        }
        guard let approval = t.approval else {
            return finding("an approval is approved_by, approved_at and approved_hash together; \(path) has only \(present.joined(separator: ", "))")
        }
        guard Timestamp.parse(approval.at) != nil else {
            return finding("approved_at '\(approval.at)' is not a date-time like 2024-05-02T10:00:00+08:00")
        }
        guard approval.hash.hasPrefix(SolutionTemplate.digestPrefix) else {
            return finding("approved_hash of the approval by \(approval.by) has an older form (no sha256:) that no longer counts: drop approved_by, approved_at and approved_hash ('gitdesk template edit' does it) and a supervisor approves again")
        }
        guard approval.hash == t.contentDigest else {
            return finding("the approval by \(approval.by) covers other content: an edit of an approved template drops the approval (approved_by, approved_at, approved_hash; 'gitdesk template edit' does it) and a supervisor approves it again ('gitdesk template approve')")
        }
        // An approval carried over unchanged is judged when it was written.
        if let old, old.approval == approval { return [] }
        guard let author else { return [] }
        let roles = Self.approverRoles(schema)
        if old == nil {
            return finding("a template is approved in its own commit after it is added: add it without approved_by, then 'gitdesk template approve'")
        }
        if !roles.contains(where: author.has(role:)) {
            return finding("\(author.handle) may not approve templates: it needs the role \(roles.joined(separator: " or "))")
        }
        if approval.by != author.handle {
            return finding("approved_by says \(approval.by) but \(author.handle) made the commit: an approval is the approver's own commit")
        }
        if let old, old.content != t.content {
            return finding("an approval is its own commit: approve the content as committed, with no other change in the same commit")
        }
        return []
    }
}
