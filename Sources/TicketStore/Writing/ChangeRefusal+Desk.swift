import TicketCore

extension DeskError {
    /// The desk's error for a change the ``ChangeBuilder`` refused.
    init(_ refusal: ChangeRefusal) {
        switch refusal {
        case .privacy(let error): self = .privacy(error)
        case .tooLarge(let id, let bytes):
            self = .said(Message(.ticketTooLong, ["id": .text(id), "size": .text(TicketLimits.describe(bytes: bytes)),
                                                  "limit": .text(TicketLimits.describe(bytes: TicketLimits.fileBytes))]))
        case .unparsable(let problem): self = .said(Message(.renderedDoesNotParse, ["problem": .message(problem)]))
        case .rejected(let findings): self = .invalidChange(findings)
        case .workflow(let error): self = .workflow(error)
        case .unchanged(let id): self = .nothingChanged(id)
        }
    }
}
