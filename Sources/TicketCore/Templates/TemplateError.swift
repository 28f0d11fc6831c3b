/// Why a template operation was refused; each reads as one line a user can act on.
public enum TemplateError: Error, Equatable, Sendable, CataloguedMessage {
    case invalidSlug(String)
    case unknownField(String)
    case notEditable(String)
    case invalidValue(field: String, problem: Message)
    case notAllowed(handle: String, roles: [String])
    case alreadyApproved(slug: String, by: String)
    case notMajorNorPending(String)
    case ticketNotResolved(id: String, status: String)
    case ticketLacks(id: String, field: String)
    case unapprovedMajor(slug: String)
    /// The approval was recorded with the old digest form (before SHA-256).
    case oldFormApproval(slug: String)
    /// `major` changed by someone who may not approve templates.
    case majorNeedsApprover(slug: String, handle: String, roles: [String])
    /// The approver wrote (part of) the content being approved.
    case ownContent(slug: String, handle: String)
    /// `resolve --template` with a template made for another type of ticket.
    case otherType(slug: String, type: String, ticketType: String)
    /// `resolve --template` would leave placeholders in the ticket.
    case unfilledPlaceholders(slug: String, names: [String])

    public var message: Message {
        switch self {
        case .invalidSlug(let s): return Message(.templateBadSlug, ["slug": .text(s)])
        case .unknownField(let f): return Message(.templateNotAField, ["key": .text(f), "fields": .texts(TemplateFields.editable)])
        case .notEditable(let f): return Message(.templateNotEditable, ["key": .text(f)])
        case .invalidValue(let field, let problem): return Message(.invalidValue, ["field": .field(field), "problem": .message(problem)])
        case .notAllowed(let handle, let roles): return Message(.templateApproveNeedsRole, ["handle": .text(handle), "roles": .roles(roles)])
        case .alreadyApproved(let slug, let by): return Message(.templateAlreadyApproved, ["slug": .text(slug), "who": .text(by)])
        case .notMajorNorPending(let slug): return Message(.templateNothingToApprove, ["slug": .text(slug)])
        case .ticketNotResolved(let id, let status): return Message(.templateTicketNotResolved, ["id": .text(id), "status": .status(status)])
        case .ticketLacks(let id, let field): return Message(.templateTicketLacks, ["id": .text(id), "field": .field(field)])
        case .unapprovedMajor(let slug): return Message(.templateUnapprovedMajor, ["slug": .text(slug)])
        case .oldFormApproval(let slug): return Message(.templateOldFormApproval, ["slug": .text(slug)])
        case .majorNeedsApprover(let slug, let handle, let roles):
            return Message(.templateMajorNeedsApprover, ["slug": .text(slug), "handle": .text(handle), "roles": .roles(roles)])
        case .otherType(let slug, let type, let ticketType):
            return Message(.templateOtherType, ["slug": .text(slug), "type": .values(enumName: "type", keys: [type]),
                                                "ticketType": .values(enumName: "type", keys: [ticketType])])
        case .unfilledPlaceholders(let slug, let names):
            return Message(.templateUnfilled, ["slug": .text(slug), "names": .text(names.map { "〔\($0)〕" }.joined(separator: "、")),
                                               "fills": .text(names.map { "--fill \($0)=…" }.joined(separator: " "))])
        case .ownContent(let slug, let handle): return Message(.templateOwnContent, ["slug": .text(slug), "handle": .text(handle)])
        }
    }
}
