import PropertyBased
import TestSupport
import Testing
import TicketCore

/// A base ticket and two versions changed from it in two clones.
struct MergeCase: Sendable, CustomStringConvertible {
    var base: Ticket
    var ours: Ticket
    var theirs: Ticket
    var oursTime: Timestamp?
    var theirsTime: Timestamp?
    var description: String { "base \(base)\nours \(ours)\ntheirs \(theirs)" }
}

enum MergeGen {
    static let schema = Fixtures.schema
    static let handles = ["li", "zhang", "chen", "liu", "wang"]
    static let texts = ["技术排查发现接口超时", "接口已修复", "客户来电确认", "已发送补偿券", "同步订单"]
    static let start = Fixtures.t("2024-05-01 14:30")

    static func pick<T>(_ a: [T], _ rng: inout SeededGenerator) -> T { a[Int.random(in: 0..<a.count, using: &rng)] }

    /// Random one-sided edits of fields and appended log and contact entries
    /// (few texts and close times, so both sides often add the same entry).
    static func edit(_ t: Ticket, _ rng: inout SeededGenerator) -> Ticket {
        var x = t
        for _ in 0..<Int.random(in: 0...3, using: &rng) {
            switch Int.random(in: 0..<7, using: &rng) {
            case 0: x["priority"] = pick(["urgent", "high", "medium", "low"], &rng)
            case 1: x["status"] = pick(["new", "in_progress", "needs_info", "awaiting_confirmation"], &rng)
            case 2: x["assignee"] = pick(handles + [""], &rng)
            case 3: x["title"] = pick(["支付成功但订单未生成", "重复下单", "订单缺失"], &rng)
            case 4: x["description"] = pick(["支付成功但订单未生成", "客户重复下单\n两次", ""], &rng)
            case 5: x["satisfaction"] = pick(["1", "3", "5"], &rng)
            default: x["department"] = pick(["tech_support", "after_sales", ""], &rng)
            }
        }
        for _ in 0..<Int.random(in: 0...3, using: &rng) {
            x.log.append(LogEntry(time: start.adding(seconds: Int64.random(in: 0...4, using: &rng) * 60),
                                  operator: pick(handles, &rng), text: pick(texts, &rng)))
        }
        if Int.random(in: 0..<3, using: &rng) == 0 {
            x.contacts.append(ContactEntry(time: start.adding(seconds: Int64.random(in: 0...2, using: &rng) * 60),
                                           operator: pick(handles, &rng), channel: "phone", summary: pick(texts, &rng)))
        }
        return x
    }

    static let mergeCase = Generator<MergeCase, Shrink.None<MergeCase>> { r in
        var rng = SeededGenerator(seed: r.next())
        var base = Ticket(fields: ["id": "CS-20240501-7K3FQ2", "created": "2024-05-01T14:30:00+08:00", "title": "支付成功但订单未生成",
                                   "status": "new", "type": "complaint", "channel": "app", "priority": "medium"],
                          log: [LogEntry(time: start, operator: "li", text: "登记 (recorded)")])
        base = edit(base, &rng)
        let times: [Timestamp?] = [nil, start.adding(seconds: 600), start.adding(seconds: 1200)]
        return MergeCase(base: base, ours: edit(base, &rng), theirs: edit(base, &rng),
                         oursTime: pick(times, &rng), theirsTime: pick(times, &rng))
    }

    static func context(_ c: MergeCase, swapped: Bool = false) -> MergeContext {
        MergeContext(operatorHandle: "wang", now: start.adding(seconds: 86_400),
                     oursTime: swapped ? c.theirsTime : c.oursTime, theirsTime: swapped ? c.oursTime : c.theirsTime)
    }

    static func key(_ e: LogEntry) -> String { "\(e.time.iso8601) \(e.operator): \(e.text)" }

    static func withoutConflicts(_ t: Ticket) -> Ticket {
        var x = t
        x.log.removeAll { $0.text.hasPrefix(ConflictLine.prefix) }
        return x
    }
}

@Suite("Ticket merge properties")
struct TicketMergePropertyTests {
    let schema = MergeGen.schema

    @Test("merge(b, x, x) == x, with no conflict")
    func sameOnBothSides() async {
        await propertyCheck(count: 300, input: MergeGen.mergeCase) { c in
            let r = TicketMerge.merge(base: c.base, ours: c.ours, theirs: c.ours, schema: schema, context: MergeGen.context(c))
            #expect(r.ticket == c.ours)
            #expect(r.conflicts.isEmpty && r.unresolved.isEmpty)
        }
    }

    @Test("merge(b, b, t) == t and merge(b, o, b) == o, with no conflict")
    func oneSideUnchanged() async {
        await propertyCheck(count: 300, input: MergeGen.mergeCase) { c in
            let r = TicketMerge.merge(base: c.base, ours: c.base, theirs: c.theirs, schema: schema, context: MergeGen.context(c))
            #expect(r.ticket == c.theirs)
            #expect(r.conflicts.isEmpty && r.unresolved.isEmpty)
            let s = TicketMerge.merge(base: c.base, ours: c.ours, theirs: c.base, schema: schema, context: MergeGen.context(c))
            #expect(s.ticket == c.ours)
            #expect(s.conflicts.isEmpty && s.unresolved.isEmpty)
        }
    }

    @Test("every log entry of either side is in the result, exact duplicates once: max(n, m) copies; contacts likewise")
    func logsAreTheUnion() async {
        await propertyCheck(count: 500, input: MergeGen.mergeCase) { c in
            let r = TicketMerge.merge(base: c.base, ours: c.ours, theirs: c.theirs, schema: schema, context: MergeGen.context(c))
            let merged = MergeGen.withoutConflicts(r.ticket)
            func counts(_ log: [LogEntry]) -> [String: Int] { log.reduce(into: [:]) { $0[MergeGen.key($1), default: 0] += 1 } }
            let b = counts(c.base.log), o = counts(c.ours.log), t = counts(c.theirs.log), m = counts(merged.log)
            var expected: [String: Int] = [:]
            for k in Set(o.keys).union(t.keys) {
                let n = o[k] ?? 0, mm = t[k] ?? 0
                expected[k] = max(n, mm)
            }
            #expect(m == expected)
            #expect(merged.log.map(\.time) == merged.log.map(\.time).sorted() || !(c.ours.log.map(\.time).isSorted && c.theirs.log.map(\.time).isSorted))
            #expect(Set(merged.contacts.map(\.summary)) == Set((c.ours.contacts + c.theirs.contacts).map(\.summary)))
            #expect(merged.contacts.count <= c.ours.contacts.count + c.theirs.contacts.count - c.base.contacts.count)
        }
    }

    @Test("swapping ours and theirs gives the same ticket (apart from the sides named in Conflict lines)")
    func symmetric() async {
        await propertyCheck(count: 500, input: MergeGen.mergeCase) { c in
            let a = TicketMerge.merge(base: c.base, ours: c.ours, theirs: c.theirs, schema: schema, context: MergeGen.context(c))
            let b = TicketMerge.merge(base: c.base, ours: c.theirs, theirs: c.ours, schema: schema,
                                      context: MergeGen.context(c, swapped: true))
            #expect(MergeGen.withoutConflicts(a.ticket) == MergeGen.withoutConflicts(b.ticket))
            #expect(a.conflicts.map(\.field) == b.conflicts.map(\.field))
            #expect(a.conflicts.map(\.chosen) == b.conflicts.map(\.chosen))
        }
    }

    @Test("every field holds the base's or a side's value; the only new log entries are the operator's Conflict entries")
    func nothingNew() async {
        await propertyCheck(count: 500, input: MergeGen.mergeCase) { c in
            let r = TicketMerge.merge(base: c.base, ours: c.ours, theirs: c.theirs, schema: schema, context: MergeGen.context(c))
            let keys = Set(c.base.fields.keys).union(c.ours.fields.keys).union(c.theirs.fields.keys).union(r.ticket.fields.keys)
            for k in keys {
                let v = r.ticket[k]
                #expect(v == c.base[k] || v == c.ours[k] || v == c.theirs[k], "\(k): \(v ?? "-")")
            }
            let sides = Set((c.ours.log + c.theirs.log).map(MergeGen.key))
            let added = r.ticket.log.filter { !sides.contains(MergeGen.key($0)) }
            #expect(added.count == r.conflicts.count)
            #expect(added.allSatisfy { $0.operator == "wang" && ConflictLine.parse($0, ticketID: c.ours.id) != nil })
        }
    }
}

extension Array where Element: Comparable {
    var isSorted: Bool { zip(self, dropFirst()).allSatisfy { $0 <= $1 } }
}

@Suite("Ticket merge properties, linear")
struct TicketMergeLinearPropertyTests {
    @Test("a linear merge (rebase) keeps ours' logs as a prefix and holds every entry of both sides")
    func oursIsAPrefix() async {
        await propertyCheck(count: 300, input: MergeGen.mergeCase) { c in
            var context = MergeGen.context(c)
            context.linear = true
            let r = TicketMerge.merge(base: c.base, ours: c.ours, theirs: c.theirs, schema: MergeGen.schema, context: context)
            #expect(Array(r.ticket.log.prefix(c.ours.log.count)) == c.ours.log)
            #expect(Array(r.ticket.contacts.prefix(c.ours.contacts.count)).map(\.summary) == c.ours.contacts.map(\.summary))
            let keys = Set(MergeGen.withoutConflicts(r.ticket).log.map(MergeGen.key))
            #expect(keys == Set((c.ours.log + c.theirs.log).map(MergeGen.key)))
        }
    }
}
