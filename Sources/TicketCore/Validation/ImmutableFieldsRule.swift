/// `immutable`: a ticket's `id` and `created` never change once written.
public struct ImmutableFieldsRule: ValidationRule {
    public let id = "immutable"
    public static let fields = ["id", "created"]
    public init() {}

    public func check(_ context: ValidationContext) -> [Finding] {
        guard let old = context.old else { return [] }
        return Self.fields.compactMap { key in
            guard old[key] != context.new.ticket[key] else { return nil }
            return context.finding(id, field: key, Message(.fieldImmutable, ["field": .field(key), "was": .text(old[key] ?? "-")]))
        }
    }
}
