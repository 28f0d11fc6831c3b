import Foundation
import TestSupport
import Testing
import TicketCore

/// The three-way merge of one ticket, told with the complaint CS20240501001
/// worked in two clones at once.
@Suite("Ticket merge")
struct TicketMergeTests {
    let schema = Fixtures.schema
    let t = Fixtures.t

    /// The complaint as both clones last saw it: recorded, in progress with 张.
    var base: Ticket {
        var fields = Fixtures.complaintFields
        fields["id"] = "CS-20240501-7K3FQ2"
        fields["created"] = "2024-05-01T14:30:00+08:00"
        fields["status"] = "in_progress"
        fields["assignee"] = "zhang"
        fields["priority"] = "medium"
        return Ticket(fields: fields, log: [
            LogEntry(time: t("2024-05-01 14:30"), operator: "li", text: "登记 (recorded)"),
            LogEntry(time: t("2024-05-01 14:40"), operator: "zhang", text: "开始处理：新建 → 处理中 [status: new → in_progress]"),
        ])
    }

    func context(ours: String? = nil, theirs: String? = nil) -> MergeContext {
        MergeContext(operatorHandle: "wang", now: t("2024-05-02 09:00"),
                     oursTime: ours.map(t), theirsTime: theirs.map(t))
    }

    func comment(_ ticket: Ticket, _ time: String, _ op: String, _ text: String) -> Ticket {
        var x = ticket
        x.log.append(LogEntry(time: t(time), operator: op, text: text))
        return x
    }

    func conflictEntries(_ ticket: Ticket) -> [LogEntry] {
        ticket.log.filter { $0.text.hasPrefix(ConflictLine.prefix) }
    }

    @Test("comments added in both clones are both kept, in time order, without conflict")
    func commentsOnBothSides() {
        let ours = comment(base, "2024-05-01 15:00", "zhang", "接口已修复,订单已同步")
        let theirs = comment(base, "2024-05-01 14:45", "li", "技术排查发现接口超时")
        let r = TicketMerge.merge(base: base, ours: ours, theirs: theirs, schema: schema, context: context())
        #expect(r.isClean && r.conflicts.isEmpty)
        #expect(r.ticket.log.map(\.text) == ["登记 (recorded)", "开始处理：新建 → 处理中 [status: new → in_progress]",
                                             "技术排查发现接口超时", "接口已修复,订单已同步"])
        #expect(r.ticket.fields == base.fields)
    }

    @Test("a field changed in one clone only is taken from it")
    func oneSidedChanges() {
        var ours = base
        ours["module"] = "APP-支付"
        var theirs = base
        theirs["priority"] = "urgent"
        theirs["department"] = nil
        let r = TicketMerge.merge(base: base, ours: ours, theirs: theirs, schema: schema, context: context())
        #expect(r.isClean && r.conflicts.isEmpty)
        #expect(r.ticket["module"] == "APP-支付")
        #expect(r.ticket["priority"] == "urgent")
        #expect(r.ticket["title"] == base["title"])
    }

    @Test("priority changed differently on both sides: the higher wins, logged as a Conflict entry by the operator")
    func priorityConflict() throws {
        var ours = base
        ours["priority"] = "high"
        var theirs = base
        theirs["priority"] = "urgent"
        let r = TicketMerge.merge(base: base, ours: ours, theirs: theirs, schema: schema, context: context())
        #expect(r.isClean)
        #expect(r.ticket["priority"] == "urgent")
        let expected = MergeConflict(ticketID: "CS-20240501-7K3FQ2", field: "priority", ours: "high", theirs: "urgent",
                                     chosen: "urgent", rule: "higher")
        #expect(r.conflicts == [expected])
        let entries = conflictEntries(r.ticket)
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry.operator == "wang" && entry.time == t("2024-05-02 09:00"))
        #expect(entry.text == #"Conflict: priority ours="high" theirs="urgent" chosen="urgent" rule=higher"#)
        #expect(ConflictLine.parse(entry, ticketID: "CS-20240501-7K3FQ2") == expected)
        // The same the other way round.
        let swapped = TicketMerge.merge(base: base, ours: theirs, theirs: ours, schema: schema, context: context())
        #expect(swapped.ticket["priority"] == "urgent")
    }

    @Test("status changed on both sides: the later stage of the workflow wins; both steps stay in the log")
    func statusConflict() {
        var ours = comment(base, "2024-05-01 16:00", "zhang", "提交解决方案，待客户确认：处理中 → 待确认 [status: in_progress → awaiting_confirmation]")
        ours["status"] = "awaiting_confirmation"
        ours["solution"] = "修复接口并同步订单"
        ours["root_cause"] = "支付回调接口超时"
        var theirs = comment(base, "2024-05-01 15:30", "li", "退回补充信息：处理中 → 待补充 [status: in_progress → needs_info]\n原因：缺少订单号")
        theirs["status"] = "needs_info"
        let r = TicketMerge.merge(base: base, ours: ours, theirs: theirs, schema: schema, context: context())
        #expect(r.isClean, "\(r.unresolved)")
        #expect(r.ticket.status == "awaiting_confirmation")
        #expect(r.conflicts.map(\.rule) == ["later_stage"])
        #expect(r.ticket.log.filter { WorkflowLog.statusChange(in: $0.text) != nil }.count == 3)
    }

    @Test("assignee changed on both sides: the side that changed the ticket last wins")
    func assigneeByLaterChange() {
        var ours = base
        ours["assignee"] = "chen"
        var theirs = base
        theirs["assignee"] = "liu"
        let r1 = TicketMerge.merge(base: base, ours: ours, theirs: theirs, schema: schema,
                                   context: context(ours: "2024-05-01 16:00", theirs: "2024-05-01 17:00"))
        #expect(r1.ticket["assignee"] == "liu")
        #expect(r1.conflicts.first?.rule == "later_change")
        let r2 = TicketMerge.merge(base: base, ours: ours, theirs: theirs, schema: schema,
                                   context: context(ours: "2024-05-01 18:00", theirs: "2024-05-01 17:00"))
        #expect(r2.ticket["assignee"] == "chen")
    }

    @Test("a long text changed on both sides: the later change is kept and the other text is copied into the log")
    func longTextKeepsBoth() throws {
        var ours = base
        ours["description"] = "支付成功但订单未生成\n客户重复下单两次"
        var theirs = base
        theirs["description"] = "支付成功但订单未生成,导致重复下单\n已退款一笔"
        let r = TicketMerge.merge(base: base, ours: ours, theirs: theirs, schema: schema,
                                  context: context(ours: "2024-05-01 16:00", theirs: "2024-05-01 15:00"))
        #expect(r.isClean)
        #expect(r.ticket["description"] == ours["description"])
        let entry = try #require(conflictEntries(r.ticket).first)
        #expect(entry.text.hasPrefix(#"Conflict: description ours="支付成功但订单未生成 客户重复下单两次" theirs="#))
        #expect(entry.text.hasSuffix("rule=keep_both\nnot kept (theirs):\n支付成功但订单未生成,导致重复下单\n已退款一笔"))
    }

    @Test("values in a Conflict entry are masked: no raw personal data in the log or the result")
    func conflictValuesMasked() throws {
        var rng = SeededGenerator(seed: 42)
        let phoneA = PIISamples.mobile(using: &rng), phoneB = PIISamples.mobile(using: &rng)
        var ours = base
        ours["module"] = "回拨 \(phoneA)"
        var theirs = base
        theirs["module"] = "回拨 \(phoneB)"
        let r = TicketMerge.merge(base: base, ours: ours, theirs: theirs, schema: schema, context: context())
        let entry = try #require(conflictEntries(r.ticket).first)
        for raw in [phoneA, phoneB] {
            #expect(!entry.text.contains(raw))
            #expect(r.conflicts.allSatisfy { !($0.ours ?? "").contains(raw) && !($0.theirs ?? "").contains(raw) })
        }
        #expect(entry.text.contains("****"))
    }

    @Test("a field whose rule is manual is left unresolved and nothing is logged for it")
    func manualRuleUnresolved() throws {
        var custom = schema
        var fields = custom.fields
        let i = try #require(fields.firstIndex { $0.key == "title" })
        fields[i].merge = "manual"
        custom = Schema(fields: fields, enums: custom.enums, workflow: custom.workflow, routing: custom.routing,
                        sla: custom.sla, privacy: custom.privacy)
        var ours = base
        ours["title"] = "支付成功订单缺失"
        var theirs = base
        theirs["title"] = "重复下单"
        let r = TicketMerge.merge(base: base, ours: ours, theirs: theirs, schema: custom, context: context())
        #expect(!r.isClean)
        #expect(r.unresolved.map(\.field) == ["title"])
        #expect(r.unresolved.first?.note?.contains("manual") == true)
        #expect(conflictEntries(r.ticket).isEmpty)
    }

    @Test("a merge that would make an illegal state (a required field missing) is unresolved")
    func illegalStateUnresolved() {
        // Ours resolves with a solution; theirs removed the solution draft.
        var withDraft = base
        withDraft["solution"] = "修复接口"
        withDraft["root_cause"] = "接口超时"
        var ours = comment(withDraft, "2024-05-01 16:00", "zhang", "提交解决方案，待客户确认：处理中 → 待确认 [status: in_progress → awaiting_confirmation]")
        ours["status"] = "awaiting_confirmation"
        var theirs = withDraft
        theirs["solution"] = nil
        let r = TicketMerge.merge(base: withDraft, ours: ours, theirs: theirs, schema: schema, context: context())
        #expect(!r.isClean)
        #expect(r.unresolved.contains { $0.field == "solution" && $0.rule == "invalid-result" })
    }

    @Test("a ticket added on both sides (no base) in two versions is taken for two tickets; one version on both sides is itself")
    func addedOnBothSides() {
        var ours = comment(base, "2024-05-01 15:00", "zhang", "A")
        ours["priority"] = "low"
        let theirs = comment(base, "2024-05-01 15:01", "li", "B")
        let r = TicketMerge.merge(base: nil, ours: ours, theirs: theirs, schema: schema, context: context())
        #expect(!r.isClean)
        #expect(r.unresolved.map(\.rule) == ["id-collision"])
        #expect(r.unresolved.first?.note?.contains("gitdesk sync") == true)
        let same = TicketMerge.merge(base: nil, ours: ours, theirs: ours, schema: schema, context: context())
        #expect(same.isClean && same.ticket == ours)
    }

    @Test("the server's merge judgement counts copies too: a copy beyond max(n, m) is the merger's new entry, max(n, m) is carried")
    func judgementCountsCopies() throws {
        let x = LogEntry(time: Fixtures.t("2024-05-01 15:00"), operator: "li", text: "已回电，客户未接")
        var withX = base
        withX.log.append(x)
        let ours = comment(withX, "2024-05-01 15:05", "li", "A")
        let theirs = comment(withX, "2024-05-01 15:06", "zhang", "B")
        var forged = TicketMerge.merge(base: withX, ours: ours, theirs: theirs, schema: schema, context: context()).ticket
        forged.log.insert(x, at: 2)   // a second copy of li's entry, made up by the merge
        let parsed = try TicketFile.parse(TicketFile.render(forged, layout: schema.layout))
        let judged = MergeJudgement.ticketChange(path: "t.md", base: withX, sides: [ours, theirs], result: parsed)
        #expect(judged.old?.log.filter { $0 == x }.count == 1)
        #expect(judged.new.ticket.log.last == x)   // judged as appended by the merge's author
        #expect(judged.findings.map(\.rule) == ["copy-count"])
        // New on both sides: one entry, carried; two copies in the result are one too many.
        let once = TicketMerge.merge(base: base, ours: ours, theirs: theirs, schema: schema, context: context()).ticket
        let fair = MergeJudgement.ticketChange(path: "t.md", base: base, sides: [ours, theirs],
                                               result: try TicketFile.parse(TicketFile.render(once, layout: schema.layout)))
        #expect(fair.old?.log.filter { $0 == x }.count == 1)
        #expect(fair.findings.isEmpty)
        // Two copies made on one side, one on the other: two carried; one kept is a dropped copy.
        let oursTwice = comment(ours, "2024-05-01 15:00", "li", "已回电，客户未接")
        let both = TicketMerge.merge(base: base, ours: oursTwice, theirs: theirs, schema: schema, context: context()).ticket
        #expect(both.log.filter { $0 == x }.count == 2)
        var dropped = both
        dropped.log.remove(at: try #require(dropped.log.firstIndex(of: x)))
        let short = MergeJudgement.ticketChange(path: "t.md", base: base, sides: [oursTwice, theirs],
                                                result: try TicketFile.parse(TicketFile.render(dropped, layout: schema.layout)))
        #expect(short.findings.map(\.rule) == ["copy-count"])
        #expect(short.findings.first?.message.contains("已回电") == false)
    }

    @Test("exact duplicates once: the same entry carried or made on both sides is one; copies made on one side stay")
    func exactDuplicatesOnce() {
        let x = LogEntry(time: Fixtures.t("2024-05-01 15:00"), operator: "li", text: "已回电，客户未接")
        var withX = base
        withX.log.append(x)
        let ours = comment(withX, "2024-05-01 15:05", "li", "A")
        let theirs = comment(withX, "2024-05-01 15:06", "zhang", "B")
        let carried = TicketMerge.merge(base: withX, ours: ours, theirs: theirs, schema: schema, context: context())
        #expect(carried.ticket.log.filter { $0 == x }.count == 1)
        let madeOnBoth = TicketMerge.merge(base: base, ours: ours, theirs: theirs, schema: schema, context: context())
        #expect(madeOnBoth.ticket.log.filter { $0 == x }.count == 1)
        let linear = TicketMerge.merge(base: base, ours: ours, theirs: theirs, schema: schema,
                                       context: MergeContext(operatorHandle: "wang", now: Fixtures.t("2024-05-02 09:00"), linear: true))
        #expect(linear.ticket.log.filter { $0 == x }.count == 1)
        #expect(Array(linear.ticket.log.prefix(ours.log.count)) == ours.log)
        var theirsTwice = theirs
        theirsTwice.log.append(x)   // the same words twice in one second in one clone
        let twice = TicketMerge.merge(base: withX, ours: ours, theirs: theirsTwice, schema: schema, context: context())
        #expect(twice.ticket.log.filter { $0 == x }.count == 2)
    }

    @Test("two different tickets added with the same ID are not merged into one: unresolved id-collision")
    func idCollisionUnresolved() {
        let ours = base
        var theirs = base
        theirs["created"] = "2024-05-01T14:31:00+08:00"
        theirs["title"] = "重复下单"
        let r = TicketMerge.merge(base: nil, ours: ours, theirs: theirs, schema: schema, context: context())
        #expect(!r.isClean)
        #expect(r.unresolved.map(\.rule) == ["id-collision"])
        #expect(r.ticket == ours)
    }

    @Test("a contact whose follow-up one side closed is one contact, done")
    func contactsUnion() {
        var withContact = base
        withContact.contacts = [ContactEntry(time: t("2024-05-01 15:30"), operator: "li", channel: "phone",
                                             summary: "客户来电确认", followUp: "明日电话回访", followUpBy: t("2024-05-02 18:00"))]
        var ours = withContact
        ours.contacts[0].done = true
        var theirs = withContact
        theirs.contacts.append(ContactEntry(time: t("2024-05-01 16:00"), operator: "zhang", channel: "email", summary: "发送补偿券"))
        let r = TicketMerge.merge(base: withContact, ours: ours, theirs: theirs, schema: schema, context: context())
        #expect(r.ticket.contacts.count == 2)
        #expect(r.ticket.contacts[0].done)
        #expect(r.ticket.contacts[1].channel == "email")
    }

    @Test("a Conflict line with quotes and absent values reads back as written")
    func conflictLineRoundTrip() {
        let c = MergeConflict(ticketID: "X", field: "module", ours: #"say "hi" \ there"#, theirs: nil, chosen: nil, rule: "later_change")
        let entry = LogEntry(time: t("2024-05-02 09:00"), operator: "wang", text: ConflictLine.text(for: c))
        #expect(ConflictLine.parse(entry, ticketID: "X") == c)
        #expect(ConflictLine.parse(LogEntry(time: t("2024-05-02 09:00"), operator: "wang", text: "Conflict resolved by phone"), ticketID: "X") == nil)
    }

    @Test("a schema naming an unknown merge rule is refused with its file and line")
    func unknownRuleRefused() {
        var files = SchemaLoader.defaultFiles
        files["fields.yaml"] = files["fields.yaml"]!.replacingOccurrences(of: "merge: higher", with: "merge: loudest")
        #expect(throws: ConfigurationError.self) { try SchemaLoader.load(files: files) }
        do { _ = try SchemaLoader.load(files: files) } catch {
            #expect(error.description.hasPrefix("fields.yaml:"))
            #expect(error.description.contains("unknown merge rule 'loudest'"))
        }
    }
}
