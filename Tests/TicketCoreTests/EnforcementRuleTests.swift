import Testing
import TicketCore
import TestSupport

/// The pure rules behind the server's enforcement: tickets born closed,
/// IDs unique whatever their case, merges judged by what they produce,
/// personal data in files outside tickets/ and in names, redacted findings.
@Suite struct EnforcementRuleTests {
    let schema = Fixtures.schema
    var engine: WorkflowEngine { WorkflowEngine(schema: schema, team: Fixtures.team) }
    let path = "tickets/2024/05/CS-20240513-B0RN01.md"

    func created() throws -> Ticket {
        try engine.create(id: "CS-20240513-B0RN01", fields: Fixtures.complaintFields, by: Fixtures.li,
                          at: Fixtures.t("2024-05-13 09:00")).ticket
    }

    func parsed(_ t: Ticket) throws -> ParsedTicket { try TicketFile.parse(TicketFile.render(t, layout: schema.layout)) }

    func findings(_ t: Ticket, old: Ticket? = nil, author: Person? = Fixtures.li) throws -> [Finding] {
        TreeValidator(schema: schema, team: Fixtures.team, author: author).validate(path: path, old: old, new: try parsed(t))
    }

    // MARK: born

    @Test func aTicketIsBornWhereGitdeskNewStartsIt() throws {
        #expect(try findings(created()).isEmpty)
        // Born closed, rated, with a solution: refused for the status and each later field.
        var closed = try created()
        closed["status"] = "closed"
        closed["satisfaction"] = "5"
        closed["solution"] = "已补单"
        let rules = try findings(closed).filter { $0.rule == "born" }
        #expect(Set(rules.compactMap(\.field)) == ["status", "satisfaction", "solution"])
        // Someone who may not create tickets may not add one by hand either.
        #expect(try findings(created(), author: Fixtures.zhao.withRoles(["auditor"])).contains { $0.rule == "born" })
        // Importers (admins unless workflow.yaml says otherwise) may add tickets with their history.
        #expect(try !findings(closed, author: Fixtures.admin).contains { $0.rule == "born" })
    }

    @Test func aNewTicketMayTakeTheOneStepItsAuthorMayMake() throws {
        var moved = try created()
        moved["status"] = "in_progress"
        moved.log.append(LogEntry(time: Fixtures.t("2024-05-13 09:00"), operator: "zhang", text: "开始处理 [status: new → in_progress]"))
        let byHandler = try findings(moved, author: Fixtures.zhang).filter { $0.rule == "born" }
        let byQA = try findings(moved, author: Fixtures.zhao).filter { $0.rule == "born" }  // qa may create, not start
        #expect(byHandler.isEmpty)
        #expect(byQA.map(\.field) == ["status"])
        // Two steps at once are not what gitdesk new does.
        var twice = moved
        twice["status"] = "awaiting_confirmation"
        twice.log.append(LogEntry(time: Fixtures.t("2024-05-13 09:00"), operator: "zhang", text: "解决 [status: in_progress → awaiting_confirmation]"))
        #expect(try findings(twice, author: Fixtures.zhang).contains { $0.rule == "born" && $0.field == "status" })
    }

    @Test func aMovedTicketIsJudgedAgainstItsOldVersionNotAsBorn() throws {
        var closed = try created()
        closed["status"] = "closed"
        closed["satisfaction"] = "5"
        let file = Array(TicketFile.render(closed, layout: schema.layout).utf8)
        let move = [FileChange(path: path, old: file, new: nil),
                    FileChange(path: "tickets/2024/06/CS-20240513-B0RN01.md", old: nil, new: file)]
        let rules = TreeValidator(schema: schema, team: Fixtures.team, author: Fixtures.li).validate(move).map(\.rule)
        #expect(!rules.contains("born"))
        #expect(rules.contains("path"))  // it belongs in the month of its creation
    }

    @Test func aRenamedTicketIsJudgedAsAChangeAndItsRemovalByTheDeleteRule() throws {
        var moved = try created()
        moved["status"] = "in_progress"
        moved.log.append(LogEntry(time: Fixtures.t("2024-05-13 09:20"), operator: "li", text: "开始处理 [status: new → in_progress]"))
        var renamed = moved
        renamed["id"] = "CS-20240513-BORN02"
        renamed.log.append(LogEntry(time: Fixtures.t("2024-05-13 09:30"), operator: "li", text: "ID renamed from CS-20240513-B0RN01 to CS-20240513-BORN02"))
        let change = [FileChange(path: path, old: Array(TicketFile.render(moved, layout: schema.layout).utf8), new: nil),
                      FileChange(path: "tickets/2024/05/CS-20240513-BORN02.md", old: nil,
                                 new: Array(TicketFile.render(renamed, layout: schema.layout).utf8))]
        let rules = TreeValidator(schema: schema, team: Fixtures.team, author: Fixtures.li).validate(change).map(\.rule)
        #expect(!rules.contains("born"))
        #expect(rules == ["delete"])  // an agent may not drop the old ID's file
        // Anything else changed on the way makes it a new ticket, judged as born.
        var closed = renamed
        closed["status"] = "closed"
        let other = [change[0], FileChange(path: "tickets/2024/05/CS-20240513-BORN02.md", old: nil,
                                           new: Array(TicketFile.render(closed, layout: schema.layout).utf8))]
        #expect(TreeValidator(schema: schema, team: Fixtures.team, author: Fixtures.li).validate(other).map(\.rule).contains("born"))
    }

    // MARK: case-insensitive IDs

    @Test func idsAreUniqueWhateverTheirCase() {
        let upper = "tickets/2024/05/CS-20240501-QSHGER.md"
        let lower = "tickets/2024/05/cs-20240501-qshger.md"
        let dup = TreeValidator.duplicates(in: [upper, lower, "tickets/2024/05/CS-20240501-OTHER1.md"])
        #expect(dup[lower] == [upper])
        #expect(dup[upper] == [lower])
        #expect(dup.count == 2)
    }

    // MARK: merges

    @Test func legitimateValuesAreThoseOfTheSidesThatChangedOrElseTheBase() {
        #expect(MergeJudgement.legitimate(base: "a", sides: ["a", "a"]) == ["a"])
        #expect(MergeJudgement.legitimate(base: "a", sides: ["b", "a"]) == ["b"])
        #expect(MergeJudgement.legitimate(base: "a", sides: ["b", "c"]) == ["b", "c"])
        #expect(!MergeJudgement.isCarried("a", base: "a", sides: ["b", "c"]))  // reverting both sides is the merge's own change
        #expect(MergeJudgement.isCarried(nil, base: "a", sides: [nil, "a"] as [String?]))  // one side deleted
        #expect(!MergeJudgement.isCarried(nil, base: "a", sides: ["a", "b"] as [String?]))  // nobody deleted
    }

    @Test func aMergeOfFieldsFromEitherSideWithLogsUnionedProducesOnlyItsNewEntries() throws {
        let base = try created()
        var ours = base
        ours.log.append(LogEntry(time: Fixtures.t("2024-05-13 09:30"), operator: "li", text: "已回电"))
        var theirs = base
        theirs["status"] = "in_progress"
        theirs.log.append(LogEntry(time: Fixtures.t("2024-05-13 09:20"), operator: "zhang", text: "开始处理 [status: new → in_progress]"))
        var merged = theirs
        merged.log = base.log + [theirs.log.last!, ours.log.last!,
                                 LogEntry(time: Fixtures.t("2024-05-13 09:40"), operator: "li", text: "Conflict: 保留双方记录")]
        let change = MergeJudgement.ticketChange(path: path, base: base, sides: [ours, theirs], result: try parsed(merged))
        #expect(change.findings.isEmpty)
        #expect(change.old?["status"] == "in_progress")
        #expect(change.new.ticket.log.last?.text == "Conflict: 保留双方记录")
        #expect(TreeValidator(schema: schema, team: Fixtures.team, author: Fixtures.li)
                    .validate(path: path, old: change.old, new: change.new).isEmpty)

        // A status no side had is the merge author's transition, judged with the author's roles.
        var closed = merged
        closed["status"] = "closed"
        closed.log.append(LogEntry(time: Fixtures.t("2024-05-13 09:50"), operator: "li", text: "关闭 [status: in_progress → closed]"))
        let produced = MergeJudgement.ticketChange(path: path, base: base, sides: [ours, theirs], result: try parsed(closed))
        #expect(produced.old?["status"] == "in_progress")
        let rules = TreeValidator(schema: schema, team: Fixtures.team, author: Fixtures.li)
            .validate(path: path, old: produced.old, new: produced.new).map(\.rule)
        #expect(rules.contains("transition"))

        // Dropping a side's entry is refused.
        var dropped = merged
        dropped.log.removeAll { $0.operator == "zhang" }
        #expect(MergeJudgement.ticketChange(path: path, base: base, sides: [ours, theirs], result: try parsed(dropped))
                    .findings.map(\.rule) == ["append-only"])
    }

    // MARK: personal data in files and names

    @Test func filesOutsideTicketsAndFileNamesAreScannedWithExceptions() throws {
        let rule = FilePrivacyRule()
        let note = Array("客户王先生 电话 13912345678，回电\n".utf8)
        let found = rule.checkContent(path: "notes/call.md", bytes: note)
        #expect(found.map(\.rule) == ["pii"])
        #expect(found.first?.line == 1)
        #expect(!found.description.contains("13912345678"))
        #expect(rule.checkName("notes/13912345678.md").map(\.rule) == ["pii"])
        #expect(rule.checkName("tickets/2024/05/CS-20240501-QSHGER.md").isEmpty)
        #expect(rule.checkContent(path: "img.png", bytes: [0x89, 0, 0x31, 0x33]).isEmpty)

        let exceptions = try PrivacyExceptions.decode(yaml: """
            exceptions:
              - value: "13912345678"
                reason: the example in our masking guide
              - path: docs/raw.md
                reason: a test document
            """)
        let excepted = FilePrivacyRule(exceptions: exceptions)
        #expect(excepted.checkContent(path: "notes/call.md", bytes: note).isEmpty)
        #expect(excepted.checkContent(path: "docs/raw.md", bytes: Array("13812345678".utf8)).isEmpty)
        #expect(excepted.checkContent(path: "notes/other.md", bytes: Array("电话 13812345678".utf8)).count == 1)
        #expect(throws: ConfigurationError.self) { try PrivacyExceptions.decode(yaml: "exceptions:\n  - value: \"1\"\n") }
    }

    @Test func everyFindingIsRedacted() {
        let f = Finding(file: "tickets/2024/05/13812345678.txt", line: 1, rule: "layout", message: "see 13912345678 and a@b.example.com")
        #expect(!f.description.contains("13812345678"))
        #expect(!f.description.contains("13912345678"))
        #expect(!f.description.contains("a@b.example.com"))
        #expect(f.file.hasPrefix("tickets/2024/05/"))
    }
}

private extension Person {
    func withRoles(_ roles: [String]) -> Person {
        var p = self
        p.roles = roles
        return p
    }
}
