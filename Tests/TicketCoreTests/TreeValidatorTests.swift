import Testing
import TicketCore
import TestSupport

/// The tree-level checks and the privacy rule the hooks run on hand-edited files.
@Suite struct TreeValidatorTests {
    let schema = Fixtures.schema
    var engine: WorkflowEngine { WorkflowEngine(schema: schema, team: Fixtures.team) }

    func ticket() throws -> Ticket {
        try engine.create(id: "CS-20240513-TREE01", fields: Fixtures.complaintFields, by: Fixtures.li,
                          at: Fixtures.t("2024-05-13 09:00")).ticket
    }

    func bytes(_ t: Ticket) -> [UInt8] { Array(TicketFile.render(t, layout: schema.layout).utf8) }
    var validator: TreeValidator { TreeValidator(schema: schema, team: Fixtures.team, author: Fixtures.li) }
    let path = "tickets/2024/05/CS-20240513-TREE01.md"

    @Test func aNewTicketWrittenByGitdeskPasses() throws {
        #expect(validator.validate(FileChange(path: path, old: nil, new: bytes(try ticket()))).isEmpty)
    }

    @Test func binaryFilesStrayFilesAndBrokenFilesAreRefused() throws {
        #expect(validator.validate(FileChange(path: "tickets/2024/05/x.png", old: nil, new: [0x89, 0, 1])).map(\.rule) == ["binary"])
        #expect(validator.validate(FileChange(path: "tickets/notes.txt", old: nil, new: Array("hi".utf8))).map(\.rule) == ["layout"])
        #expect(validator.validate(FileChange(path: "tickets/.gitkeep", old: nil, new: [])).isEmpty)
        let broken = validator.validate(FileChange(path: path, old: nil, new: Array("---\nid: X\n".utf8)))
        #expect(broken.map(\.rule) == ["parse"])
        #expect(broken.first?.line == 2)
    }

    @Test func duplicateIDsAreFoundInATree() throws {
        let dup = TreeValidator.duplicates(in: [path, "tickets/2024/06/CS-20240513-TREE01.md", "tickets/2024/05/OTHER.md"])
        #expect(dup[path] == ["tickets/2024/06/CS-20240513-TREE01.md"])
        #expect(dup["tickets/2024/05/OTHER.md"] == nil)
        let findings = validator.validate(FileChange(path: path, old: nil, new: bytes(try ticket())), sameID: dup[path]!)
        #expect(findings.map(\.rule) == ["duplicate-id"])
    }

    @Test func aTicketIsDeletedOnlyByWhoeverHoldsTheDeletePermissionOrMovedToANewPath() throws {
        let file = bytes(try ticket())
        let deletion = [FileChange(path: path, old: file, new: nil)]
        let refused = validator.validate(deletion)
        #expect(refused.map(\.rule) == ["delete"])
        #expect(refused.first?.file == path)
        #expect(refused.first?.message.contains("CS-20240513-TREE01") == true)
        // A move (the same ID added elsewhere in the same change) keeps the ticket.
        let moved = deletion + [FileChange(path: "tickets/2024/06/CS-20240513-TREE01.md", old: nil, new: file)]
        #expect(!validator.validate(moved).contains { $0.rule == "delete" })
        // Another ticket added in the same change does not excuse the deletion.
        let other = deletion + [FileChange(path: "tickets/2024/05/CS-20240513-TREE02.md", old: nil, new: file)]
        #expect(validator.validate(other).contains { $0.rule == "delete" })
        // Admins hold every permission; a merge result (no author) is not judged by roles.
        #expect(TreeValidator(schema: schema, team: Fixtures.team, author: Fixtures.admin).validate(deletion).isEmpty)
        #expect(TreeValidator(schema: schema, team: Fixtures.team, author: nil).validate(deletion).isEmpty)
        // A desk may give the permission to its QA team in workflow.yaml.
        var qaDeletes = schema
        qaDeletes.workflow.permissions["delete"] = ["qa"]
        #expect(TreeValidator(schema: qaDeletes, team: Fixtures.team, author: Fixtures.zhao).validate(deletion).isEmpty)
        #expect(TreeValidator(schema: qaDeletes, team: Fixtures.team, author: Fixtures.wang).validate(deletion).map(\.rule) == ["delete"])
        // Files that are not tickets (the placeholder) may go.
        #expect(validator.validate([FileChange(path: "tickets/.gitkeep", old: [], new: nil)]).isEmpty)
    }

    @Test func rawPersonalDataIsFoundWithItsLineAndNeverEchoed() throws {
        var t = try ticket()
        t["description"] = "第一行\n客户手机 13812345678"
        t["contact"] = "13912345678"
        let findings = validator.validate(FileChange(path: path, old: nil, new: bytes(t)))
        #expect(Set(findings.map(\.rule)) == ["pii"])
        #expect(findings.count == 2)
        for f in findings { #expect(!f.message.contains("13812345678") && !f.message.contains("13912345678")) }
        let text = TicketFile.render(t, layout: schema.layout).split(separator: "\n", omittingEmptySubsequences: false)
        let descriptionFinding = try #require(findings.first { $0.field == "description" })
        #expect(text[descriptionFinding.line - 1].contains("13812345678"))
    }

    @Test func onlyWhatTheChangeBroughtIsJudged() throws {
        var old = try ticket()
        old["description"] = "客户手机 13812345678"  // already stored (before the policy)
        var new = old
        new.log.append(LogEntry(time: Fixtures.t("2024-05-13 10:00"), operator: "li", text: "已回电"))
        let parsed = try TicketFile.parse(TicketFile.render(new, layout: schema.layout))
        let context = ValidationContext(schema: schema, team: Fixtures.team, path: path, old: old, new: parsed, author: Fixtures.li)
        #expect(PrivacyRule().check(context).isEmpty)
    }

    @Test func theWritePathMasksContactsFreeTextAndNewLogEntriesOnly() throws {
        var old = try ticket()
        old.log[0].text = "旧记录 13700000000"
        var new = old
        new["contact"] = "13912345678"
        new["description"] = "邮箱 zhang.san@example.com"
        new.log.append(LogEntry(time: Fixtures.t("2024-05-13 10:00"), operator: "li", text: "回拨 13812345678"))
        let stored = try PrivacyGuard.apply(policy: .default, to: new, old: old)
        #expect(stored["contact"] == "139****5678")
        #expect(stored["description"] == "邮箱 z***@example.com")
        #expect(stored.log.last?.text == "回拨 138****5678")
        #expect(stored.log[0].text == "旧记录 13700000000")  // the log is append-only
        var strict = PrivacyPolicy.default
        strict.strict = true
        #expect(throws: PrivacyError.self) { try PrivacyGuard.apply(policy: strict, to: new, old: old) }
        #expect(PrivacyGuard.maskCommitMessage("comment: 回拨 13812345678", policy: .default) == "comment: 回拨 138****5678")
    }

    @Test func theSchemaCarriesThePrivacyPolicy() throws {
        var files = SchemaLoader.defaultFiles
        files["privacy.yaml"] = "strict: true\n"
        #expect(try SchemaLoader.load(files: files).privacy.strict)
        files["privacy.yaml"] = "stict: true\n"
        #expect(throws: ConfigurationError.self) { try SchemaLoader.load(files: files) }
    }
}
