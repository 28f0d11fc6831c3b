import GitKit
import TicketCore

/// Who wrote a template's current content: for each content field (but
/// `major`, which only approvers change), the
/// author of the commit that last set it (following first parents back from
/// a commit). An approver must not be one of them (a supervisor does not
/// sign off their own major plan), so this is read before `template
/// approve` writes and by the commit gates when an approval appears.
enum TemplateAuthorship {
    /// The handles (people on `team`; others by e-mail) who set the content
    /// of the template at `path` as it stands in `commit`.
    static func contentAuthors(_ repository: Repository, path: String, at commit: ObjectID, team: Team?) throws -> Set<String> {
        func content(_ tree: ObjectID) throws -> (blob: ObjectID, fields: [String: String])? {
            guard let entry = try repository.entry(at: path, inTree: tree), entry.isBlob,
                  let t = try? TemplateFile.parse(bytes: try repository.blob(entry.id)).template else { return nil }
            return (entry.id, t.content)
        }
        var info = try repository.commit(commit)
        guard let current = try content(info.tree) else { return [] }
        // Flagging a plan as major is a supervisor's call, not authorship of the plan.
        var remaining = Set(current.fields.keys).subtracting(["major"])
        var authors = Set<String>()
        var blob = current.blob
        while !remaining.isEmpty {
            let parent = try info.parents.first.map { try repository.commit($0) }
            let before = try parent.flatMap { try content($0.tree) }
            if before?.blob != blob {
                let set = remaining.filter { before?.fields[$0] != current.fields[$0] }
                if !set.isEmpty {
                    let a = info.author
                    authors.insert(team?.person(email: a.email, name: nil)?.handle ?? a.email)
                    remaining.subtract(set)
                }
            }
            guard let parent, let before else { break }
            info = parent; blob = before.blob
        }
        return authors
    }
}
