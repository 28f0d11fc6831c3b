import GitKit
import TicketCore

/// First responses that reached the server later than their recorded time:
/// reports count them at their arrival (issue 9's back-dated first response).
///
/// A clone can record a first response with an earlier time than it was made
/// (a clock set back, inside the offline window the server allows); the
/// server's arrival stamp (``ArrivalNotes``) is the one time no client
/// writes. A response whose commit arrived more than the clock tolerance
/// (``ClockPolicy/toleranceSeconds``, 10 minutes: a push right after the
/// work) after the time it records counts in reports from its arrival.
enum LateResponses {
    /// Ticket ID → (the `responded` value as recorded, when that commit reached the server),
    /// for every first response that arrived late. Empty without arrival stamps.
    static func read(_ desk: Desk) -> [String: (recorded: String, arrived: Timestamp)] {
        let repository = desk.repository
        guard let tip = try? repository.referenceTarget(ArrivalNotes.ref),
              let notes = try? repository.commit(tip),
              let entries = try? repository.listFiles(inTree: notes.tree) else { return [:] }
        let tolerance = ClockPolicy.toleranceSeconds
        var late: [String: (recorded: String, arrived: Timestamp)] = [:]
        let comparer = TreeComparer(repository: repository)
        for entry in entries {
            // A note's path is the annotated commit's ID (split into folders by a fan-out).
            guard let id = ObjectID(hex: entry.path.replacingOccurrences(of: "/", with: "")),
                  let commit = try? repository.commit(id),
                  let bytes = try? repository.blob(entry.blob),
                  let arrival = Arrival(note: String(decoding: bytes, as: UTF8.self)),
                  arrival.time.seconds - commit.author.time > tolerance else { continue }
            let parentTree = commit.parents.first.flatMap { try? repository.commit($0).tree }
            guard let changes = try? comparer.changes(from: parentTree, to: commit.tree, under: DeskLayout.ticketsDirectory + "/")
            else { continue }
            for change in changes {
                guard let blob = change.newBlob, let ticketID = TicketPath.ticketID(fromPath: change.path),
                      let new = try? TicketFile.parse(bytes: repository.blob(blob)).ticket,
                      let responded = new["responded"], let time = Timestamp.parse(responded),
                      arrival.time.seconds - time.seconds > tolerance else { continue }
                let old = change.oldBlob.flatMap { try? TicketFile.parse(bytes: repository.blob($0)).ticket }
                guard old?["responded"] != responded else { continue }
                // The earliest arrival of the value wins (a copy merged again later arrives again).
                if let seen = late[ticketID], seen.recorded == responded, seen.arrived <= arrival.time { continue }
                late[ticketID] = (responded, desk.timeZone.localise(arrival.time))
            }
        }
        return late
    }

    /// `tickets` with each late first response moved to its arrival (the `responded`
    /// value still the one recorded by that commit; a later correction is left alone).
    static func apply(_ late: [String: (recorded: String, arrived: Timestamp)], to tickets: [Ticket]) -> [Ticket] {
        guard !late.isEmpty else { return tickets }
        return tickets.map { ticket in
            guard let l = late[ticket.id], ticket["responded"] == l.recorded else { return ticket }
            var moved = ticket
            moved["responded"] = l.arrived.iso8601
            return moved
        }
    }
}
