/// Turns a change into the bytes to commit, in one pass: apply the change to
/// the current version, mask personal data, render, parse the text back (so
/// findings carry real line numbers) and validate once.
///
/// Pure: no git, no files. The write path runs it on the branch tip, and
/// again on a newer tip when another writer moved the branch first.
public struct ChangeBuilder: Sendable {
    public var format: ChangeFormat

    public init(format: ChangeFormat) { self.format = format }

    /// Builds the change of file `path` (named `id`) whose current version
    /// is `old` (nil: the file does not exist; `oldBytes` its stored bytes).
    /// `apply`'s errors pass through unchanged; the builder's own are
    /// ``ChangeRefusal``s.
    public func build(id: String, path: String, old: Ticket?, oldBytes: [UInt8]?, by person: Person,
                      apply: (Ticket?) throws -> ChangeDraft) throws -> BuiltChange {
        let draft = try apply(old)
        // Privacy before anything is rendered: raw personal data never
        // reaches a git object (not even an unreachable blob).
        let stored: Ticket
        do throws(PrivacyError) { stored = try format.prepare(draft.ticket, old) } catch { throw ChangeRefusal.privacy(error) }
        let summary = PrivacyGuard.maskCommitMessage(draft.summary, policy: format.privacy)
        let text = format.render(stored)
        if text.utf8.count > TicketLimits.fileBytes { throw ChangeRefusal.tooLarge(id: id, bytes: text.utf8.count) }
        let parsed: ParsedTicket
        do { parsed = try TicketFile.parse(text) } catch { throw ChangeRefusal.unparsable(error.message) }
        let findings = format.validate(path, old, parsed, person)
        let errors = findings.filter { $0.severity == .error }
        if !errors.isEmpty {
            if draft.byWorkflow, let refusal = WorkflowEngine.refusal(errors, old: old, new: stored) {
                throw ChangeRefusal.workflow(refusal)
            }
            throw ChangeRefusal.rejected(errors)
        }
        let bytes = Array(text.utf8)
        if let oldBytes, oldBytes == bytes { throw ChangeRefusal.unchanged(id: id) }
        return BuiltChange(ticket: stored, typed: draft.ticket, text: text, bytes: bytes, parsed: parsed, summary: summary,
                           operation: draft.operation, warnings: findings.filter { $0.severity != .error })
    }
}
