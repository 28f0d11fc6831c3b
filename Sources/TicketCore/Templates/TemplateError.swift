/// Why a template operation was refused; each reads as one line a user can act on.
public enum TemplateError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidSlug(String)
    case unknownField(String)
    case notEditable(String)
    case invalidValue(field: String, problem: String)
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

    public var description: String {
        switch self {
        case .invalidSlug(let s):
            return "'\(s)' is not a template name: use lowercase letters, digits and '-' (1–64), e.g. order-missing-after-payment"
        case .unknownField(let f):
            return "'\(f)' is not a template field (\(TemplateFields.editable.joined(separator: ", ")))"
        case .notEditable(let f):
            return "'\(f)' is written by its command (approved_*: 'gitdesk template approve'; source: 'gitdesk template from'), not set by hand"
        case .invalidValue(let field, let problem):
            return "\(field): \(problem)"
        case .notAllowed(let handle, let roles):
            return "\(handle) may not approve templates: it needs the role \(roles.joined(separator: " or "))"
        case .alreadyApproved(let slug, let by):
            return "template \(slug) is already approved by \(by) as it stands"
        case .notMajorNorPending(let slug):
            return "template \(slug) has nothing to approve"
        case .ticketNotResolved(let id, let status):
            return "\(id) is \(status): a template is made from a resolved or closed ticket (its solution is proven)"
        case .ticketLacks(let id, let field):
            return "\(id) has no \(field): a template needs the ticket's root cause and solution"
        case .unapprovedMajor(let slug):
            return "template \(slug) is a major solution (重大方案) not approved by a supervisor as it stands: ask one to run 'gitdesk template approve \(slug)' first"
        case .oldFormApproval(let slug):
            return "template \(slug) is a major solution (重大方案) whose approval has an older form (approved_hash without sha256:) that no longer counts: ask a supervisor to run 'gitdesk template approve \(slug)' again"
        case .majorNeedsApprover(let slug, let handle, let roles):
            return "\(handle) may not change 'major' (重大方案) of template \(slug): that needs the role \(roles.joined(separator: " or ")); edit the other fields, or ask one to change it"
        case .otherType(let slug, let type, let ticketType):
            return "template \(slug) is for \(type) tickets and this one is \(ticketType): choose one of its type ('gitdesk template suggest ID'), or add --force to use it anyway"
        case .unfilledPlaceholders(let slug, let names):
            return "template \(slug) leaves \(names.map { "〔\($0)〕" }.joined(separator: "、")) unfilled: give \(names.map { "--fill \($0)=…" }.joined(separator: " ")) (contact data is masked as usual), or write the text with --solution and edit it after"
        case .ownContent(let slug, let handle):
            return "\(handle) wrote content of template \(slug) and may not approve it: another supervisor approves a major plan"
        }
    }
}
