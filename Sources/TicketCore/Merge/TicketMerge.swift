/// The field-aware three-way merge of one ticket (pure: values in, values out).
///
/// - A field changed on one side only takes that side's value.
/// - The processing log and the communication log are the union of both
///   sides, ordered by time, exact duplicates once (``LogUnion``).
/// - A field both sides changed to different values is settled by the
///   field's ``MergeRule`` and always reported: in the result and as a
///   `Conflict:` log entry by the merging operator (``ConflictLine``).
///
/// Every field of the result holds the value of the base or of one side,
/// never a new one, and the only new content is the operator's Conflict
/// entries (with, for a long text, the text that was not kept), so a server
/// can check a merge against its parents. A field no rule settles, or a
/// merged ticket the validator refuses where neither side was refused, is
/// `unresolved`: the caller must not write the result.
public enum TicketMerge {
    /// Merges `ours` and `theirs`, both changed from `base` (nil: added on
    /// both sides, as if from an empty ticket).
    /// Two different tickets that happen to share an ID are never fused
    /// (``sameTicket``): the result is unresolved (`id-collision`), both
    /// versions are left for a person; `gitdesk sync` renames the unpushed one.
    public static func merge(base: Ticket?, ours: Ticket, theirs: Ticket, schema: Schema, context: MergeContext) -> TicketMergeResult {
        let id = ours.id.isEmpty ? theirs.id : ours.id
        // The same version on both sides is one version: its entries are carried, not made twice.
        if ours == theirs { return TicketMergeResult(ticket: ours) }
        if !sameTicket(base: base, ours: ours, theirs: theirs) {
            return TicketMergeResult(ticket: ours, unresolved: [MergeConflict(
                ticketID: id, field: "id", ours: ours["created"], theirs: theirs["created"], chosen: nil, rule: "id-collision",
                note: "two different tickets were added with the same ID \(id): abort this merge or rebase (git merge --abort / git rebase --abort) and run gitdesk sync, which gives the unpushed one a new ID")])
        }
        let base = base ?? Ticket()
        var merged = context.linear
            ? Ticket(contacts: LogUnion.appending(ours.contacts, theirs.contacts), log: LogUnion.appending(ours.log, theirs.log))
            : Ticket(contacts: LogUnion.union(ours.contacts, theirs.contacts), log: LogUnion.union(ours.log, theirs.log))
        var settled: [(MergeConflict, notKept: (side: String, text: String)?)] = []
        var unresolved: [MergeConflict] = []
        let later = laterSide(ours: ours, theirs: theirs, context: context)

        for key in fieldKeys(base, ours, theirs, schema: schema) {
            let b = base[key], o = ours[key], t = theirs[key]
            if o == t || t == b { merged[key] = o; continue }
            if o == b { merged[key] = t; continue }
            let rule = schema.mergeRule(for: key)
            let conflict = MergeConflict(ticketID: id, field: key,
                                         ours: ConflictLine.display(o, field: key, schema: schema),
                                         theirs: ConflictLine.display(t, field: key, schema: schema),
                                         chosen: nil, rule: rule.rawValue)
            guard let side = choose(rule, key: key, ours: o, theirs: t, later: later, schema: schema) else {
                merged[key] = o
                var c = conflict
                c.note = rule == .manual
                    ? "\(key) has merge rule 'manual': edit the file to keep one value"
                    : "rule \(rule.rawValue) cannot compare these values: edit the file to keep one value"
                unresolved.append(c)
                continue
            }
            merged[key] = side == .ours ? o : t
            var c = conflict
            c.chosen = side == .ours ? c.ours : c.theirs
            let other = side == .ours ? (name: "theirs", value: t) : (name: "ours", value: o)
            let notKept = rule == .keepBoth ? other.value.map { (side: other.name, text: maskedText($0, schema: schema)) } : nil
            settled.append((c, notKept))
        }

        for (c, notKept) in settled {
            merged.log.append(LogEntry(time: context.now, operator: context.operatorHandle,
                                       text: ConflictLine.text(for: c, notKept: notKept)))
        }
        unresolved += newProblems(merged: merged, ours: ours, theirs: theirs, schema: schema)
        if context.linear, unresolved.isEmpty {
            unresolved += replayProblems(merged: merged, ours: ours, schema: schema)
        }
        return TicketMergeResult(ticket: merged, conflicts: settled.map(\.0), unresolved: unresolved)
    }

    /// True when the three versions are one ticket. A ticket's creation
    /// time and first log entry never change, so versions that differ there
    /// are different tickets. Without a base (added on both sides) two
    /// versions that differ at all are taken as different tickets: two
    /// clones that drew one ID in the same second, by the same operator,
    /// look alike in every immutable field, and one ticket reaches two
    /// clones only through a common commit, which would be the base.
    public static func sameTicket(base: Ticket?, ours: Ticket, theirs: Ticket) -> Bool {
        guard let base else { return ours == theirs }
        return [ours, theirs].allSatisfy { $0["created"] == base["created"] && $0.log.first == base.log.first }
    }

    enum Side { case ours, theirs }

    /// The side a rule keeps, or nil when it cannot settle the values.
    static func choose(_ rule: MergeRule, key: String, ours o: String?, theirs t: String?, later: Side?, schema: Schema) -> Side? {
        switch rule {
        case .manual:
            return nil
        case .laterChange, .keepBoth:
            // A tie goes to the greater value, so both clones of a merge choose alike.
            return later ?? ((o ?? "") >= (t ?? "") ? .ours : .theirs)
        case .laterStage:
            let order = schema.workflow.statuses.map(\.key)
            guard let a = o.flatMap(order.firstIndex(of:)), let b = t.flatMap(order.firstIndex(of:)) else { return nil }
            return a > b ? .ours : .theirs
        case .higher, .lower:
            guard let o, let t, let a = rank(o, key: key, schema: schema), let b = rank(t, key: key, schema: schema),
                  a != b else { return nil }
            return (a > b) == (rule == .higher) ? .ours : .theirs
        }
    }

    /// A value's height: numbers by size, date-times by time, enum values by
    /// their place in the enum (the first listed is the highest).
    static func rank(_ value: String, key: String, schema: Schema) -> Double? {
        let field = schema.field(key)
        if let name = key == "status" ? nil : field?.enumName, field?.type != .list {
            let values = schema.values(of: name)
            return values.firstIndex { $0.key == value }.map { Double(values.count - $0) }
        }
        if key == "status" {
            return schema.workflow.statuses.firstIndex { $0.key == value }.map(Double.init)
        }
        if field?.type == .datetime { return Timestamp.parse(value).map { Double($0.seconds) } }
        return Double(value)
    }

    /// The side that changed the ticket last: by the side times given, else
    /// by the latest entry of each side's logs; nil on a tie.
    static func laterSide(ours: Ticket, theirs: Ticket, context: MergeContext) -> Side? {
        let a = context.oursTime ?? latestEntry(ours)
        let b = context.theirsTime ?? latestEntry(theirs)
        switch (a, b) {
        case let (a?, b?) where a.seconds != b.seconds: return a.seconds > b.seconds ? .ours : .theirs
        case (.some, nil): return .ours
        case (nil, .some): return .theirs
        default: return nil
        }
    }

    static func latestEntry(_ t: Ticket) -> Timestamp? {
        (t.log.map(\.time) + t.contacts.map(\.time)).max()
    }

    /// The schema's fields in order, then any other field present, sorted.
    static func fieldKeys(_ tickets: Ticket..., schema: Schema) -> [String] {
        var keys = schema.fields.map(\.key)
        let known = Set(keys)
        var extra = Set<String>()
        for t in tickets { extra.formUnion(t.fields.keys.filter { !known.contains($0) }) }
        keys += extra.sorted()
        return keys
    }

    /// A long text as the log may hold it: personal data masked.
    static func maskedText(_ text: String, schema: Schema) -> String {
        PIIScanner.mask(text, options: schema.privacy.scanOptions).text
    }

    /// Rules a single ticket version must pass (those that need no change to compare).
    static let standingRules: [any ValidationRule] = [FieldValuesRule(), RequiredFieldsRule(), PrivacyRule()]

    /// Rules the replayed commit must pass as a plain commit on top of ours
    /// (a rebase makes no merge commit whose Conflict settlement the server
    /// could judge): a workflow step recorded from another state than the
    /// one it now starts from cannot be made true by the merge.
    static let replayRules: [any ValidationRule] = [StepFieldRule(), TransitionAllowedRule()]

    /// The replayed commit judged as a change from ours to the merged ticket:
    /// a step that no longer fits is unresolved (`replay-step`); the way out
    /// is a merge (`gitdesk sync`), where both sides' steps are carried.
    static func replayProblems(merged: Ticket, ours: Ticket, schema: Schema) -> [MergeConflict] {
        let layout = schema.layout
        guard let parsed = try? TicketFile.parse(TicketFile.render(merged, layout: layout)) else { return [] }
        let context = ValidationContext(schema: schema, team: nil, path: "", old: ours, new: parsed, author: nil)
        let findings = Validator(rules: replayRules).validate(context).filter { $0.severity == .error }
        guard let first = findings.first else { return [] }
        return [MergeConflict(ticketID: merged.id, field: first.field ?? "ticket", ours: nil, theirs: nil, chosen: nil,
                              rule: "replay-step",
                              note: "the replayed commit's step no longer fits the ticket it now starts from (\(first.rule): \(first.message)): run git rebase --abort, then gitdesk sync, which merges both sides' steps")]
    }

    /// Validator errors of the merged ticket that neither side had: the
    /// merge made an illegal state.
    static func newProblems(merged: Ticket, ours: Ticket, theirs: Ticket, schema: Schema) -> [MergeConflict] {
        func errors(_ t: Ticket) -> [Finding] {
            let layout = schema.layout
            guard let parsed = try? TicketFile.parse(TicketFile.render(t, layout: layout)) else {
                return [Finding(file: "", line: 1, rule: "parse", message: "the merged ticket cannot be written as a file")]
            }
            let context = ValidationContext(schema: schema, team: nil, path: "", old: nil, new: parsed, author: nil)
            return Validator(rules: standingRules).validate(context).filter { $0.severity == .error }
        }
        let before = Set((errors(ours) + errors(theirs)).map { "\($0.rule) \($0.field ?? "") \($0.message)" })
        return errors(merged).filter { !before.contains("\($0.rule) \($0.field ?? "") \($0.message)") }.map {
            MergeConflict(ticketID: merged.id, field: $0.field ?? "ticket", ours: nil, theirs: nil, chosen: nil,
                          rule: "invalid-result", note: "the merged ticket breaks rule \($0.rule): \($0.message)")
        }
    }
}
