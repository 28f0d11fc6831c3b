import Foundation
import GitKit
import TicketCore

/// What validation found in one commit (or in the index, or a whole tree).
public struct CommitReport: Sendable {
    /// The commit judged; nil for the index or a working tree.
    public var commit: CommitInfo?
    public var findings: [Finding]

    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    public init(commit: CommitInfo?, findings: [Finding]) {
        self.commit = commit
        self.findings = findings
    }
}

/// Validates changes the way every gate does: `gitdesk validate`, the client
/// hooks (pre-commit, pre-merge-commit) and the server's pre-receive hook.
///
/// For each commit, every file changed under `tickets/` between its parent's
/// tree and the commit's tree is judged by ``TreeValidator`` against the
/// parent's version, every other changed file and every file name is scanned
/// for personal data (``FilePrivacyRule``), and a merge is judged by what it
/// produces beyond its sides (``MergeJudgement``, `CommitValidator+Merge`).
/// The schema, roster and privacy exceptions are those of the *rules
/// revision*: a fixed commit when given (pre-receive: the protected branch's
/// tip, never the pushed commits), else the commit's first parent. The
/// author is the commit's author, looked up in that roster by e-mail. Commit
/// messages are scanned for personal data. Nothing is written to the
/// repository: settings are decoded from the committed YAML without touching
/// the settings cache.
public final class CommitValidator {
    public let repository: Repository
    /// The commit whose settings judge every change; nil: each change's first parent.
    public let rulesCommit: ObjectID?
    /// The person pushing (pre-receive, from GITDESK_PUSHER): each new
    /// commit's author must be this person, unless the pusher is an admin.
    public var pusher: String?
    /// pre-receive: a commit without parents (an orphan branch, unrelated
    /// history) is accepted only from an admin (the pusher, else its author).
    public var rootsNeedAdmin = false
    /// The server's clock when the push arrived (pre-receive): enables the
    /// `backdate` rule's future and offline-window checks (BackdateRule.swift).
    public var receivedAt: Int64?
    /// The push's scan cap (pre-receive); nil for the client gates.
    public var scanBudget: ScanBudget?

    /// Commits that witness an ID collision: a ticket renamed by someone
    /// without the `delete` permission must have had its old ID taken by
    /// another ticket here (pre-receive: the protected branch's tip; the
    /// client hooks: the upstream and the commits being merged; sync: the
    /// fetched tip; `validate A..B` and `diff`: A and the sides merged in the
    /// range). Default: the rules commit.
    public var renameWitnesses: [ObjectID]

    private var settingsMemo: [String: DeskSettings?] = [:]
    let memo = ValidatorMemo()
    private var monthMemo: [ObjectID: [String: [String]]] = [:]
    var exceptionsMemo: [ObjectID: PrivacyExceptions] = [:]
    var filePrivacyMemo: [String: FilePrivacyRule] = [:]

    public init(repository: Repository, rulesFrom rulesCommit: ObjectID? = nil, pusher: String? = nil) {
        self.repository = repository
        self.rulesCommit = rulesCommit
        self.pusher = pusher
        self.renameWitnesses = rulesCommit.map { [$0] } ?? []
    }

    // MARK: Commits

    /// Reports for `commits` in the order given (oldest first from ``newCommits(range:)``).
    public func validate(commits: [ObjectID]) throws -> [CommitReport] {
        try commits.map { try validate(commit: $0) }
    }

    /// The commits of `A..B` (reachable from B, not from A), oldest first.
    public func commits(range: String) throws -> [ObjectID] {
        let parts = range.components(separatedBy: "..")
        guard parts.count == 2, !parts[0].isEmpty || !parts[1].isEmpty else {
            return [try repository.resolveCommit(range)]
        }
        let from = try repository.resolveCommit(parts[0].isEmpty ? "HEAD" : parts[0])
        let to = try repository.resolveCommit(parts[1].isEmpty ? "HEAD" : parts[1])
        let commits = try repository.commits(from: [to], hiding: [from])
        if renameWitnesses.isEmpty { try witnessCollisions(onto: from, in: commits) }
        return commits
    }

    /// Takes the witnesses of ID collisions for a range of `commits` going
    /// onto `base`: the base itself, and every other side a merge in the
    /// range brought in (sync renames before it merges the server's side).
    public func witnessCollisions(onto base: ObjectID, in commits: [ObjectID]) throws {
        renameWitnesses = [base]
        for id in commits { renameWitnesses += try repository.commit(id).parents.dropFirst() }
    }

    /// One commit, judged against each of its parents.
    public func validate(commit id: ObjectID) throws -> CommitReport {
        let info = try repository.commit(id)
        let label = id.shortHex()
        let rulesTree = try (rulesCommit ?? info.parents.first).map { try repository.commit($0).tree } ?? info.tree
        let settings = try self.settings(tree: rulesTree) ?? self.settings(tree: info.tree)
        if let scanBudget {
            let base = try info.parents.first.map { try repository.commit($0).tree }
            try scanBudget.charge(info, changes: changes(from: base, to: info.tree), size: { try self.blob($0).count },
                                  policy: settings?.schema.privacy ?? .default)
        }
        var findings = try validate(tree: info.tree, parents: info.parents, author: info.author,
                                    settings: settings, rulesTree: rulesTree, isRoot: info.parents.isEmpty)
        let policy = settings?.schema.privacy ?? .default
        findings += PrivacyRule.scanCommitMessage(info.message, file: "COMMIT_MSG", policy: policy)
        findings += PrivacyRule.scanPeople([("author", info.author.name, info.author.email),
                                            ("committer", info.committer.name, info.committer.email)],
                                           file: "COMMIT_MSG", policy: policy)
        if let pusher, let team = settings?.team {
            findings += pusherFindings(pusher: pusher, author: info.author, team: team)
        }
        if rootsNeedAdmin, info.parents.isEmpty, let team = settings?.team {
            findings += rootFindings(author: info.author, team: team)
        }
        findings += try backdateFindings(info, settings: settings)
        findings = findings.map { var f = $0; f.file = "\(label):\(f.file)"; return f }
        return CommitReport(commit: info, findings: findings)
    }

    /// A tree about to be committed (the index), judged against `parents`
    /// (HEAD, and MERGE_HEAD for a merge) with the settings of the first parent.
    public func validate(pendingTree tree: ObjectID, parents: [ObjectID], author: Signature?) throws -> CommitReport {
        let rulesTree = try parents.first.map { try repository.commit($0).tree } ?? tree
        let settings = try self.settings(tree: rulesTree) ?? self.settings(tree: tree)
        let findings = try validate(tree: tree, parents: parents, author: author, settings: settings,
                                    rulesTree: rulesTree, isRoot: parents.isEmpty)
        return CommitReport(commit: nil, findings: findings)
    }

    func validate(tree: ObjectID, parents: [ObjectID], author: Signature?, settings: DeskSettings?,
                  rulesTree: ObjectID, isRoot: Bool) throws -> [Finding] {
        let schema = try settings?.schema ?? SchemaLoader.loadDefault()
        let team = settings?.team
        let rosterKnown = !(team?.people.isEmpty ?? true)
        let person = author.flatMap { team?.person(email: $0.email, name: nil) }
        var findings: [Finding] = []
        // A parent already part of another parent brings nothing new: it may not make an old value a side's change.
        let sides = try distinctSides(parents)
        if parents.count > 2 || sides.count < parents.count, rosterKnown, !(person?.has(role: "admin") ?? false) {
            findings.append(Finding(file: "COMMIT", line: 1, rule: "merge-parents",
                Message(.mergeParentsNotAdmin, ["who": Self.describe(author, person), "count": .number(parents.count),
                                 "overlap": .messages(sides.count < parents.count ? [Message(.mergeParentsOverlap)] : [])])))
        }
        let parents = sides
        let parentTrees = try parents.map { try repository.commit($0).tree }
        let firstChanges = try changes(from: parentTrees.first, to: tree)
        let entries = Self.entryFindings(firstChanges)
        if !entries.isEmpty { return findings + entries }

        // Settings (schema, roster) are changed by admins only.
        if !isRoot, rosterKnown, !parentTrees.isEmpty {
            let touched = firstChanges.filter { DeskLayout.isSettingsPath($0.path) }
            if let first = touched.first, parentTrees.count == 1, !(person?.has(role: "admin") ?? false) {
                findings.append(Finding(file: first.path, line: 1, rule: "settings-change",
                    Message(.settingsChangeNotAdmin, ["who": Self.describe(author, person), "files": .texts(touched.map(\.path))])))
            }
        }

        // Settings a change touches must still load: one broken team.yaml or
        // schema file on the shared branch would stop every clone and refuse
        // every later push, the fix included.
        if !isRoot, firstChanges.contains(where: { $0.path.hasPrefix(".gitdesk/") || $0.path == DeskLayout.teamPath }) {
            do {
                _ = try Desk.loadSettings(repository: repository, tree: tree, displayPath: repository.path)
            } catch {
                let problem: Message.Argument = (error as? any CataloguedMessage).map { .message($0.message) } ?? .text(String(describing: error))
                findings.append(Finding(file: firstChanges.first { $0.path.hasPrefix(".gitdesk/") || $0.path == DeskLayout.teamPath }!.path,
                                        line: 1, rule: "settings",
                                        Message(.settingsWouldNotLoad, ["problem": problem])))
            }
        }

        if parentTrees.count > 1 {
            return findings + (try validateMerge(tree: tree, parents: parents, parentTrees: parentTrees, author: author,
                                                 person: person, settings: settings, rulesTree: rulesTree, schema: schema))
        }
        // Personal data in any file outside tickets/ and in any file name.
        let files = try filePrivacy(settings: settings, rulesTree: rulesTree, tree: tree)
        for c in firstChanges where c.newBlob != nil {
            findings += files.checkName(c.path)
            if !c.path.hasPrefix("tickets/") { findings += try contentFindings(path: c.path, blob: c.newBlob!, rule: files) }
        }
        findings += try exceptionsFileFindings(parentTree: parentTrees.first, tree: tree)
        findings += try mergeRoutingFindings(parentTree: parentTrees.first, tree: tree)
        // A desk's own reports (reports/*.sql) must stay one read-only query.
        for c in firstChanges where c.newBlob != nil && c.path.hasPrefix(DeskLayout.reportsDirectory + "/") && c.path.hasSuffix(".sql") {
            if let problem = Desk.reportFileProblem(path: c.path, sql: String(decoding: try repository.blob(c.newBlob!), as: UTF8.self)) {
                findings.append(Finding(file: c.path, line: 1, rule: "report-query", message: problem))
            }
        }
        findings += try templateFindings(firstChanges, parent: parents.first, author: author, person: person, team: team, schema: schema)
        let changed = firstChanges.filter { $0.path.hasPrefix("tickets/") }
        guard !changed.isEmpty else { return findings }
        if rosterKnown, person == nil,
           changed.contains(where: { $0.newBlob != nil || TreeValidator.ticketID(fromPath: $0.path) != nil }) {
            findings.append(Finding(file: changed[0].path, line: 1, rule: "author",
                Message(.authorNotOnRosterTickets, ["who": Self.describe(author, nil)])))
        }
        var validator = TreeValidator(schema: schema, team: team, author: person)
        let changes = try changed.map { try fileChange($0) }
        validator.provenCollisions = try provenCollisions(changes, parent: parents.first)
        findings += validator.validate(changes, sameID: try sameID(for: changed, in: tree))
        return findings
    }

    // MARK: Whole tree and history (validate --all)

    /// Every file under `tickets/` of `commit`'s tree, each judged as a new
    /// file (no transitions), plus duplicate IDs across the tree.
    public func validate(wholeTreeOf commit: ObjectID) throws -> CommitReport {
        let info = try repository.commit(commit)
        let settings = try self.settings(tree: info.tree)
        let schema = try settings?.schema ?? SchemaLoader.loadDefault()
        let files = try repository.listFiles(inTree: info.tree, under: "tickets")
        let duplicates = TreeValidator.duplicates(in: files.map(\.path))
        var validator = TreeValidator(schema: schema, team: settings?.team, author: nil)
        // Judged as it stands: the rules that need a change (transitions,
        // append-only log) have nothing to compare with.
        validator.validator = Validator(rules: Validator.standardRules.filter {
            !["transition", "transition-role", "append-only", "immutable", "reason", "permission", "due-change", "born", "log-author"].contains($0.id)
        })
        var findings: [Finding] = []
        for file in files {
            let change = FileChange(path: file.path, old: nil, new: try repository.blob(file.blob))
            findings += validator.validate(change, sameID: duplicates[file.path] ?? [])
        }
        // Personal data in every other file and in every file name.
        let privacy = try filePrivacy(settings: settings, rulesTree: info.tree, tree: info.tree)
        for file in try repository.listFiles(inTree: info.tree) {
            findings += privacy.checkName(file.path)
            if !file.path.hasPrefix("tickets/") { findings += try contentFindings(path: file.path, blob: file.blob, rule: privacy) }
            if TemplateFile.isTemplatePath(file.path), case let bytes = try repository.blob(file.blob), TemplateFile.declaresTemplate(bytes) {
                // Judged as it stands: the rules about who made a change have nothing to compare with.
                findings += TemplateValidator(schema: schema, author: nil, scanRawPII: false)
                    .validate(path: file.path, old: nil, new: bytes)
            }
        }
        return CommitReport(commit: info, findings: findings)
    }

    /// A privacy scan of all history reachable from `tips`: every ticket file
    /// version ever committed and every commit message.
    public func scanHistory(from tips: [ObjectID], policy: PrivacyPolicy) throws -> [Finding] {
        var schema = try SchemaLoader.loadDefault()
        schema.privacy = policy
        let rule = PrivacyRule()
        var seenBlobs = Set<ObjectID>()
        var findings: [Finding] = []
        for id in try repository.commits(from: tips, hiding: []) {
            let info = try repository.commit(id)
            let label = id.shortHex()
            for f in PrivacyRule.scanCommitMessage(info.message, file: "COMMIT_MSG", policy: policy) {
                var g = f; g.file = "\(label):\(f.file)"; findings.append(g)
            }
            let base = try info.parents.first.map { try repository.commit($0).tree }
            for c in try repository.changedPaths(from: base, to: info.tree, under: "tickets/") {
                guard let blob = c.newBlob, seenBlobs.insert(blob).inserted,
                      TreeValidator.ticketID(fromPath: c.path) != nil,
                      let parsed = try? TicketFile.parse(bytes: try repository.blob(blob)) else { continue }
                let context = ValidationContext(schema: schema, team: nil, path: "\(label):\(c.path)", old: nil,
                                                new: parsed, author: nil)
                findings += rule.check(context)
            }
        }
        return findings
    }

    // MARK: Helpers

    func fileChange(_ c: ChangedPath) throws -> FileChange {
        FileChange(path: c.path, old: try c.oldBlob.map { try self.blob($0) },
                   new: try c.newBlob.map { try self.blob($0) })
    }

    /// The IDs `changes` rename (``TreeValidator/renames(in:)``) that settle
    /// a real ID collision: a witness commit holds another file at the old
    /// path, and that path was added on both sides since the change's parent
    /// and the witness parted (their merge base lacks it). A ticket both
    /// already shared (pushed before) is never a collision, whatever its log
    /// says. Content cannot decide it: two tickets minted in the same second
    /// by one operator look alike in every field that never changes.
    func provenCollisions(_ changes: [FileChange], parent: ObjectID?) throws -> Set<String> {
        guard let parent else { return [] }
        var proven = Set<String>()
        for id in TreeValidator.renames(in: changes) {
            guard let removed = changes.first(where: { $0.new == nil && TreeValidator.ticketID(fromPath: $0.path) == id }),
                  let mine = removed.old else { continue }
            for witness in renameWitnesses {
                guard let entry = try repository.entry(at: removed.path, inTree: repository.commit(witness).tree), entry.isBlob,
                      try repository.blob(entry.id) != mine else { continue }
                let base = try repository.mergeBase(parent, witness)
                if try base.map({ try repository.entry(at: removed.path, inTree: repository.commit($0).tree) }) ?? nil != nil { continue }
                proven.insert(TreeValidator.idKey(id))
                break
            }
        }
        return proven
    }

    /// For each added ticket path, the other paths of `tree` whose file
    /// carries the same ID in any letter case (`cs-1.md` beside `CS-1.md`).
    /// Reads the month folders' tree objects only (no blobs), each folder
    /// once per distinct tree id.
    func sameID(for changed: [ChangedPath], in tree: ObjectID) throws -> [String: [String]] {
        let added = changed.filter { $0.oldBlob == nil && $0.newBlob != nil && TreeValidator.ticketID(fromPath: $0.path) != nil }
        guard !added.isEmpty else { return [:] }
        var byKey: [String: [String]] = [:]
        for (year, entry) in try repository.directoryEntries(at: "tickets", inTree: tree) where entry.kind == .tree {
            for (month, m) in try repository.directoryEntries(at: "", inTree: entry.id) where m.kind == .tree {
                for (key, names) in try monthIndex(m.id) {
                    byKey[key, default: []] += names.map { "tickets/\(year)/\(month)/\($0)" }
                }
            }
        }
        var result: [String: [String]] = [:]
        for c in added {
            guard let id = TreeValidator.ticketID(fromPath: c.path) else { continue }
            let others = (byKey[TreeValidator.idKey(id)] ?? []).filter { $0 != c.path }
            if !others.isEmpty { result[c.path] = others }
        }
        return result
    }

    /// The ticket files of one month folder by ID key (lower case).
    private func monthIndex(_ folder: ObjectID) throws -> [String: [String]] {
        if let known = monthMemo[folder] { return known }
        var index: [String: [String]] = [:]
        for (name, entry) in try repository.directoryEntries(at: "", inTree: folder) where entry.isBlob && name.hasSuffix(".md") {
            index[TreeValidator.idKey(String(name.dropLast(3))), default: []].append(name)
        }
        monthMemo[folder] = index
        return index
    }

    /// The settings committed in `tree`; nil when it holds no desk. Decoded
    /// from YAML once per distinct `.gitdesk/` + team.yaml, never cached on disk.
    func settings(tree: ObjectID) throws -> DeskSettings? {
        guard let key = SettingsCache.key(repository: repository, tree: tree) else { return nil }
        if let known = settingsMemo[key] { return known }
        let loaded: DeskSettings?
        do {
            loaded = try Desk.loadSettings(repository: repository, tree: tree, displayPath: repository.path)
        } catch DeskError.notADesk(_) {
            loaded = nil
        }
        settingsMemo[key] = loaded
        return loaded
    }

    /// `pusher`: the person pushing may push only their own commits, unless an admin.
    func pusherFindings(pusher: String, author: Signature, team: Team) -> [Finding] {
        guard let pushing = team.person(pusher) ?? team.person(email: pusher, name: nil) else {
            return [Finding(file: "COMMIT", line: 1, rule: "pusher",
                            Message(.pusherNotOnRoster, ["pusher": .text(pusher)]))]
        }
        if pushing.has(role: "admin") { return [] }
        if let person = team.person(email: author.email, name: nil), person.handle == pushing.handle { return [] }
        return [Finding(file: "COMMIT", line: 1, rule: "pusher",
                        Message(.pusherNotAuthor, ["handle": .text(pushing.handle), "name": .text(author.name), "email": .text(author.email)]))]
    }

    /// `orphan`: a root commit brings history the protected branch never judged.
    func rootFindings(author: Signature, team: Team) -> [Finding] {
        let who = pusher.flatMap { team.person($0) ?? team.person(email: $0, name: nil) }
            ?? (pusher == nil ? team.person(email: author.email, name: nil) : nil)
        if who?.has(role: "admin") ?? false { return [] }
        return [Finding(file: "COMMIT", line: 1, rule: "orphan",
                        Message(.orphanNotAdmin, ["who": who.map { Self.describe(nil, $0) } ?? .message(Message(.findingThePusher))]))]
    }

    /// `parents` without those that are another parent (or an ancestor of
    /// one): what the merge really joins, in the original order.
    func distinctSides(_ parents: [ObjectID]) throws -> [ObjectID] {
        guard parents.count > 1 else { return parents }
        var kept: [ObjectID] = []
        for (i, p) in parents.enumerated() {
            var redundant = false
            for (j, q) in parents.enumerated() where j != i {
                if p == q { if j < i { redundant = true } } else if try repository.isAncestor(p, of: q) { redundant = true }
                if redundant { break }
            }
            if !redundant { kept.append(p) }
        }
        return kept
    }

    static func describe(_ author: Signature?, _ person: Person?) -> Message.Argument {
        if let person { return .message(Message(.findingPerson, ["handle": .text(person.handle), "roles": .heldRoles(person.roles)])) }
        guard let author else { return .message(Message(.findingTheAuthor)) }
        return .message(Message(.findingAuthorSignature, ["name": .text(author.name), "email": .text(author.email)]))
    }
}

extension CommitValidator {
    /// The privacy policy committed at `commit` (the default when it holds no desk).
    public func settingsPolicy(at commit: ObjectID) throws -> PrivacyPolicy {
        try settings(tree: repository.commit(commit).tree)?.schema.privacy ?? .default
    }
}
