import Testing
import TicketCore
import TestSupport

/// The conflict-marker rule: git's markers in a long text are refused with
/// the file line; text that only looks a little like them is kept.
@Suite struct ConflictMarkerRuleTests {
    let schema = Fixtures.schema
    let path = "tickets/2024/05/CS-20240513-RULE01.md"

    func findings(description: String) throws -> (found: [Finding], file: String) {
        var t = try WorkflowEngine(schema: schema, team: Fixtures.team)
            .create(id: "CS-20240513-RULE01", fields: Fixtures.complaintFields, by: Fixtures.li, at: Fixtures.t("2024-05-13 09:00")).ticket
        t["description"] = description
        let file = TicketFile.render(t, layout: schema.layout)
        let parsed = try TicketFile.parse(file)
        let found = ConflictMarkerRule().check(ValidationContext(schema: schema, team: Fixtures.team, path: path, old: nil,
                                                                 new: parsed, author: Fixtures.li))
        return (found, file)
    }

    @Test(arguments: ["<<<<<<< HEAD", "=======", ">>>>>>> side", "||||||| base", "<<<<<<<", ">>>>>>> origin/main"])
    func gitsMarkersAreRefused(marker: String) throws {
        let (found, file) = try findings(description: "支付成功\n\(marker)\n订单未生成")
        #expect(found.map(\.rule) == ["conflict-marker"])
        let line = file.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == Substring(marker) }.map { $0 + 1 }
        #expect(found.first?.line == line, "\(file)")
        #expect(found.first?.message.contains("gitdesk conflicts") == true)
    }

    @Test(arguments: ["==========", "======", "<<<<<<<<", "a <<<<<<< b", "=> 客户说 >>>>>>>"])
    func textThatOnlyLooksLikeAMarkerIsKept(text: String) throws {
        #expect(try findings(description: "支付成功\n\(text)\n订单未生成").found.isEmpty)
    }
}
