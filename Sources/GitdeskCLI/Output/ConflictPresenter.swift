import TicketCore

/// How a merge conflict reads on one line.
enum ConflictPresenter {
    /// `priority: ours "high", theirs "urgent" → kept "urgent" (rule higher)`
    static func sentence(_ c: MergeConflict) -> String {
        "\(c.field): ours \(shown(c.ours)), theirs \(shown(c.theirs)) → kept \(shown(c.chosen)) (rule \(c.rule))"
    }

    static func shown(_ value: String?) -> String { value.map { "\"\($0)\"" } ?? "(none)" }
}
