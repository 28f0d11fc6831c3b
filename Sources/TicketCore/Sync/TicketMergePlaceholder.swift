// TEMPORARY: stands in for the merge helper's TicketMerge until wt/merge is merged; deleted then.
public struct MergeContext: Sendable {
    public var operatorHandle: String
    public var now: Timestamp
    public var oursTime: Timestamp?
    public var theirsTime: Timestamp?
    public init(operatorHandle: String, now: Timestamp, oursTime: Timestamp? = nil, theirsTime: Timestamp? = nil) {
        self.operatorHandle = operatorHandle; self.now = now; self.oursTime = oursTime; self.theirsTime = theirsTime
    }
}
public struct TicketMergeResult: Sendable {
    public var ticket: Ticket
    public var conflicts: [MergeConflict]
    public var unresolved: [MergeConflict]
}
public struct MergeConflict: Sendable, Equatable, Codable {
    public var ticketID: String
    public var field: String
    public var ours: String?
    public var theirs: String?
    public var chosen: String?
    public var rule: String
    public var note: String?
}
public enum TicketMerge {
    public static func merge(base: Ticket?, ours: Ticket, theirs: Ticket, schema: Schema, context: MergeContext) -> TicketMergeResult {
        var t = ours
        var conflicts: [MergeConflict] = []
        for (k, v) in theirs.fields where base?[k] != v && ours[k] == base?[k] { t[k] = v }
        for (k, v) in theirs.fields where base?[k] != v && ours[k] != base?[k] && ours[k] != v {
            conflicts.append(MergeConflict(ticketID: ours.id, field: k, ours: ours[k], theirs: v, chosen: ours[k], rule: "ours"))
            t.log.append(LogEntry(time: context.now, operator: context.operatorHandle, text: "Conflict: \(k)"))
        }
        let baseLog = base?.log ?? []
        t.log = ours.log + theirs.log.dropFirst(baseLog.count).filter { !ours.log.contains($0) }
        t.log.sort { $0.time.seconds < $1.time.seconds }
        return TicketMergeResult(ticket: t, conflicts: conflicts, unresolved: [])
    }
}
public enum ConflictLine {
    public static func text(for c: MergeConflict, notKept: (side: String, text: String)? = nil) -> String {
        "Conflict: \(c.ticketID) \(c.field): \(c.ours ?? "-") vs \(c.theirs ?? "-") → \(c.chosen ?? "-") (\(c.rule))"
    }
}
