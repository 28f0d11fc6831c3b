import TicketCore

/// The workflow engine bound to a desk's schema and roster, and the
/// time values people type on the command line.
extension Desk {
    /// The engine for this desk's schema and team.
    public var engine: WorkflowEngine { WorkflowEngine(schema: schema, team: team) }

    /// A date-time typed by a person (`2024-05-01 18:00`, ISO 8601, a bare
    /// date, `2026/12/05`, `12月5日`, `明天`, `+3d`: ``TypedTime``); a value
    /// without an offset is read in the desk's time zone. Nil if it does not parse.
    public func parseTime(_ text: String, near now: Timestamp) -> Timestamp? {
        TypedTime.parse(text, now: now, offsetMinutes: timeZone.offsetMinutes(at: now.seconds)).map(timeZone.localise)
    }
}
