import GitKit
import TicketCore

extension CommitValidator {
    /// Ticket files of a two-parent merge that differ from both parents and
    /// exist in both (a file both sides changed, merged field by field):
    /// each is judged by ``MergeAudit`` against the merge base and the
    /// parents, and by the rules a single version must pass. Appending to the
    /// log in time order cannot keep both parents' logs as prefixes, so the
    /// append-only and transition rules, which compare with one parent, do
    /// not apply to them.
    func mergedTicketFindings(tree: ObjectID, parents: [ObjectID], parentTrees: [ObjectID], schema: Schema,
                              team: Team?, merger: Person?) throws -> (paths: Set<String>, findings: [Finding]) {
        guard parents.count == 2 else { return ([], []) }
        let baseTree = try repository.mergeBase(parents[0], parents[1]).map { try repository.commit($0).tree }
        var paths = Set<String>()
        var findings: [Finding] = []
        let standing = Validator(rules: [FieldValuesRule(), RequiredFieldsRule(), TicketPathRule(), PrivacyRule()])
        for c in try repository.changedPaths(from: parentTrees[0], to: tree, under: "tickets/") {
            guard let newBlob = c.newBlob, let oldBlob = c.oldBlob, TreeValidator.ticketID(fromPath: c.path) != nil,
                  let theirs = try repository.entry(at: c.path, inTree: parentTrees[1])?.id, theirs != newBlob,
                  let ours = try? TicketFile.parse(bytes: repository.blob(oldBlob)).ticket,
                  let other = try? TicketFile.parse(bytes: repository.blob(theirs)).ticket,
                  let merged = try? TicketFile.parse(bytes: repository.blob(newBlob)) else { continue }
            paths.insert(c.path)
            let base = try baseTree.flatMap { try repository.fileContents(at: c.path, inTree: $0) }
                .flatMap { try? TicketFile.parse(bytes: $0).ticket }
            for p in MergeAudit.problems(base: base, parents: [ours, other], merged: merged.ticket,
                                         operatorHandle: merger?.handle) {
                findings.append(Finding(file: c.path, line: merged.line(of: p.field), rule: "merge", field: p.field, message: p.message))
            }
            let context = ValidationContext(schema: schema, team: team, path: c.path, old: nil, new: merged, author: nil)
            findings += standing.validate(context)
        }
        return (paths, findings)
    }
}
