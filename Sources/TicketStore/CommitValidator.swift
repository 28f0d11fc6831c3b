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
/// For each commit, every file changed under `tickets/` between a parent's
/// tree and the commit's tree is judged by ``TreeValidator`` against the
/// parent's version, with the schema and roster of the *rules revision*: a
/// fixed commit when given (pre-receive: the branch being updated, never the
/// pushed commits), else the commit's first parent. The author is the
/// commit's author, looked up in that roster by e-mail. Commit messages are
/// scanned for personal data. Nothing is written to the repository: settings
/// are decoded from the committed YAML without touching the settings cache.
public final class CommitValidator {
    public let repository: Repository
    /// The commit whose settings judge every change; nil: each change's first parent.
    public let rulesCommit: ObjectID?
    /// The person pushing (pre-receive, from GITDESK_PUSHER): each new
    /// commit's author must be this person, unless the pusher is an admin.
    public var pusher: String?
    /// The push's scan cap (pre-receive); nil for the client gates.
    public var scanBudget: ScanBudget?

    private var settingsMemo: [String: DeskSettings?] = [:]

    public init(repository: Repository, rulesFrom rulesCommit: ObjectID? = nil, pusher: String? = nil) {
        self.repository = repository
        self.rulesCommit = rulesCommit
        self.pusher = pusher
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
        return try repository.commits(from: [to], hiding: [from])
    }

    /// One commit, judged against each of its parents.
    public func validate(commit id: ObjectID) throws -> CommitReport {
        let info = try repository.commit(id)
        let label = id.shortHex()
        let rulesTree = try (rulesCommit ?? info.parents.first).map { try repository.commit($0).tree } ?? info.tree
        let settings = try self.settings(tree: rulesTree) ?? self.settings(tree: info.tree)
        try scanBudget?.charge(info, in: repository, policy: settings?.schema.privacy ?? .default)
        var findings = try validate(tree: info.tree, parents: info.parents, author: info.author,
                                    settings: settings, isRoot: info.parents.isEmpty)
        let policy = settings?.schema.privacy ?? .default
        findings += PrivacyRule.scanCommitMessage(info.message, file: "COMMIT_MSG", policy: policy)
        if let pusher, let team = settings?.team {
            findings += pusherFindings(pusher: pusher, author: info.author, team: team)
        }
        findings = findings.map { var f = $0; f.file = "\(label):\(f.file)"; return f }
        return CommitReport(commit: info, findings: findings)
    }

    /// A tree about to be committed (the index), judged against `parents`
    /// (HEAD, and MERGE_HEAD for a merge) with the settings of the first parent.
    public func validate(pendingTree tree: ObjectID, parents: [ObjectID], author: Signature?) throws -> CommitReport {
        let rulesTree = try parents.first.map { try repository.commit($0).tree } ?? tree
        let settings = try self.settings(tree: rulesTree) ?? self.settings(tree: tree)
        let findings = try validate(tree: tree, parents: parents, author: author, settings: settings,
                                    isRoot: parents.isEmpty)
        return CommitReport(commit: nil, findings: findings)
    }

    func validate(tree: ObjectID, parents: [ObjectID], author: Signature?, settings: DeskSettings?,
                  isRoot: Bool) throws -> [Finding] {
        let schema = try settings?.schema ?? SchemaLoader.loadDefault()
        let team = settings?.team
        let rosterKnown = !(team?.people.isEmpty ?? true)
        let person = author.flatMap { team?.person(email: $0.email, name: nil) }
        var findings: [Finding] = []
        let parentTrees = try parents.map { try repository.commit($0).tree }

        // Settings (schema, roster) are changed by admins only.
        if !isRoot, rosterKnown, let base = parentTrees.first {
            let touched = try repository.changedPaths(from: base, to: tree, under: ".gitdesk/")
                + repository.changedPaths(from: base, to: tree, under: DeskLayout.teamPath)
            if let first = touched.first, parentTrees.count == 1, !(person?.has(role: "admin") ?? false) {
                findings.append(Finding(file: first.path, line: 1, rule: "settings-change",
                    message: "\(Self.describe(author, person)) may not change \(touched.map(\.path).joined(separator: ", ")): the schema and team.yaml are changed by an admin"))
            }
        }

        if parentTrees.count <= 1 {
            let changed = try repository.changedPaths(from: parentTrees.first, to: tree, under: "tickets/")
            guard !changed.isEmpty else { return findings }
            if rosterKnown, person == nil,
               changed.contains(where: { $0.newBlob != nil || TreeValidator.ticketID(fromPath: $0.path) != nil }) {
                findings.append(Finding(file: changed[0].path, line: 1, rule: "author",
                    message: "\(Self.describe(author, nil)) is not on the roster (team.yaml): only people listed there may change tickets"))
            }
            let validator = TreeValidator(schema: schema, team: team, author: person)
            let changes = try changed.map { try fileChange($0) }
            findings += validator.validate(changes, sameID: try sameID(for: changed, in: tree))
        } else {
            // A merge: files the merge produced (different from every parent)
            // are judged against each parent. Roles were checked on the side
            // commits, so the merge result is judged without them.
            var seen = Set<String>()
            let validator = TreeValidator(schema: schema, team: team, author: nil)
            for (i, parentTree) in parentTrees.enumerated() {
                let changed = try repository.changedPaths(from: parentTree, to: tree, under: "tickets/")
                var produced: [ChangedPath] = []
                for c in changed {
                    var fromOther = false
                    for (j, other) in parentTrees.enumerated() where j != i {
                        if try repository.entry(at: c.path, inTree: other)?.id == c.newBlob { fromOther = true; break }
                    }
                    if !fromOther { produced.append(c) }
                }
                let sameIDs = i == 0 ? try sameID(for: changed, in: tree) : [:]
                for f in validator.validate(try produced.map { try fileChange($0) }, sameID: sameIDs)
                where seen.insert(f.description).inserted {
                    findings.append(f)
                }
                if i == 0 {
                    for (path, others) in sameIDs where !produced.contains(where: { $0.path == path }) {
                        let f = Finding(file: path, line: 1, rule: "duplicate-id", field: "id",
                                        message: "the ID of \(path) is already used by \(others.joined(separator: ", ")); give this ticket a new ID")
                        if seen.insert(f.description).inserted { findings.append(f) }
                    }
                }
            }
        }
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
            !["transition", "transition-role", "append-only", "immutable", "reason", "permission", "due-change"].contains($0.id)
        })
        var findings: [Finding] = []
        for file in files {
            let change = FileChange(path: file.path, old: nil, new: try repository.blob(file.blob))
            findings += validator.validate(change, sameID: duplicates[file.path] ?? [])
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
        FileChange(path: c.path, old: try c.oldBlob.map { try repository.blob($0) },
                   new: try c.newBlob.map { try repository.blob($0) })
    }

    /// For each added ticket path, the other paths of `tree` with the same file name
    /// (looked up month folder by month folder: no listing of every ticket).
    func sameID(for changed: [ChangedPath], in tree: ObjectID) throws -> [String: [String]] {
        let added = changed.filter { $0.oldBlob == nil && $0.newBlob != nil && TreeValidator.ticketID(fromPath: $0.path) != nil }
        guard !added.isEmpty else { return [:] }
        var months: [String] = []
        for (year, entry) in try repository.directoryEntries(at: "tickets", inTree: tree) where entry.kind == .tree {
            for (month, m) in try repository.directoryEntries(at: "tickets/\(year)", inTree: tree) where m.kind == .tree {
                months.append("tickets/\(year)/\(month)")
            }
        }
        var result: [String: [String]] = [:]
        for c in added {
            let name = c.path.split(separator: "/").last.map(String.init)!
            let own = String(c.path.dropLast(name.count + 1))
            var others: [String] = []
            for dir in months where dir != own {
                if try repository.entry(at: "\(dir)/\(name)", inTree: tree) != nil { others.append("\(dir)/\(name)") }
            }
            if !others.isEmpty { result[c.path] = others }
        }
        return result
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
                            message: "the pusher '\(pusher)' is not on the roster (team.yaml) of the branch; nothing is accepted from them")]
        }
        if pushing.has(role: "admin") { return [] }
        if let person = team.person(email: author.email, name: nil), person.handle == pushing.handle { return [] }
        return [Finding(file: "COMMIT", line: 1, rule: "pusher",
                        message: "\(pushing.handle) pushed a commit authored by \(author.name) <\(author.email)>: only an admin may push commits authored by someone else (git authors can be forged)")]
    }

    static func describe(_ author: Signature?, _ person: Person?) -> String {
        if let person { return "\(person.handle) (\(person.roles.joined(separator: ", ")))" }
        guard let author else { return "the author" }
        return "the author \(author.name) <\(author.email)>"
    }
}

extension CommitValidator {
    /// The privacy policy committed at `commit` (the default when it holds no desk).
    public func settingsPolicy(at commit: ObjectID) throws -> PrivacyPolicy {
        try settings(tree: repository.commit(commit).tree)?.schema.privacy ?? .default
    }
}
