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
            return [Finding(file: path, line: error.line, rule: "parse", Message(.templateNotAFile, ["problem": .message(error.message)]))]
        }
        let oldTemplate = old.flatMap { try? TemplateFile.parse(bytes: $0).template }
        return validate(path: path, old: oldTemplate, new: SolutionTemplate(parsed.ticket), lines: parsed)
    }

    /// Findings for a template already read.
    public func validate(path: String, old: SolutionTemplate?, new t: SolutionTemplate, lines: ParsedTicket) -> [Finding] {
        var findings: [Finding] = []
        func add(_ rule: String, _ field: String?, _ message: Message) {
            findings.append(Finding(file: path, line: field.map { lines.line(of: $0) } ?? 1, rule: rule, field: field, message))
        }
        let fileSlug = TemplateFile.slug(fromPath: path) ?? ""
        if !TemplateFile.isValidSlug(fileSlug) {
            add("template-id", nil, Message(.templateFileName, ["slug": .text(fileSlug)]))
        } else if !t.slug.isEmpty, t.slug != fileSlug {
            add("template-id", "id", Message(.templateIDDiffers, ["id": .text(t.slug), "slug": .text(fileSlug)]))
        }
        for key in TemplateFile.required where t[key] == nil {
            add("required-field", nil, Message(.templateFieldRequired, ["slug": .text(fileSlug), "field": .templateField(key)]))
        }
        let known = Set(TemplateFile.knownFields)
        for key in t.document.fields.keys.sorted() where !known.contains(key) {
            add("template-field", key, Message(.templateUnknownField, ["slug": .text(fileSlug), "key": .text(key), "fields": .texts(TemplateFile.knownFields)]))
        }
        for key in ["type", "subtype"] {
            guard let value = t[key], let name = schema.field(key)?.enumName else { continue }
            let keys = schema.values(of: name).map(\.key)
            if !keys.contains(value) {
                add("template-field", key, Message(.templateBadValue, ["slug": .text(fileSlug), "value": .text(value), "field": .field(key), "allowed": .values(enumName: name, keys: keys)]))
            }
        }
        // A subtype belongs to one type (fault → hardware), as in tickets.
        if let sub = t["subtype"], let type = t["type"], let name = schema.field("subtype")?.enumName,
           let parent = schema.values(of: name).first(where: { $0.key == sub })?.parent, parent != type {
            add("template-field", "subtype", Message(.templateSubtypeParent, ["slug": .text(fileSlug), "subtype": .text(sub), "parent": .text(parent), "type": .text(type)]))
        }
        if let major = t["major"], major != "true", major != "false" {
            add("template-field", "major", Message(.templateMajorBool, ["slug": .text(fileSlug), "value": .text(major)]))
        }
        findings += controlCharacters(t, path: path, lines: lines)
        findings += privacy(t, path: path, lines: lines)
        findings += majorChange(old: old, new: t, path: path, lines: lines)
        findings += history(old: old, new: t, path: path)
        findings += approval(old: old, new: t, path: path, lines: lines)
        return findings
    }

    func privacy(_ t: SolutionTemplate, path: String, lines: ParsedTicket) -> [Finding] {
        var findings: [Finding] = []
        for key in t.document.fields.keys.sorted() {
            let value = t.document.fields[key]!
            if scanRawPII, let m = PIIScanner.scan(value, options: schema.privacy.scanOptions).first {
                findings.append(Finding(file: path, line: lines.line(of: key), rule: "template-pii", field: key,
                    Message(.templatePII, ["kind": .piiKindName(m.kind), "value": .text(m.masked), "key": .text(key), "placeholder": .text("〔\(m.kind.zh)〕")])))
            } else if let (range, kind) = TemplateScrub.maskedContacts(in: value).first {
                findings.append(Finding(file: path, line: lines.line(of: key), rule: "template-pii", field: key,
                    Message(.templateMaskedPII, ["kind": .text(kind), "value": .text(String(value[range])), "key": .text(key), "placeholder": .text("〔\(kind)〕")])))
            }
        }
        return findings
    }

    func controlCharacters(_ t: SolutionTemplate, path: String, lines: ParsedTicket) -> [Finding] {
        let texts = t.document.fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } + t.document.log.map { ("log", $0.text) }
        for (key, text) in texts {
            guard let (scalar, _, _) = ControlCharacters.first(in: text) else { continue }
            return [Finding(file: path, line: key == "log" ? 1 : lines.line(of: key), rule: "control-character", field: key == "log" ? nil : key,
                            Message(.templateControlCharacter, ["slug": .text(TemplateFile.slug(fromPath: path) ?? path), "key": .text(key), "character": .text(ControlCharacters.name(scalar))]))]
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
                       TemplateError.majorNeedsApprover(slug: slug, handle: author.handle, roles: roles).message)
    }

    /// The finding for an approval by someone who set the content approved (nil when they did not).
    public static func ownContentFinding(path: String, line: Int, slug: String, approver: String, authors: Set<String>) -> Finding? {
        guard authors.contains(approver) else { return nil }
        return Finding(file: path, line: line, rule: "template-approval", field: "approved_by",
                       TemplateError.ownContent(slug: slug, handle: approver).message)
    }

    func history(old: SolutionTemplate?, new t: SolutionTemplate, path: String) -> [Finding] {
        let oldLog = old?.document.log ?? []
        guard t.document.log.count >= oldLog.count, Array(t.document.log.prefix(oldLog.count)) == oldLog else {
            return [Finding(file: path, line: 1, rule: "append-only", Message(.templateLogAppendOnly))]
        }
        guard let author else { return [] }
        return t.document.log.dropFirst(oldLog.count).filter { $0.operator != author.handle }.prefix(1).map { e in
            Finding(file: path, line: 1, rule: "log-author",
                    Message(.templateLogOthers, ["who": .text(e.operator), "handle": .text(author.handle)]))
        }
    }

    func approval(old: SolutionTemplate?, new t: SolutionTemplate, path: String, lines: ParsedTicket) -> [Finding] {
        let present = SolutionTemplate.approvalKeys.filter { t[$0] != nil }
        guard !present.isEmpty else { return [] }
        let line = lines.line(of: present[0])
        func finding(_ message: Message) -> [Finding] {
            [Finding(file: path, line: line, rule: "template-approval", field: present[0], message)]
        }
        guard let approval = t.approval else {
            return finding(Message(.approvalIncomplete, ["path": .text(path), "present": .texts(present)]))
        }
        guard Timestamp.parse(approval.at) != nil else {
            return finding(Message(.approvalBadTime, ["value": .text(approval.at)]))
        }
        guard approval.hash.hasPrefix(SolutionTemplate.digestPrefix) else {
            return finding(Message(.approvalOldHash, ["who": .text(approval.by)]))
        }
        guard approval.hash == t.contentDigest else {
            return finding(Message(.approvalOtherContent, ["who": .text(approval.by)]))
        }
        // An approval carried over unchanged is judged when it was written.
        if let old, old.approval == approval { return [] }
        guard let author else { return [] }
        let roles = Self.approverRoles(schema)
        if old == nil {
            return finding(Message(.approvalInAddingCommit))
        }
        if !roles.contains(where: author.has(role:)) {
            return finding(TemplateError.notAllowed(handle: author.handle, roles: roles).message)
        }
        if approval.by != author.handle {
            return finding(Message(.approvalByOther, ["who": .text(approval.by), "handle": .text(author.handle)]))
        }
        if let old, old.content != t.content {
            return finding(Message(.approvalNotOwnCommit))
        }
        return []
    }
}
