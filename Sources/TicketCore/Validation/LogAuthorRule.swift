/// `log-author`: an entry a change adds to the processing log or the
/// communication log is by the change's author — nobody writes a
/// supervisor's approval in the supervisor's name. Entries a merge carries
/// from its parents are not added (``MergeJudgement`` keeps them in the old
/// version); the merge driver's `Conflict:` lines are the merging operator's,
/// who is the merge's author. Exceptions: a new ticket added with its history
/// by someone holding the `import` permission (legacy records).
public struct LogAuthorRule: ValidationRule {
    public let id = "log-author"
    public init() {}

    public func check(_ context: ValidationContext) -> [Finding] {
        guard let author = context.author else { return [] }
        let importers = context.schema.workflow.roles(for: "import") ?? ["admin"]
        if context.old == nil, importers.contains(where: author.has(role:)) { return [] }
        var findings: [Finding] = []
        for added in context.addedEntries where added.entry.operator != author.handle {
            findings.append(context.finding(id, line: added.line, field: "log",
                Message(.logInOthersName, ["handle": .text(author.handle), "other": .text(added.entry.operator)])))
        }
        let oldContacts = context.old?.contacts.count ?? 0
        let lines = context.new.contactLines
        for (i, contact) in context.new.ticket.contacts.enumerated().dropFirst(oldContacts) where contact.operator != author.handle {
            findings.append(context.finding(id, line: i < lines.count ? lines[i] : 1, field: "contacts",
                Message(.contactInOthersName, ["handle": .text(author.handle), "other": .text(contact.operator)])))
        }
        return findings
    }
}
