import TicketCore

extension DeskError {
    /// The desk's error for a change the ``ChangeBuilder`` refused.
    init(_ refusal: ChangeRefusal) {
        switch refusal {
        case .privacy(let error): self = .privacy(error)
        case .tooLarge(let id, let bytes):
            self = .invalidInput("\(id) would be \(TicketLimits.describe(bytes: bytes)) long; "
                + "a ticket file holds at most \(TicketLimits.describe(bytes: TicketLimits.fileBytes)): shorten the text")
        case .unparsable(let problem): self = .invalidInput("internal: rendered ticket does not parse (\(problem))")
        case .rejected(let findings): self = .invalidChange(findings)
        case .workflow(let error): self = .workflow(error)
        case .unchanged(let id): self = .nothingChanged(id)
        }
    }
}
