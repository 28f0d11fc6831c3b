/// Who may write a time other than the clock's, and how far a recorded time
/// may stray from the moment it was recorded.
///
/// SLA compliance is measured from the times a ticket records (log entries,
/// `responded`, contacts), and it feeds performance reviews: a first response
/// written nine days in the past would count as met. So a write at a time
/// other than the clock's (GITDESK_NOW) needs the `backdate` permission of
/// workflow.yaml (admin when the file names none), unless the desk is a
/// test or demo desk (`clock_override` in config.yaml); a permitted write
/// says so in its commit with a `Backdated:` trailer.
public enum ClockPolicy {
    /// The permission key in workflow.yaml's `permissions`.
    public static let permission = "backdate"
    /// The commit trailer of a write made at a time other than the clock's.
    public static let trailer = "Backdated"
    /// How far apart two clocks may be and still count as the same moment
    /// (clock skew; the seconds between writing a log line and committing it).
    public static let toleranceSeconds: Int64 = 600

    /// The roles that may back-date: workflow.yaml's `backdate`, else admin only.
    public static func roles(in workflow: WorkflowDefinition) -> [String] {
        workflow.roles(for: permission) ?? ["admin"]
    }

    /// True if `person` holds the `backdate` permission.
    public static func mayBackdate(_ person: Person?, workflow: WorkflowDefinition) -> Bool {
        guard let person else { return false }
        return roles(in: workflow).contains { person.has(role: $0) }
    }

    /// True if `time` is further than the tolerance from `clock` (seconds since 1970), either way.
    public static func strays(_ time: Timestamp, from clock: Int64) -> Bool {
        abs(time.seconds - clock) > toleranceSeconds
    }

    /// The trailer line a back-dated write adds: `Backdated: <the real clock time>`.
    public static func trailerLine(clock: Timestamp) -> String {
        "\(trailer): \(clock.iso8601)"
    }

    /// The value of the `Backdated:` trailer of a commit message, if it has one.
    public static func trailerValue(in message: String) -> String? {
        let prefix = trailer + ":"
        for line in message.split(separator: "\n").reversed() where line.hasPrefix(prefix) {
            return String(line.dropFirst(prefix.count)).trimmed()
        }
        return nil
    }
}
