/// The union of two versions of an append-only log, ordered by time.
///
/// Both lists are walked together like the merge step of a merge sort:
/// the earlier entry (by time, then by its text, so neither side is
/// favoured) comes first, and each side's own order is kept.
///
/// Exact duplicates once (issue 9): an entry is its time to the second, its
/// operator and its words, so the same entry on both sides is one entry,
/// whether both carry it from the base or both made it. An entry held n
/// times by ours and m times by theirs appears max(n, m) times: copies made
/// on one side (the same words twice in one second in one clone) stay, and
/// the base needs no counting, since a log is append-only (a side never holds
/// fewer copies than the base without being refused). Swapping the sides
/// gives the same list.
enum LogUnion {
    static func union(_ ours: [LogEntry], _ theirs: [LogEntry]) -> [LogEntry] {
        walk(ours, theirs, key: key(of:), theirsFirst: { _, _ in false }, combine: { a, _ in a })
    }

    /// Contacts are the same entry whatever their state; an open follow-up
    /// closed on either side is closed (the only change the log allows).
    static func union(_ ours: [ContactEntry], _ theirs: [ContactEntry]) -> [ContactEntry] {
        // Two distinct copies of one contact: the open one first, whichever side holds it.
        walk(ours, theirs, key: key(of:), theirsFirst: { o, t in o.done && !t.done }, combine: { a, b in
            var c = a
            c.done = a.done || b.done
            return c
        })
    }

    /// Ours unchanged, then their entries ours lacks, in their time order:
    /// the union when it must extend ours (``MergeContext/linear``).
    static func appending(_ ours: [LogEntry], _ theirs: [LogEntry]) -> [LogEntry] {
        let merged = union(ours, theirs)
        return ours + extra(merged, beyond: ours, key: key(of:))
    }

    /// Contacts likewise; a follow-up either side closed is closed (the one
    /// change the append-only rule allows to an entry).
    static func appending(_ ours: [ContactEntry], _ theirs: [ContactEntry]) -> [ContactEntry] {
        let merged = union(ours, theirs)
        let closed = Set(merged.filter(\.done).map(key(of:)))
        let kept = ours.map { c in
            var x = c
            x.done = c.done || closed.contains(key(of: c))
            return x
        }
        return kept + extra(merged, beyond: ours, key: key(of:))
    }

    /// The entries of `merged` beyond those `ours` holds (counting copies), in `merged`'s order.
    private static func extra<E>(_ merged: [E], beyond ours: [E], key: (E) -> Key) -> [E] {
        var remaining: [Key: Int] = [:]
        for e in ours { remaining[key(e), default: 0] += 1 }
        return merged.filter { e in
            let k = key(e)
            if let n = remaining[k], n > 0 { remaining[k] = n - 1; return false }
            return true
        }
    }

    /// Time first, then the whole entry as text: a total order on keys.
    struct Key: Hashable, Comparable {
        var seconds: Int64
        var text: String
        static func < (a: Key, b: Key) -> Bool { (a.seconds, a.text) < (b.seconds, b.text) }
    }

    static func key(of e: LogEntry) -> Key {
        Key(seconds: e.time.seconds, text: "\(e.time.iso8601) \(e.operator): \(e.text)")
    }

    static func key(of c: ContactEntry) -> Key {
        Key(seconds: c.time.seconds, text: [c.time.iso8601, c.operator, c.channel, c.summary,
                                             c.followUp ?? "", c.followUpBy?.iso8601 ?? ""].joined(separator: "\u{1F}"))
    }

    private static func walk<E>(_ ours: [E], _ theirs: [E], key: (E) -> Key,
                                theirsFirst: (E, E) -> Bool, combine: (E, E) -> E) -> [E] {
        var out: [E] = []
        out.reserveCapacity(max(ours.count, theirs.count))
        var positions: [[Key: [Int]]] = [[:], [:]]   // where each side's copies of a key are in `out`
        func take(_ e: E, _ k: Key, side: Int) {
            let n = (positions[side][k]?.count ?? 0) + 1   // this is the side's n-th copy
            let other = positions[1 - side][k] ?? []
            if n <= other.count {
                // The other side's n-th copy is already in: the same entry, kept once.
                let at = other[n - 1]
                out[at] = combine(out[at], e)
                positions[side][k, default: []].append(at)
            } else {
                positions[side][k, default: []].append(out.count)
                out.append(e)
            }
        }
        var i = 0, j = 0
        while i < ours.count || j < theirs.count {
            if j == theirs.count { take(ours[i], key(ours[i]), side: 0); i += 1; continue }
            if i == ours.count { take(theirs[j], key(theirs[j]), side: 1); j += 1; continue }
            let a = key(ours[i]), b = key(theirs[j])
            if a == b {
                // Equal heads go together (one entry, or two copies side by side).
                if theirsFirst(ours[i], theirs[j]) {
                    take(theirs[j], b, side: 1); take(ours[i], a, side: 0)
                } else {
                    take(ours[i], a, side: 0); take(theirs[j], b, side: 1)
                }
                i += 1; j += 1
            } else if a < b {
                take(ours[i], a, side: 0); i += 1
            } else {
                take(theirs[j], b, side: 1); j += 1
            }
        }
        return out
    }
}
