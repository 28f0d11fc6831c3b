/// `record-time`: times that cannot be. No time a ticket records lies before
/// its `created` time (`responded`, `archived`, `breached`, `expected_by`,
/// whenever a change sets them; log and contact entries are `log-time`'s),
/// and a new ticket's `due` is the one the SLA policy gives for its
/// `created` time and priority, as `gitdesk new` computes it. Authors holding
/// the `import` permission may add tickets with their own deadline (legacy
/// records); the times before `created` hold for everyone.
public struct RecordedTimeRule: ValidationRule {
    public let id = "record-time"
    public init() {}

    static let timeFields = ["responded", "archived", "breached", "expected_by"]

    public func check(_ context: ValidationContext) -> [Finding] {
        let new = context.new.ticket
        guard let created = new.created else { return [] }
        var findings: [Finding] = []
        for key in Self.timeFields {
            guard let value = new[key], context.old?[key] != value, let time = Timestamp.parse(value), time < created else { continue }
            findings.append(context.finding(id, field: key,
                Message(.timeBeforeCreated, ["field": .field(key), "time": .text(time.iso8601), "created": .text(created.iso8601)])))
        }
        // The deadline a ticket is born with is judged when it is added (a
        // change by an author); a ticket judged as it stands (`validate`,
        // `validate --all`: no author) may carry a later deadline that an
        // approved extension, a reopen or a priority change gave it.
        guard context.old == nil, let author = context.author, let due = new["due"] else { return findings }
        let importers = context.schema.workflow.roles(for: "import") ?? ["admin"]
        if importers.contains(where: author.has(role:)) { return findings }
        let expected = context.schema.sla?.resolveDue(from: created, priority: new["priority"])
        if expected?.iso8601 != due {
            findings.append(context.finding(id, field: "due",
                Message(.bornDueNotSLA, ["due": .text(due), "expected": .text(expected?.iso8601 ?? "-")])))
        }
        return findings
    }
}
