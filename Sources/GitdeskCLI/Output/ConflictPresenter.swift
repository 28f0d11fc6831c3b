import TicketCore

/// How a merge conflict reads on one line.
enum ConflictPresenter {
    /// `Priority: ours "high", theirs "urgent" → kept "urgent" (rule higher)`, in the reader's language.
    static func sentence(_ c: MergeConflict) -> Message {
        Message(.conflictSettledSentence, ["field": .field(c.field), "ours": .text(shown(c.ours)),
                                           "theirs": .text(shown(c.theirs)), "chosen": .text(shown(c.chosen)), "rule": .text(c.rule)])
    }

    static func shown(_ value: String?) -> String { value.map { "\"\($0)\"" } ?? "-" }
}
