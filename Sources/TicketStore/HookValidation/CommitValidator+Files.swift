import Foundation
import GitKit
import TicketCore

/// The values gitdesk's own shipped files hold as examples (the masking
/// example in privacy.yaml...): never personal data, so the scan of files
/// outside `tickets/` lets them through in every desk.
enum ShippedExamples {
    static let exceptions: PrivacyExceptions = {
        var texts = Array(SchemaLoader.defaultFiles.values)
        texts += [DeskInitializer.exampleTeam, DeskInitializer.templatesReadme, DeskInitializer.gitattributes]
        return PrivacyExceptions(values: Set(texts.flatMap { FilePrivacyRule.values(in: $0) }))
    }()
}

extension CommitValidator {
    /// The scan of files outside `tickets/` and of file names, with the
    /// exceptions of the rules revision (`.gitdesk/privacy-exceptions.yaml`),
    /// gitdesk's shipped examples, and the roster's e-mail addresses (staff,
    /// not customers; team.yaml is changed by admins only).
    func filePrivacy(settings: DeskSettings?, rulesTree: ObjectID, tree: ObjectID) throws -> FilePrivacyRule {
        // Once per rules revision and roster file: a long push would otherwise decode team.yaml for every commit.
        let team = try repository.entry(at: DeskLayout.teamPath, inTree: tree)?.id
        let key = "\(rulesTree.hex)|\(team?.hex ?? "-")"
        if let known = filePrivacyMemo[key] { return known }
        let rule = try makeFilePrivacy(settings: settings, rulesTree: rulesTree, tree: tree)
        filePrivacyMemo[key] = rule
        return rule
    }

    private func makeFilePrivacy(settings: DeskSettings?, rulesTree: ObjectID, tree: ObjectID) throws -> FilePrivacyRule {
        var exceptions = ShippedExamples.exceptions.merging(try privacyExceptions(tree: rulesTree))
        var people = settings?.team.people ?? []
        if let bytes = try repository.fileContents(at: DeskLayout.teamPath, inTree: tree),
           let team = try? Team.load(yaml: String(decoding: bytes, as: UTF8.self)) {
            people += team.people
        }
        exceptions.values.formUnion(people.map(\.email))
        return FilePrivacyRule(options: settings?.schema.privacy.scanOptions ?? .standard, exceptions: exceptions)
    }

    /// `pii` in the file `blob` at `path` (outside `tickets/`). The exceptions
    /// file may name the values it lists (changing it is an admin's setting).
    func contentFindings(path: String, blob: ObjectID, rule: FilePrivacyRule) throws -> [Finding] {
        let bytes = try repository.blob(blob)
        var rule = rule
        if path == PrivacyExceptions.path, let own = try? PrivacyExceptions.decode(yaml: String(decoding: bytes, as: UTF8.self)) {
            rule.exceptions.values.formUnion(own.values)
        }
        return rule.checkContent(path: path, bytes: bytes)
    }

    /// The exceptions committed in `tree` (none when the file is absent or unreadable: fail closed).
    func privacyExceptions(tree: ObjectID) throws -> PrivacyExceptions {
        let id = try repository.entry(at: PrivacyExceptions.path, inTree: tree)?.id
        guard let id else { return PrivacyExceptions() }
        if let known = exceptionsMemo[id] { return known }
        let loaded = (try? PrivacyExceptions.decode(yaml: String(decoding: try repository.blob(id), as: UTF8.self))) ?? PrivacyExceptions()
        exceptionsMemo[id] = loaded
        return loaded
    }

    /// `settings`: a change that leaves `.gitdesk/privacy-exceptions.yaml` unreadable.
    func exceptionsFileFindings(parentTree: ObjectID?, tree: ObjectID) throws -> [Finding] {
        let new = try repository.entry(at: PrivacyExceptions.path, inTree: tree)?.id
        let old = try parentTree.flatMap { try repository.entry(at: PrivacyExceptions.path, inTree: $0)?.id }
        guard let new, new != old else { return [] }
        let text = String(decoding: try repository.blob(new), as: UTF8.self)
        do {
            _ = try PrivacyExceptions.decode(yaml: text)
            return []
        } catch {
            return [Finding(file: error.file, line: error.line, rule: "settings", message: error.message)]
        }
    }

    /// `settings-change`: a change that stops `.gitattributes` routing `tickets/**` to the merge driver.
    func mergeRoutingFindings(parentTree: ObjectID?, tree: ObjectID) throws -> [Finding] {
        let new = try repository.entry(at: MergeRoutingRule.path, inTree: tree)?.id
        let old = try parentTree.flatMap { try repository.entry(at: MergeRoutingRule.path, inTree: $0)?.id }
        guard new != old, let old else { return [] }
        let text = { (id: ObjectID) throws -> String in String(decoding: try self.repository.blob(id), as: UTF8.self) }
        return MergeRoutingRule.findings(old: try text(old), new: try new.map(text))
    }
}
