/// What a change made of a file's current version, before it is stored:
/// the new version as the command produced it, the commit's one-line
/// summary and the `Operation:` trailer.
public struct ChangeDraft: Sendable {
    public var ticket: Ticket
    public var summary: String
    public var operation: String
    /// Made by a ``WorkflowEngine`` whose own validation was left to the
    /// builder: its errors are then refused as the engine refuses them
    /// (``WorkflowError/rejected(_:)``, stored-value findings first).
    public var byWorkflow: Bool

    public init(ticket: Ticket, summary: String, operation: String, byWorkflow: Bool = false) {
        self.ticket = ticket; self.summary = summary; self.operation = operation; self.byWorkflow = byWorkflow
    }
}

/// A change ready to be committed: the stored version (masked), its text
/// and bytes, validated once.
public struct BuiltChange: Sendable {
    /// The version to store (personal data masked).
    public var ticket: Ticket
    /// The version the change produced, before masking (what was typed).
    public var typed: Ticket
    public var text: String
    public var bytes: [UInt8]
    /// `text` parsed back (what the validator judged, with line numbers).
    public var parsed: ParsedTicket
    /// The commit's summary line, personal data masked.
    public var summary: String
    public var operation: String
    /// The validator's warnings (errors refuse the change).
    public var warnings: [Finding]
}

/// Why the builder refused a change (nothing is written).
public enum ChangeRefusal: Error, Sendable {
    /// Personal data the privacy policy refuses to store.
    case privacy(PrivacyError)
    /// The rendered file would exceed ``TicketLimits/fileBytes``.
    case tooLarge(id: String, bytes: Int)
    /// The rendered text does not parse back (a renderer bug).
    case unparsable(Message)
    /// The validator's errors.
    case rejected([Finding])
    /// The validator's errors for a change made by the workflow engine.
    case workflow(WorkflowError)
    /// The stored version would be byte for byte the current one.
    case unchanged(id: String)
}
