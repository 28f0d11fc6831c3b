import Foundation
import GitKit
import TicketCore

extension HookChecks {
    /// What pre-receive found for one ref.
    public struct RefReport: Sendable {
        public var update: RefUpdate
        /// Why the ref update itself is refused (namespace, deleting the
        /// protected branch, no desk yet...), before any commit is judged.
        public var refusals: [Finding] = []
        /// The commits this update brings that no earlier update of the push
        /// already brought, each judged.
        public var reports: [CommitReport] = []
        public var hasErrors: Bool { !refusals.isEmpty || reports.contains(where: \.hasErrors) }
    }

    /// pre-receive: judges a push as a whole, before any ref moves.
    ///
    /// - Refs outside the accepted namespaces (``ServerPolicy``) are refused.
    /// - The rules (schema, roster, privacy exceptions) are those of the
    ///   protected branch's tip on the server, never HEAD's and never the
    ///   pushed commits'. While the protected branch does not exist, only a
    ///   push that creates it is accepted (the bootstrap: trust on first push;
    ///   with GITDESK_PUSHER the pusher must be an admin of the roster it brings).
    /// - Every commit that any accepted ref would make reachable and that the
    ///   protected branch does not already reach is judged, whatever the ref
    ///   (a branch, a tag: annotated tags are peeled to their commit, and
    ///   their messages scanned), merges and root commits included; a root
    ///   commit needs an admin. Commits brought by several refs are judged once.
    /// Reads only: nothing is written to the repository.
    public static func preReceive(_ repository: Repository, updates: [RefUpdate], pusher: String?) throws(DeskError) -> [RefReport] {
        do {
            let policy = try ServerPolicy.read(repository)
            let tip = try repository.referenceTarget(policy.protectedRef).flatMap { try repository.peeledCommit($0) }
            let bootstrap = tip == nil ? updates.first { $0.ref == policy.protectedRef && $0.new != nil } : nil
            let rules = try tip ?? bootstrap?.new.flatMap { try repository.peeledCommit($0) }
            let validator = CommitValidator(repository: repository, rulesFrom: rules, pusher: pusher)
            validator.rootsNeedAdmin = true
            validator.receivedAt = Int64(Date().timeIntervalSince1970)
            validator.scanBudget = ScanBudget()  // privacy.yaml max_scan_bytes, for the whole push
            var judged = Set<ObjectID>()
            if let rules, bootstrap != nil { judged.insert(rules) }
            var result: [RefReport] = []
            let roster = try tip.flatMap { try validator.settings(tree: repository.commit($0).tree)?.team }
                .flatMap { $0.people.isEmpty ? nil : $0 }
            for update in updates {
                var report = RefReport(update: update)
                defer { result.append(report) }
                func refuse(_ message: String) {
                    report.refusals.append(Finding(file: update.ref, line: 1, rule: "ref", message: message))
                }
                // The server's arrival stamps: written by post-receive only, whatever allowRefs says.
                if let refused = ArrivalNotes.refusal(for: update) { report = refused; continue }
                // Who pushes: someone on the roster, and only an admin rewrites the desk's branch.
                if let team = roster {
                    let person = pusher.flatMap { team.person($0) ?? team.person(email: $0, name: nil) }
                    if let pusher, person == nil {
                        refuse("the pusher '\(pusher)' is not on the roster (team.yaml) of \(policy.branch): nothing is accepted from them")
                        continue
                    }
                    if update.ref == policy.protectedRef, !(person?.has(role: "admin") ?? false),
                       let old = try update.old.flatMap({ try repository.peeledCommit($0) }),
                       let new = try update.new.flatMap({ try repository.peeledCommit($0) }),
                       !(try repository.isAncestor(old, of: new)) {
                        refuse("\(person?.handle ?? "the pusher") rewrites \(policy.branch) with a non-fast-forward update (commits on the server would be lost): only an admin may (GITDESK_PUSHER); pull, merge and push again")
                        continue
                    }
                }
                guard policy.accepts(update.ref) else {
                    refuse("this desk accepts pushes to \(policy.allowedRefs.joined(separator: " ")) only (git config \(ServerPolicy.allowRefsKey) on the server)")
                    continue
                }
                // A ref name is as public as a file name: no personal data in it.
                if PIIScanner.containsPII(update.ref.replacingOccurrences(of: "/", with: " ")) {
                    refuse("a ref name may not hold personal data (a phone number, an e-mail address...): name the branch or tag without it")
                    continue
                }
                guard let new = update.new else {
                    if update.ref == policy.protectedRef { refuse("the desk's branch \(policy.branch) may not be deleted") }
                    continue
                }
                guard let rules else {
                    refuse("the desk's branch \(policy.branch) does not exist on the server yet: push it first (its first push brings the desk's rules)")
                    continue
                }
                guard let commit = try repository.peeledCommit(new) else {
                    refuse("points at no commit: only commits (or tags of commits) are accepted")
                    continue
                }
                let tagMessages = try repository.tagMessages(new)
                if !tagMessages.isEmpty {
                    let policy = try validator.settingsPolicy(at: rules)
                    let tagFindings = tagMessages.flatMap { PrivacyRule.scanCommitMessage($0, file: "TAG_MSG", policy: policy) }
                    if !tagFindings.isEmpty { report.reports.append(CommitReport(commit: nil, findings: tagFindings)) }
                }
                if update == bootstrap {
                    report.reports += try bootstrapFindings(validator, commit: commit, pusher: pusher)
                    continue
                }
                let hide = tip.map { [$0] } ?? [rules]
                let fresh = try repository.commits(from: [commit], hiding: hide, oldestFirst: true).filter { !judged.contains($0) }
                // Each commit is judged: a push bringing more than the cap is refused before any is read.
                let cap = try validator.settings(tree: repository.commit(rules).tree)?.config.maxCommitsPerPush ?? DeskConfig.defaultMaxCommitsPerPush
                if judged.count + fresh.count > cap {
                    refuse("the push brings \(judged.count + fresh.count) new commits; a push may bring at most \(cap) (max_commits_per_push in .gitdesk/config.yaml): push the history in parts (git push origin <older commit>:\(update.ref)) or ask an admin to raise it")
                    continue
                }
                for id in fresh where judged.insert(id).inserted {
                    report.reports.append(try validator.validate(commit: id))
                }
            }
            return result
        } catch let error as DeskError {
            throw error
        } catch { throw DeskError.from(error) }
    }

    /// The first push of the protected branch to an empty server is trusted
    /// (it brings the rules), but with GITDESK_PUSHER its pusher must be an
    /// admin of the roster it brings.
    static func bootstrapFindings(_ validator: CommitValidator, commit: ObjectID, pusher: String?) throws -> [CommitReport] {
        guard let pusher else { return [] }
        let info = try validator.repository.commit(commit)
        let team = try validator.settings(tree: info.tree)?.team
        let person = team.flatMap { $0.person(pusher) ?? $0.person(email: pusher, name: nil) }
        if person?.has(role: "admin") ?? false { return [] }
        return [CommitReport(commit: info, findings: [Finding(file: "COMMIT", line: 1, rule: "pusher",
            Message(.firstPushNeedsAdmin))])]
    }
}
