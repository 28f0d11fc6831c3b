/// How a merge commit is judged: what its result carries from its sides and
/// what the merge itself produced.
///
/// Each side's commits were judged when they were pushed (they are in the
/// same push or already on the protected branch), so a value the result
/// takes from a side is *carried*. For every path, and for every field of a
/// ticket, the legitimate values are those of the sides that changed it
/// relative to the merge base, or the base's value when no side did.
/// Anything else was *produced by the merge* and is judged as a change by
/// the merge's author, with the author's roles: a settings file no side
/// had, a ticket deleted that no side deleted, a status no side had.
///
/// A ticket's processing log and communication log keep every entry of
/// every side; entries the result adds beyond their union are new entries
/// by the merge's author (e.g. the `Conflict:` lines a merge helper writes).
/// A merge made field by field from one side or the base, with the logs
/// unioned, therefore passes by construction.
public enum MergeJudgement {
    /// The values a merge result may hold for one path or field.
    public static func legitimate<V: Equatable>(base: V, sides: [V]) -> [V] {
        let changed = sides.filter { $0 != base }
        return changed.isEmpty ? [base] : changed
    }

    /// True if `result` is one of the legitimate values: nothing to judge.
    public static func isCarried<V: Equatable>(_ result: V, base: V, sides: [V]) -> Bool {
        legitimate(base: base, sides: sides).contains(result)
    }

    /// The change a merge's author made to one ticket.
    public struct TicketChange: Sendable {
        /// What the author's change is judged against: the result with every
        /// produced field set back to a legitimate value and only the carried
        /// log and contact entries. Nil when no side and no base had the
        /// ticket: the merge added it.
        public var old: Ticket?
        /// The result, its added entries moved after the carried ones (so
        /// the append-only and transition rules read them as appended).
        public var new: ParsedTicket
        /// Entries of a side the result dropped (`append-only`).
        public var findings: [Finding]
    }

    /// Judges the merge result of one ticket file. `sides[i]` is parent i's
    /// version (nil: it has no such file); `base` the merge base's.
    public static func ticketChange(path: String, base: Ticket?, sides: [Ticket?], result: ParsedTicket) -> TicketChange {
        // A side that deleted the ticket says nothing about its fields: keeping it is the file-level question.
        var present = sides.compactMap { $0 }
        if present.isEmpty, let base { present = [base] }
        guard !present.isEmpty else { return TicketChange(old: nil, new: result, findings: []) }
        let r = result.ticket
        let baseFields = base?.fields ?? [:]

        var old = Ticket()
        var keys = Set(baseFields.keys).union(r.fields.keys)
        for side in present { keys.formUnion(side.fields.keys) }
        for key in keys {
            let legit = legitimate(base: baseFields[key], sides: present.map { $0.fields[key] })
            old[key] = legit.contains(r.fields[key]) ? r.fields[key] : legit[0]
        }

        var findings: [Finding] = []
        for (i, side) in sides.enumerated() {
            guard let side else { continue }
            for entry in side.log where !r.log.contains(entry) {
                findings.append(Finding(file: path, line: result.sectionLines[TicketFile.logSection] ?? 1, rule: "append-only",
                    field: "log", Message(.mergeDroppedLogEntry, ["time": .text(entry.time.shortDisplay), "who": .text(entry.operator), "parent": .number(i + 1)])))
            }
            for contact in side.contacts where !r.contacts.contains(where: { sameContact($0, contact) }) {
                findings.append(Finding(file: path, line: result.sectionLines[TicketFile.contactsSection] ?? 1, rule: "append-only",
                    field: "contacts", Message(.mergeDroppedContact, ["time": .text(contact.time.shortDisplay), "who": .text(contact.operator), "parent": .number(i + 1)])))
            }
        }

        var new = result
        // Exact duplicates once (``LogUnion``): an entry the sides hold n, m… times
        // is carried max(n, m, …) times; a copy beyond that is new, by the merge's author.
        func key(_ e: LogEntry) -> String { "\(e.time.iso8601) \(e.operator)\u{1F}\(e.text)" }
        func counts(_ log: [LogEntry]) -> [String: Int] { log.reduce(into: [:]) { $0[key($1), default: 0] += 1 } }
        var allowed: [String: Int] = [:]
        for side in present {
            for (k, n) in counts(side.log) { allowed[k] = max(allowed[k] ?? 0, n) }
        }
        findings += copyCountFindings(path: path, result: result, expected: allowed, key: key)
        let logCarried = r.log.indices.filter { i in
            let k = key(r.log[i])
            guard let n = allowed[k], n > 0 else { return false }
            allowed[k] = n - 1
            return true
        }
        let logAdded = r.log.indices.filter { !logCarried.contains($0) }
        old.log = logCarried.map { r.log[$0] }
        new.ticket.log = (logCarried + logAdded).map { r.log[$0] }
        new.logLines = (logCarried + logAdded).map { result.logLines.indices.contains($0) ? result.logLines[$0] : 1 }

        let contactCarried = r.contacts.indices.filter { i in present.contains { $0.contacts.contains { sameContact($0, r.contacts[i]) } } }
        let contactAdded = r.contacts.indices.filter { !contactCarried.contains($0) }
        old.contacts = contactCarried.map { r.contacts[$0] }
        new.ticket.contacts = (contactCarried + contactAdded).map { r.contacts[$0] }
        new.contactLines = (contactCarried + contactAdded).map { result.contactLines.indices.contains($0) ? result.contactLines[$0] : 1 }
        return TicketChange(old: old, new: new, findings: findings)
    }

    /// `copy-count`: an entry the sides carry must appear as many times as
    /// the merge rule gives (``LogUnion``: max(n, m)), no fewer (a hand
    /// resolution that kept one of two copies a side made) and no more (one
    /// that pasted an entry again). An entry no copy of
    /// which survived is the `append-only` finding above. Named by time and
    /// operator, never by its text.
    static func copyCountFindings(path: String, result: ParsedTicket, expected: [String: Int],
                                  key: (LogEntry) -> String) -> [Finding] {
        var seen: [String: Int] = [:]
        var firstLine: [String: Int] = [:]
        for (i, entry) in result.ticket.log.enumerated() {
            let k = key(entry)
            seen[k, default: 0] += 1
            if firstLine[k] == nil { firstLine[k] = result.logLines.indices.contains(i) ? result.logLines[i] : 1 }
        }
        var findings: [Finding] = []
        for entry in result.ticket.log {
            let k = key(entry)
            guard let want = expected[k], let have = seen[k], have != want, want > 0 else { continue }
            seen[k] = nil
            let what = have < want ? Message(.mergeCopiesDropped, ["count": .number(want - have), "want": .number(want)])
                : Message(.mergeCopiesExtra, ["have": .number(have), "want": .number(want)])
            findings.append(Finding(file: path, line: firstLine[k] ?? 1, rule: "copy-count", field: "log",
                Message(.mergeCopyCount, ["what": .message(what), "time": .text(entry.time.shortDisplay), "who": .text(entry.operator)])))
        }
        return findings
    }

    /// One contact entry, whether or not its follow-up was marked done since.
    static func sameContact(_ a: ContactEntry, _ b: ContactEntry) -> Bool {
        var x = a, y = b
        x.done = false; y.done = false
        return x == y
    }
}
