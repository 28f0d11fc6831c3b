import GitKit
import TicketCore

/// An SLA outcome held against the server's arrival stamp of the commit
/// that recorded it: a first response or resolution recorded before its
/// deadline (met) whose commit reached the server only after the deadline
/// was recorded offline — legitimate within the offline window, and said so.
public struct SLAArrival: Equatable, Sendable {
    /// `respond` or `resolve`.
    public var clock: String
    /// The commit that recorded the outcome.
    public var commit: ObjectID
    /// When it reached the server (shown in the desk's time zone).
    public var arrival: Arrival
    /// The clock's deadline.
    public var due: Timestamp

    /// The outcome reached the server after its deadline.
    public var late: Bool { arrival.time > due }
}

extension Desk {
    /// For each SLA clock of `ticket` that is met: the commit that recorded
    /// the outcome and its arrival at the server, when the clone holds the
    /// server's stamps (``ArrivalNotes``); empty otherwise. Keyed by clock.
    public func slaArrivals(path: String, ticket: Ticket, sla: SLAStatus) -> [String: SLAArrival] {
        guard ArrivalNotes.present(in: repository) else { return [:] }
        let clocks = [("respond", sla.respond), ("resolve", sla.resolve)].compactMap { key, m in
            m.flatMap { $0.state == .met && $0.stopped != nil ? (key, $0) : nil }
        }
        guard !clocks.isEmpty, let commits = try? history(path: path) else { return [:] }
        // Each version of the ticket, newest first, as long as the file is there.
        var versions: [(CommitInfo, Ticket)] = []
        for c in commits {
            guard let bytes = try? repository.fileContents(at: path, inTree: c.tree),
                  let parsed = try? TicketFile.parse(bytes: bytes) else { break }
            versions.append((c, parsed.ticket))
        }
        var result: [String: SLAArrival] = [:]
        for (key, measure) in clocks {
            let stop = { (t: Ticket) in Self.stop(of: key, in: t, schema: self.schema) }
            guard let current = versions.first.map({ stop($0.1) }) ?? nil else { continue }
            // The oldest of the newest versions that all carry the current outcome recorded it.
            var recorder: CommitInfo? = nil
            for (commit, version) in versions {
                guard stop(version) == current else { break }
                recorder = commit
            }
            guard let recorder, var arrival = ArrivalNotes.arrival(of: recorder.id, in: repository) else { continue }
            arrival.time = timeZone.localise(arrival.time)
            result[key] = SLAArrival(clock: key, commit: recorder.id, arrival: arrival, due: measure.due)
        }
        return result
    }

    /// When a version of the ticket stopped a clock: `responded` for the first
    /// response, the entry into a stopped status for the resolution.
    static func stop(of clock: String, in ticket: Ticket, schema: Schema) -> Timestamp? {
        if clock == "respond" { return ticket["responded"].flatMap { Timestamp.parse($0) } }
        guard schema.workflow.clock(in: ticket.status) == .stopped else { return nil }
        return StatusHistory.enteredCurrentStatus(ticket)
    }
}
