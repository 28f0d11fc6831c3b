import TicketCore
import TicketStore

/// How arrival stamps show: an SLA outcome recorded in time whose commit
/// reached the server after the deadline, and when each commit arrived.
extension TicketPresenter {
    /// A clock's line for `show`; a met outcome that reached the server late says so.
    func summary(_ m: SLAMeasure, arrival: SLAArrival?) -> String {
        let line = m.summary(language)
        guard let arrival, arrival.late, m.state == .met else { return line }
        let label = m.state.label(language)
        let flagged = label + say("（离线记录，到达服务器晚于时限）", " (recorded offline, reached the server after the deadline)")
        let arrived = say("，到达服务器 ", ", reached the server ") + arrival.arrival.time.shortDisplay
        return flagged + line.dropFirst(label.count) + arrived
    }

    /// `arrival` in `show --json`'s clock objects, when the stamps are known.
    func arrivalJSON(_ arrival: SLAArrival?) -> [(String, JSONValue)] {
        guard let arrival else { return [] }
        return [("arrival", .object([
            ("commit", .string(arrival.commit.hex)),
            ("time", .string(arrival.arrival.time.iso8601)),
            ("pusher", arrival.arrival.pusher.map(JSONValue.string) ?? .null),
            ("after_deadline", .bool(arrival.late)),
        ]))]
    }
}
