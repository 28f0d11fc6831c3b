/// `path`: a ticket file under `tickets/` lives at `tickets/YYYY/MM/<ID>.md`,
/// named by its `id` and filed under the month of its `created` time.
public struct TicketPathRule: ValidationRule {
    public let id = "path"
    public init() {}

    public func check(_ context: ValidationContext) -> [Finding] {
        guard context.path.hasPrefix("tickets/"), let expected = TicketPath.path(of: context.new.ticket),
              expected != context.path else { return [] }
        return [context.finding(id, field: "id", Message(.ticketMisplaced, ["expected": .text(expected), "path": .text(context.path)]))]
    }
}
