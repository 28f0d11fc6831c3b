/// Renaming a ticket whose ID another clone minted first (an ID collision
/// found at sync): the same ticket under a fresh ID, with one log line that
/// says so. Nothing else changes, so a rename keeps every contact and the
/// `delete` rule can tell it from a deletion.
public enum TicketRename {
    /// The log line a rename adds; ``renamedFrom(_:)`` reads it back.
    public static func logText(from old: String, to new: String) -> String {
        "ID renamed from \(old) to \(new): another clone recorded a ticket with the same ID first (sync)"
    }

    /// `ticket` under `newID`, with the rename logged by `operator` at `time`.
    public static func apply(_ ticket: Ticket, newID: String, by handle: String, at time: Timestamp) -> Ticket {
        var renamed = ticket
        let old = ticket.id
        renamed["id"] = newID
        renamed.log.append(LogEntry(time: time, operator: handle, text: logText(from: old, to: newID)))
        return renamed
    }

    /// True for a log text in the words of ``logText(from:to:)``, whatever
    /// the IDs: a line that claims sync's rename (the `rename` rule checks
    /// that the change it arrives in makes that very rename).
    public static func looksLikeRenameLine(_ text: String) -> Bool {
        text.hasPrefix("ID renamed from ") && text.hasSuffix(": another clone recorded a ticket with the same ID first (sync)")
    }

    /// False when the file `bytes` certainly holds no rename line (the words
    /// "ID renamed from " appear nowhere): lets a check skip parsing it.
    public static func mayHoldRenameLine(_ bytes: [UInt8]) -> Bool {
        let marker = Array("ID renamed from ".utf8)
        guard bytes.count >= marker.count else { return false }
        return bytes.withUnsafeBufferPointer { p in
            var i = 0
            let last = p.count - marker.count
            while i <= last {
                if p[i] == 0x49 /* I */, p[i + 1] == 0x44 /* D */, marker.indices.allSatisfy({ p[i + $0] == marker[$0] }) { return true }
                i += 1
            }
            return false
        }
    }

    /// The ID `ticket` was renamed from by its last log entry, if that entry is a rename.
    public static func renamedFrom(_ ticket: Ticket) -> String? {
        guard let last = ticket.log.last?.text, last.hasPrefix("ID renamed from ") else { return nil }
        let rest = last.dropFirst("ID renamed from ".count)
        guard let space = rest.firstIndex(of: " ") else { return nil }
        let old = String(rest[..<space])
        return last == logText(from: old, to: ticket.id) ? old : nil
    }

    /// True if `new` is exactly `old` renamed: same fields, contacts and log,
    /// except `id` and one last log line naming the rename.
    public static func isRename(old: Ticket, new: Ticket) -> Bool {
        guard renamedFrom(new) == old.id, new.id != old.id else { return false }
        var undone = new
        undone["id"] = old.id
        undone.log.removeLast()
        return undone == old
    }
}
