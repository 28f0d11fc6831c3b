import Testing
import TicketCore
import TestSupport

/// A hand-made ticket of thousands of `## xNNN` sections the schema does not
/// know held the server's pre-receive for 26 s (829 KB, 60k sections): one
/// finding was built, masked and rendered per section although at most 20 per
/// file are shown. The rule names the first 20 and counts the rest in one
/// finding, so its work is one pass over the fields (counted here by the
/// findings it builds).
@Suite("Unknown-section flood")
struct UnknownSectionFloodTests {
    func findings(sections: Int, extra: String? = nil, oldHasSections: Bool = false) throws -> [Finding] {
        let schema = Fixtures.schema
        let created = try WorkflowEngine(schema: schema, team: Fixtures.team)
            .create(id: "CS-20240513-FLD001", fields: Fixtures.complaintFields, by: Fixtures.li, at: Fixtures.t("2024-05-13 09:00")).ticket
        var text = TicketFile.render(created, layout: schema.layout)
        let log = try #require(text.range(of: "\n## log"))
        let flood = (0..<sections).map { "\n## x\(100_000 + $0)\n\nv\n" }.joined()
        let old = try TicketFile.parse({ var t = text; t.insert(contentsOf: flood, at: log.lowerBound); return t }()).ticket
        text.insert(contentsOf: flood + (extra.map { "\n## \($0)\n\nv\n" } ?? ""), at: log.lowerBound)
        let parsed = try TicketFile.parse(text)
        let context = ValidationContext(schema: schema, team: Fixtures.team, path: TicketPath.path(of: created)!,
                                        old: oldHasSections ? old : nil, new: parsed, author: Fixtures.li)
        return Validator().validate(context).filter { $0.rule == "unknown-field" }
    }

    @Test("5000 unknown sections: 20 named, one finding counts the other 4980")
    func capped() throws {
        let found = try findings(sections: 5000)
        #expect(found.count == 21, "\(found.count) findings")
        #expect(found.prefix(20).allSatisfy { $0.field?.hasPrefix("x1") == true })
        let last = try #require(found.last)
        #expect(last.text(.en, labels: nil).contains("4980 more"), "\(last.text(.en, labels: nil))")
        #expect(last.text(.zh, labels: nil).contains("4980"), "\(last.text(.zh, labels: nil))")
        #expect(last.line > found[19].line)
    }

    /// A merge or a write lets a finding about a value carried unchanged
    /// through; the counting finding names a field the change added, so a
    /// new one is never hidden behind the old ones.
    @Test("the counting finding names a field the change added")
    func countingNamesTheChange() throws {
        let found = try findings(sections: 40, extra: "x100030b", oldHasSections: true)
        #expect(found.count == 21 && found.last?.field == "x100030b", "\(found.map(\.field))")
        #expect(try findings(sections: 40).last?.field == "x100020")
    }

    @Test("up to 21 unknown sections: each named")
    func fewAreNamed() throws {
        let found = try findings(sections: 21)
        #expect(found.count == 21 && found.allSatisfy { $0.field?.hasPrefix("x1") == true }, "\(found.map(\.field))")
    }
}
