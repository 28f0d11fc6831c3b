import Foundation
import GitKit
import TicketCore

/// What each git hook checks (`gitdesk hook NAME`). The command prints the
/// findings; a non-empty list of errors refuses the commit, merge or push.
public enum HookChecks {
    /// Opens the repository the way git hands it to a hook: from the
    /// environment (GIT_DIR, GIT_INDEX_FILE, and for pre-receive the
    /// quarantined GIT_OBJECT_DIRECTORY). libgit2 refuses GIT_WORK_TREE and
    /// GIT_COMMON_DIR, which git sets for some hooks (worktrees): they are
    /// dropped first; libgit2 finds the common directory from GIT_DIR itself.
    public static func openRepository() throws(DeskError) -> Repository {
        unsetenv("GIT_WORK_TREE")
        unsetenv("GIT_COMMON_DIR")
        do { return try Repository.openFromEnvironment() } catch {
            throw .notARepository(FileManager.default.currentDirectoryPath)
        }
    }

    /// A gitdesk write killed before the index caught up with the branch: a
    /// commit now would record its files as deleted or changed (pre-commit and
    /// pre-merge-commit refuse until `gitdesk repair` or the next write).
    public static func interruptedWrite(_ repository: Repository) -> InterruptedWrite? {
        InterruptedWrite.pending(gitDir: repository.gitDir)
    }

    /// pre-commit: the index (what `git commit` will record) against HEAD,
    /// and MERGE_HEAD when the commit concludes a merge whose conflicts were
    /// resolved by hand (git runs pre-commit then, not pre-merge-commit).
    public static func preCommit(_ repository: Repository, environment: [String: String]) throws(DeskError) -> CommitReport {
        do {
            let tree = try repository.writeIndexTree()
            let parents = (try repository.head().commit.map { [$0] } ?? []) + mergeHeads(repository, environment)
            let validator = CommitValidator(repository: repository)
            validator.renameWitnesses = try renameWitnesses(repository, environment)
            return try validator.validate(pendingTree: tree, parents: parents, author: author(repository, environment))
        } catch { throw DeskError.from(error) }
    }

    /// pre-merge-commit: the merge result in the index against HEAD and
    /// MERGE_HEAD, judged exactly as pre-commit judges a hand-resolved merge.
    public static func preMergeCommit(_ repository: Repository, environment: [String: String]) throws(DeskError) -> CommitReport {
        try preCommit(repository, environment: environment)
    }

    /// commit-msg: personal data in the message about to be recorded.
    /// Returns the findings and the message with the values masked (a suggestion).
    public static func commitMessage(_ repository: Repository, messageFile: String) throws(DeskError) -> (findings: [Finding], masked: String) {
        guard let data = FileManager.default.contents(atPath: messageFile) else {
            throw .said(Message(.commitMessageUnreadable, ["file": .text(messageFile)]))
        }
        var lines: [Substring] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# ------------------------ >8 ------------------------") { break }
            lines.append(line.hasPrefix("#") ? "" : line)  // comments stay out, line numbers stay right
        }
        let message = lines.joined(separator: "\n")
        var policy = PrivacyPolicy.default
        do {
            if let head = try repository.head().commit,
               let settings = try CommitValidator(repository: repository).settings(tree: repository.commit(head).tree) {
                policy = settings.schema.privacy
            }
        } catch { throw DeskError.from(error) }
        let findings = PrivacyRule.scanCommitMessage(message, file: "COMMIT_EDITMSG", policy: policy)
        let masked = PrivacyGuard.maskCommitMessage(message.trimmed(), policy: policy)
        return (findings, masked)
    }

    /// One ref update a push asks for (a line of pre-receive's input).
    public struct RefUpdate: Sendable, Equatable {
        public var old: ObjectID?
        public var new: ObjectID?
        public var ref: String

        /// Parses `OLD NEW REF` (zero ids mean create or delete).
        public init?(line: String) {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard parts.count == 3, let o = ObjectID(hex: parts[0]), let n = ObjectID(hex: parts[1]) else { return nil }
            let zero = ObjectID(hex: String(repeating: "0", count: 40))!
            old = o == zero ? nil : o
            new = n == zero ? nil : n
            ref = parts[2]
        }
    }

    /// The other parents of a merge in progress (MERGE_HEAD; several for an octopus).
    /// Where a client hook looks for the ticket that took a renamed ticket's
    /// ID: the branch's upstream as last fetched, and the commits being merged.
    static func renameWitnesses(_ repository: Repository, _ environment: [String: String]) throws -> [ObjectID] {
        var witnesses = mergeHeads(repository, environment)
        if let branch = try repository.head().branchName, let upstream = try Upstream.of(branch: branch, in: repository),
           let tip = try repository.referenceTarget(upstream.trackingRef) {
            witnesses.append(tip)
        }
        return witnesses
    }

    static func mergeHeads(_ repository: Repository, _ environment: [String: String]) -> [ObjectID] {
        guard let data = FileManager.default.contents(atPath: repository.gitDir + "/MERGE_HEAD") else {
            // git merge runs pre-merge-commit before it writes MERGE_HEAD; the
            // commits being merged are named in its GITHEAD_<id> variables.
            return environment.keys.filter { $0.hasPrefix("GITHEAD_") }.sorted()
                .compactMap { ObjectID(hex: String($0.dropFirst("GITHEAD_".count))) }
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { ObjectID(hex: String($0).trimmed()) }
    }

    /// Whether the person `git commit` will record is on HEAD's roster (nil:
    /// no roster to ask, or no identity), so a refusal can say what to fix.
    public static func committerIsOnRoster(_ repository: Repository, environment: [String: String]) -> Bool? {
        guard let who = author(repository, environment),
              let head = try? repository.head().commit,
              let tree = try? repository.commit(head).tree,
              let settings = try? CommitValidator(repository: repository).settings(tree: tree) else { return nil }
        return settings.team.person(email: who.email, name: nil) != nil
    }

    /// The identity `git commit` will record: GIT_AUTHOR_* when set, else user.name/user.email.
    static func author(_ repository: Repository, _ environment: [String: String]) -> Signature? {
        let email = environment["GIT_AUTHOR_EMAIL"] ?? ((try? repository.configString("user.email")) ?? nil)
        let name = environment["GIT_AUTHOR_NAME"] ?? ((try? repository.configString("user.name")) ?? nil)
        guard let email else { return nil }
        return Signature(name: name ?? email, email: email, time: 0)
    }
}

extension HookChecks {
    /// The language and labels a hook speaks in: the desk's settings at HEAD
    /// on a clone; on the server (`server`), those of the protected branch,
    /// so every pusher reads the server desk's language. Nil when there are
    /// none yet (an empty server, a branch with no commits).
    public static func speech(_ repository: Repository, server: Bool) -> (language: Language, schema: Schema)? {
        let commit: ObjectID?
        if server {
            commit = (try? ServerPolicy.read(repository)).flatMap { try? repository.referenceTarget("refs/heads/\($0.branch)") }
        } else {
            commit = try? repository.head().commit
        }
        guard let commit, let tree = try? repository.commit(commit).tree,
              let settings = try? CommitValidator(repository: repository).settings(tree: tree) else { return nil }
        return (settings.config.language, settings.schema)
    }
}
