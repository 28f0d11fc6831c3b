/// One time a change records as the moment something happened: a new log or
/// contact entry, `created` of a new ticket, `responded`, `archived`.
public struct RecordedTime: Equatable, Sendable {
    /// What recorded it, for messages: `log entry`, `contact #2`, `responded`.
    public var what: String
    /// The line of the ticket file that holds it.
    public var line: Int
    public var time: Timestamp

    public init(what: String, line: Int, time: Timestamp) {
        self.what = what; self.line = line; self.time = time
    }
}

/// The times a change records, so a gate can hold them against the commit's
/// own date (a commit made now that writes a first response nine days ago
/// is back-dating by hand).
///
/// Deadlines (`due`, `extension_until`, a follow-up's `--by`) and `breached`
/// (the deadline that was missed) are not records of a moment and are left out.
public enum RecordedTimes {
    /// Fields whose value is the moment something happened.
    public static let fields = ["created", "responded", "archived"]

    /// The times `new` records that no version in `previous` already holds:
    /// one version for an ordinary change (nil when the file is added), one
    /// per parent for a merge, so what a merge took from either side is not new.
    public static func added(to new: ParsedTicket, since previous: [Ticket?]) -> [RecordedTime] {
        let ticket = new.ticket
        var result: [RecordedTime] = []
        for key in fields {
            guard let value = ticket[key], let time = Timestamp.parse(value),
                  !previous.contains(where: { $0?[key] == value }) else { continue }
            result.append(RecordedTime(what: key, line: new.line(of: key), time: time))
        }
        let oldLogs = Set(previous.flatMap { $0?.log ?? [] }.map(LogKey.init))
        for (i, entry) in ticket.log.enumerated() where !oldLogs.contains(LogKey(entry)) {
            result.append(RecordedTime(what: "log entry", line: i < new.logLines.count ? new.logLines[i] : 1, time: entry.time))
        }
        let oldContacts = Set(previous.flatMap { $0?.contacts ?? [] }.map(ContactKey.init))
        for (i, contact) in ticket.contacts.enumerated() where !oldContacts.contains(ContactKey(contact)) {
            result.append(RecordedTime(what: "contact #\(i + 1)", line: i < new.contactLines.count ? new.contactLines[i] : 1,
                                       time: contact.time))
        }
        return result
    }

    /// A log entry by what identifies it: a later edit of the same entry is not a new record.
    private struct LogKey: Hashable {
        var seconds: Int64, op: String, text: String
        init(_ e: LogEntry) { seconds = e.time.seconds; op = e.operator; text = e.text }
    }

    /// A contact by when and by whom: closing its follow-up later changes it, but records no new contact.
    private struct ContactKey: Hashable {
        var seconds: Int64, op: String, channel: String
        init(_ c: ContactEntry) { seconds = c.time.seconds; op = c.operator; channel = c.channel }
    }
}
