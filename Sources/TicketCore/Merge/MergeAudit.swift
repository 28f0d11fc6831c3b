/// Checks that a ticket a merge produced is a merge of its parents, the way
/// ``TicketMerge`` makes one: every field holds the value of the base or of
/// a parent (never a new value), every log and contact entry of every parent
/// is kept, and the only new entries are the merging operator's (the
/// `Conflict:` entries). A hand-resolved merge passes when it keeps to this.
public enum MergeAudit {
    /// The problems found, each a sentence; empty when the merge is sound.
    /// `operatorHandle` nil: new entries are not checked for their author.
    public static func problems(base: Ticket?, parents: [Ticket], merged: Ticket, operatorHandle: String?) -> [(field: String, message: String)] {
        var problems: [(String, String)] = []
        var keys = Set(merged.fields.keys)
        for p in parents { keys.formUnion(p.fields.keys) }
        for key in keys.sorted() {
            let value = merged[key]
            if value == base?[key] || parents.contains(where: { $0[key] == value }) { continue }
            problems.append((key, "\(key) holds a value neither side of the merge had; a merge keeps one side's value"))
        }
        var mergedCounts: [String: Int] = [:]
        for e in merged.log { mergedCounts[key(e), default: 0] += 1 }
        var parentMax: [String: Int] = [:]
        for p in parents {
            var counts: [String: Int] = [:]
            for e in p.log { counts[key(e), default: 0] += 1 }
            for (k, n) in counts where mergedCounts[k, default: 0] < n {
                problems.append(("log", "a log entry of one side is missing from the merge: \(k.prefix(60))"))
            }
            parentMax.merge(counts, uniquingKeysWith: max)
        }
        if let handle = operatorHandle {
            for e in merged.log where mergedCounts[key(e), default: 0] > parentMax[key(e), default: 0] && e.operator != handle {
                problems.append(("log", "the merge adds a log entry by \(e.operator); only the person merging (\(handle)) may add entries"))
            }
        }
        for p in parents {
            for c in p.contacts where !merged.contacts.contains(where: { same(c, $0) }) {
                problems.append(("contacts", "a contact of \(c.time.shortDisplay) by \(c.operator) is missing from the merge"))
            }
        }
        return problems
    }

    static func key(_ e: LogEntry) -> String { "\(e.time.iso8601) \(e.operator): \(e.text)" }

    /// The same contact, allowing an open follow-up closed on the other side.
    static func same(_ a: ContactEntry, _ b: ContactEntry) -> Bool {
        var x = b
        x.done = a.done || b.done
        var y = a
        y.done = x.done
        return x == y
    }
}
