/// What a workflow operation produced: the changed ticket and the line that
/// describes the change in its commit.
public struct WorkflowResult: Equatable, Sendable {
    /// The ticket after the operation (validated).
    public var ticket: Ticket
    /// One line for the commit message, e.g. `move new → in_progress`, `confirm 5★`.
    public var summary: String
    /// The operation's name for the `Operation:` trailer (`move`, `resolve`, ...).
    public var operation: String

    public init(ticket: Ticket, summary: String, operation: String) {
        self.ticket = ticket; self.summary = summary; self.operation = operation
    }
}
