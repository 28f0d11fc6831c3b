import GitKit
import TicketCore

extension CommitValidator {
    /// The solution library's rules for the files a change touches under
    /// templates/ (``TemplateValidator``): every added or changed template is
    /// judged against its parent version with the author's roles; a template
    /// is deleted only by someone who may approve templates; only people on
    /// the roster change templates. Raw personal data in them is the file
    /// scan's finding (``FilePrivacyRule``), so it is not reported twice.
    func templateFindings(_ changes: [ChangedPath], parent: ObjectID?, author: Signature?, person: Person?, team: Team?,
                          schema: Schema) throws -> [Finding] {
        // A template, or a file that was one (turning a template into free text removes it from the library).
        let touched = try changes.filter { c in
            guard TemplateFile.isTemplatePath(c.path) else { return false }
            return try [c.oldBlob, c.newBlob].contains { blob in try blob.map { TemplateFile.declaresTemplate(try repository.blob($0)) } ?? false }
        }
        guard !touched.isEmpty else { return [] }
        var findings: [Finding] = []
        if !(team?.people.isEmpty ?? true), person == nil {
            findings.append(Finding(file: touched[0].path, line: 1, rule: "author",
                Message(.authorNotOnRosterTemplates, ["who": Self.describe(author, nil)])))
        }
        let roles = TemplateValidator.approverRoles(schema)
        for c in touched {
            guard let blob = c.newBlob, TemplateFile.declaresTemplate(try repository.blob(blob)) else {
                if let person, !roles.contains(where: person.has(role:)) {
                    findings.append(Finding(file: c.path, line: 1, rule: "template-delete",
                        Message(.templateDeleteNotAllowed, ["handle": .text(person.handle), "path": .text(c.path), "roles": .roles(roles),
                                             "why": .messages(c.newBlob == nil ? [] : [Message(.templateNoFrontMatter)])])))
                }
                continue
            }
            let validator = TemplateValidator(schema: schema, author: person, scanRawPII: false)
            let oldBytes = try c.oldBlob.map { try repository.blob($0) }
            let newBytes = try repository.blob(blob)
            findings += validator.validate(path: c.path, old: oldBytes, new: newBytes)
            if let parent, let person, let finding = try ownContentFinding(path: c.path, old: oldBytes, new: newBytes, parent: parent, approver: person, team: team) {
                findings.append(finding)
            }
        }
        return findings
    }

    /// A new approval by someone who set the content it approves (read from
    /// the history before the commit): a supervisor does not sign off their own plan.
    func ownContentFinding(path: String, old: [UInt8]?, new: [UInt8], parent: ObjectID, approver: Person, team: Team?) throws -> Finding? {
        guard let t = try? TemplateFile.parse(bytes: new).template, let approval = t.approval, approval.by == approver.handle,
              let old, let before = try? TemplateFile.parse(bytes: old).template, before.approval != approval,
              before.content == t.content else { return nil }
        let authors = try TemplateAuthorship.contentAuthors(repository, path: path, at: parent, team: team)
        return TemplateValidator.ownContentFinding(path: path, line: 1, slug: t.slug, approver: approver.handle, authors: authors)
    }

    /// A template a merge produced (differing from every side): an approval
    /// one side carried is judged by its content only; an approval no side
    /// had is judged as the merge author's own, against the first side.
    func mergedTemplateFindings(path: String, result: ObjectID, sides: [ObjectID?], person: Person?, schema: Schema) throws -> [Finding] {
        let bytes = try repository.blob(result)
        let sideBytes = try sides.map { try $0.map { try repository.blob($0) } }
        guard TemplateFile.declaresTemplate(bytes) || sideBytes.contains(where: { $0.map(TemplateFile.declaresTemplate) ?? false }) else { return [] }
        let merged = try? TemplateFile.parse(bytes: bytes).template
        let carried = sideBytes.contains { side in
            guard let side, let t = try? TemplateFile.parse(bytes: side).template else { return false }
            return t.approval == merged?.approval
        }
        let validator = TemplateValidator(schema: schema, author: carried ? nil : person, scanRawPII: false)
        var findings = validator.validate(path: path, old: sideBytes.first ?? nil, new: bytes)
        // `major` as no side had it is the merge author's own change.
        let sideMajors = sideBytes.compactMap { $0.flatMap { try? TemplateFile.parse(bytes: $0).template.isMajor } }
        if carried, let merged, let person, !sideMajors.isEmpty, !sideMajors.contains(merged.isMajor),
           let finding = TemplateValidator.majorChangeFinding(path: path, line: 1, slug: merged.slug, author: person, schema: schema) {
            findings.append(finding)
        }
        return findings
    }
}
