import Testing
import TicketCore
import TestSupport

/// The control-character and input-limit rules, and the parser's size limit.
@Suite struct InputRulesTests {
    let schema = Fixtures.schema
    let path = "tickets/2024/05/CS-20240513-RULE01.md"

    func ticket() throws -> Ticket {
        try WorkflowEngine(schema: schema, team: Fixtures.team)
            .create(id: "CS-20240513-RULE01", fields: Fixtures.complaintFields, by: Fixtures.li, at: Fixtures.t("2024-05-13 09:00")).ticket
    }

    func findings(_ rule: some ValidationRule, old: Ticket?, new: Ticket) throws -> [Finding] {
        let parsed = try TicketFile.parse(TicketFile.render(new, layout: schema.layout))
        return rule.check(ValidationContext(schema: schema, team: Fixtures.team, path: path, old: old, new: parsed, author: Fixtures.li))
    }

    @Test(arguments: [0x00, 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9B, 0x9F] as [UInt32])
    func everyControlButTabAndLineFeedIsRefused(code: UInt32) throws {
        var t = try ticket()
        t["title"] = "标题" + String(Unicode.Scalar(code)!) + "尾"
        let found = try findings(ControlCharacterRule(), old: nil, new: t)
        #expect(found.map(\.rule) == ["control-character"], "U+\(String(code, radix: 16))")
        #expect(found.first?.message.contains("column 3") == true)
        #expect(found.first?.message.unicodeScalars.contains { ControlCharacters.isRefused($0) } == false)
    }

    @Test func tabLineFeedAndOrdinaryTextPass() throws {
        var t = try ticket()
        t["description"] = "第一行\t制表\n第二行 \u{3000}全角 「引号」 é\u{301}"
        t.log.append(LogEntry(time: Fixtures.t("2024-05-13 10:00"), operator: "li", text: "a\tb\nc"))
        #expect(try findings(ControlCharacterRule(), old: nil, new: t).isEmpty)
    }

    @Test func onlyWhatTheChangeAddsOrAltersIsJudged() throws {
        var old = try ticket()
        old["title"] = "旧\u{1B}标题"
        var new = old
        new.log.append(LogEntry(time: Fixtures.t("2024-05-13 10:00"), operator: "li", text: "新备注"))
        #expect(try findings(ControlCharacterRule(), old: old, new: new).isEmpty)
        new.log.append(LogEntry(time: Fixtures.t("2024-05-13 10:01"), operator: "li", text: "坏\u{07}"))
        #expect(try findings(ControlCharacterRule(), old: old, new: new).map(\.field) == ["log"])
        #expect(Set(try findings(ControlCharacterRule(), old: nil, new: new).compactMap(\.field)) == ["log", "title"])
    }

    @Test func escapingIsVisibleAndLeavesTextAlone() {
        #expect(ControlCharacters.escaped("a\u{1B}[31mb\u{9B}c\u{7F}") == "a\\u001B[31mb\\u009Bc\\u007F")
        #expect(ControlCharacters.escaped("支付\t失败\n第二行") == "支付\t失败\n第二行")
        #expect(ControlCharacters.name("\u{1B}") == "U+001B (ESC)")
    }

    @Test func lengthsAndEntryCountsAreCapped() throws {
        var t = try ticket()
        t["title"] = String(repeating: "长", count: TicketLimits.oneLineCharacters)
        #expect(try findings(InputLimitRule(), old: nil, new: t).isEmpty)
        t["title"] = String(repeating: "长", count: TicketLimits.oneLineCharacters + 1)
        #expect(try findings(InputLimitRule(), old: nil, new: t).map(\.message) == ["title is 1001 characters long; at most 1000 are allowed"])
        var u = try ticket()
        let base = u.log.count
        for i in 0..<(TicketLimits.entriesPerChange + 1) {
            u.log.append(LogEntry(time: Fixtures.t("2024-05-13 10:00").adding(seconds: Int64(i)), operator: "li", text: "第\(i)条"))
        }
        let old = try ticket()
        #expect(try findings(InputLimitRule(), old: old, new: u).map(\.message)
                == ["this change adds \(u.log.count - base) log entries; one change may add at most \(TicketLimits.entriesPerChange)"])
        #expect(try findings(InputLimitRule(), old: nil, new: u).isEmpty, "a tree checked on its own has no change to count")
        u.log.removeLast()
        #expect(try findings(InputLimitRule(), old: old, new: u).isEmpty)
    }

    @Test func theParserReadsNoFileLargerThanTheLimit() throws {
        let head = Array("---\nid: CS-20240513-RULE01\n---\n\n## description\n\n".utf8)
        let big = head + [UInt8](repeating: 0x61, count: TicketLimits.fileBytes - head.count + 1)
        #expect(throws: TicketFileError.tooLarge(bytes: TicketLimits.fileBytes + 1)) { try TicketFile.parse(bytes: big) }
        #expect(TicketFileError.tooLarge(bytes: TicketLimits.fileBytes + 1).description.contains("at most 1.0 MiB"))
        #expect((try? TicketFile.parse(bytes: Array(big.dropLast()))) != nil)
    }
}
