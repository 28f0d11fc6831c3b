/// `required-field`: fields the schema requires — always, in the ticket's
/// status, or for its type, unless another field lifts it — are filled.
public struct RequiredFieldsRule: ValidationRule {
    public let id = "required-field"
    public init() {}

    public func check(_ context: ValidationContext) -> [Finding] {
        let ticket = context.new.ticket
        let lang = Language.en
        return context.schema.fields.compactMap { field in
            guard ticket[field.key] == nil,
                  field.isRequired(in: ticket) else { return nil }
            let when = ticket.status.map { " when the status is \(context.schema.workflow.status($0)?.label(lang) ?? $0)" } ?? ""
            return context.finding(id, field: field.key,
                                   "\(field.key) (\(field.zh)) is required\(field.required == true ? "" : when)")
        }
    }
}
