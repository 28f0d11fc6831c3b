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
        }
    }
}
