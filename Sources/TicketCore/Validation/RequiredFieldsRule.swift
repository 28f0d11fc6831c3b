/// `required-field`: fields the schema requires — always, in the ticket's
/// status, or for its type, unless another field lifts it — are filled.
public struct RequiredFieldsRule: ValidationRule {
    public let id = "required-field"
    public init() {}

    public func check(_ context: ValidationContext) -> [Finding] {
        let ticket = context.new.ticket
        return context.schema.fields.compactMap { field in
            guard ticket[field.key] == nil,
                  field.isRequired(in: ticket) else { return nil }
            let message = field.required == true || ticket.status == nil
                ? Message(.requiredField, ["field": .field(field.key)])
                : Message(.requiredFieldInStatus, ["field": .field(field.key), "status": .status(ticket.status!)])
            return context.finding(id, field: field.key, message)
        }
    }
}
