import Foundation
import PropertyBased
import Testing
@testable import TicketCore

@Suite("Ticket file format")
struct TicketFileTests {
    let schema = try! SchemaLoader.loadDefault()

    func sample() -> Ticket {
        var t = Ticket()
        t["id"] = "CS20240501001"
        t["created"] = "2024-05-01T14:30:00+08:00"
        t["title"] = "支付成功但订单未生成"
        t["status"] = "in_progress"
        t["type"] = "complaint"
        t["channel"] = "online_chat"
        t["priority"] = "urgent"
        t["module"] = "APP-订单支付"
        t["contact"] = "尾号5678"
        t["description"] = "支付成功但订单未生成,导致重复下单\n\n用户称：## 不是标题"
        t.log = [
            LogEntry(time: Timestamp.parse("2024-05-01T14:45:00+08:00")!, operator: "zhang", text: "技术排查发现接口超时"),
            LogEntry(time: Timestamp.parse("2024-05-01T15:00:00+08:00")!, operator: "zhang", text: "接口已修复\n订单已同步"),
        ]
        t.contacts = [ContactEntry(time: Timestamp.parse("2024-05-01T15:30:00+08:00")!, operator: "li", channel: "phone",
                                   summary: "客户来电确认", followUp: "明日回访", followUpBy: Timestamp.parse("2024-05-02T18:00:00+08:00"))]
        return t
    }

    @Test func rendersFieldsInSchemaOrderWithChineseUnescaped() {
        let text = TicketFile.render(sample(), layout: schema.layout)
        #expect(text.hasPrefix("---\nid: CS20240501001\ncreated: 2024-05-01T14:30:00+08:00\ntitle: 支付成功但订单未生成\nstatus: in_progress\ntype: complaint\n"))
        #expect(text.contains("\n## description\n\n支付成功但订单未生成,导致重复下单\n\n用户称：## 不是标题\n"))
        #expect(text.contains("\n## log\n\n- 2024-05-01T14:45:00+08:00 zhang: 技术排查发现接口超时\n- 2024-05-01T15:00:00+08:00 zhang: 接口已修复\n  订单已同步\n"))
        #expect(text.contains("- 2024-05-01T15:30:00+08:00 li: phone\n  summary: 客户来电确认\n  follow-up: 明日回访\n  by: 2024-05-02T18:00:00+08:00\n  state: open\n"))
        #expect(!text.contains("\\u"))
    }

    @Test func roundTripsExactly() throws {
        let text = TicketFile.render(sample(), layout: schema.layout)
        let parsed = try TicketFile.parse(text)
        #expect(parsed.ticket == sample())
        #expect(TicketFile.render(parsed.ticket, layout: schema.layout) == text)
        #expect(parsed.fieldLines["title"] == 4)
    }

    @Test func headingLookalikesInTextAreEscaped() throws {
        var t = sample()
        t["notes"] = "## log\n\\## twice\nplain"
        let text = TicketFile.render(t, layout: schema.layout)
        #expect(text.contains("\n\\## log\n\\\\## twice\nplain\n"))
        let back = try TicketFile.parse(text).ticket
        #expect(back["notes"] == "## log\n\\## twice\nplain")
        #expect(back.log == t.log)
    }

    @Test func acceptsAndNormalisesHandEdits() throws {
        let hand = "\u{FEFF}---\r\nid: CS20240501001  \r\ntitle: \"引号标题\"\r\ncreated: 2024-05-01T14:30:00+08:00\r\nstatus: new\r\ndescription: 一行描述\r\n---\r\n\r\n\r\n## notes\r\n\r\n备注  \r\n"
        let parsed = try TicketFile.parse(hand)
        #expect(parsed.ticket["title"] == "引号标题")
        #expect(parsed.ticket["description"] == "一行描述")
        #expect(parsed.ticket["notes"] == "备注")
        let canonical = TicketFile.render(parsed.ticket, layout: schema.layout)
        #expect(canonical == "---\nid: CS20240501001\ncreated: 2024-05-01T14:30:00+08:00\ntitle: 引号标题\nstatus: new\n---\n\n## description\n\n一行描述\n\n## notes\n\n备注\n")
    }

    @Test(arguments: [
        ("id: X\n---\n", 1, "starts with"),
        ("---\nid X\n---\n", 2, "field: value"),
        ("---\nid: A\nid: B\n---\n", 3, "twice"),
        ("---\nid: A\n", 2, "closing"),
        ("---\nid: A\n---\nloose text\n", 4, "heading"),
        ("---\nid: A\n---\n## log\n- yesterday li: x\n", 5, "date-time"),
        ("---\nid: A\n---\n## log\n- 2024-05-01T14:45:00+08:00 有人: x\n", 5, "handle"),
        ("---\nTitle: A\n---\n", 2, "not a field name"),
    ])
    func refusesMalformedFilesWithTheLine(text: String, line: Int, words: String) {
        #expect {
            _ = try TicketFile.parse(text)
        } throws: { error in
            guard let e = error as? TicketFileError else { return false }
            return e.line == line && e.description.contains(words)
        }
    }

    @Test func refusesBinaryAndNonUTF8() {
        #expect(throws: TicketFileError.notUTF8(line: 1)) { _ = try TicketFile.parse(bytes: [0x2D, 0x2D, 0x2D, 0xFF, 0xFE]) }
        #expect(throws: TicketFileError.notUTF8(line: 1)) { _ = try TicketFile.parse(bytes: [0x2D, 0x00, 0x2D]) }
        let third = Array("---\nid: A\n".utf8) + [0x74, 0xC3, 0x28, 0x0A] + Array("---\n".utf8)
        #expect(throws: TicketFileError.notUTF8(line: 3)) { _ = try TicketFile.parse(bytes: third) }
    }

    /// Fuzz regression (fuzz/corpus/fuzz-ticket-parser/regression-parser-render): a section
    /// holding a line `---` after a heading look-alike, and lines that begin with a
    /// combining mark, must render to a file that parses back to the same ticket.
    /// Fuzz regression (corpus regression-combining-space): a one-line value that begins
    /// with a combining mark goes to the front matter after `key: `, where the space and
    /// the mark are one Character; trimming on Characters kept the space and rendering
    /// was no longer a fixpoint.
    @Test(arguments: [
        "LS0tCmRlaWQ6IEMwNzgzLTA1LTAyWDFzcwotLS0KCiMjIGRlc2NyaXB0aW9uCgpcIyMgbm90cwotLS0KCiMjIGRleGNyaXB0aW9uCgpcIyMgbm90IC0tLQrcvFMyY3JlYXRlZDogIC0tLQrcvFMyY3JlYXRlZDogcnk6IA==",
        "LS0tCmRlaWQ6IEMwNzgzLTA1LTAd3LxzcwotLS0KCiMjIGRlc2NyaXB0aW9uCgpcIyMgbj9vdHMKLS0tCgojIyBkZXhjcmkK3LxTMmNyZWF0ZWQ6IHJ5OiA=",
    ])
    func fuzzFindingRenderedTicketParses(base64: String) throws {
        let bytes = [UInt8](Data(base64Encoded: base64)!)
        let parsed = try TicketFile.parse(bytes: bytes)
        let rendered = TicketFile.render(parsed.ticket, layout: schema.layout)
        let again: ParsedTicket
        do { again = try TicketFile.parse(rendered) } catch {
            Issue.record("rendered ticket does not parse: line \(error.line): \(error)\n\(rendered.debugDescription)")
            return
        }
        #expect(again.ticket == parsed.ticket)
        #expect(TicketFile.render(again.ticket, layout: schema.layout) == rendered)
    }

    // MARK: Property: render(parse(render(t))) == render(t) for generated tickets.

    static let pieces = ["支付", "订单", "未生成", "，", "客户", "重复下单", " ", "\n", "## ", "\\", "\"", ": ", "APP-", "123", "- "]
    static let chinese = Gen<String?>.element(of: pieces).map { $0 ?? "" }.array(of: 0...12).map { $0.joined() }

    @Test func generatedTicketsRoundTrip() async {
        await propertyCheck(count: 300, input: Self.chinese, Self.chinese, Self.chinese, Self.chinese.array(of: 0...4),
                            Gen.int(in: 0...100_000_000)) { title, description, notes, logTexts, seconds in
            var t = Ticket()
            t["id"] = "CS-20240501-7K3FQ2"
            t["created"] = "2024-05-01T14:30:00+08:00"
            t["title"] = title.replacingNewlines()
            t["description"] = description
            t["notes"] = notes
            t["custom_field"] = title.replacingNewlines()
            t.log = logTexts.enumerated().map { i, text in
                LogEntry(time: Timestamp(seconds: 1_714_000_000 + Int64(seconds) + Int64(i), offsetMinutes: 480),
                         operator: "zhang", text: text)
            }
            let text = TicketFile.render(t, layout: schema.layout)
            let parsed = try? TicketFile.parse(text)
            #expect(parsed != nil, "render produced an unparsable file:\n\(text)")
            if let parsed {
                #expect(TicketFile.render(parsed.ticket, layout: schema.layout) == text)
                #expect(parsed.ticket.log.count == t.log.filter { _ in true }.count)
            }
        }
    }
}

/// A ticket file left with git's conflict markers says it is an unfinished merge.
@Suite struct ConflictMarkerParseTests {
    @Test func anUnfinishedMergeIsNamed() throws {
        let text = """
            ---
            id: CS-20240501-7K3FQ2
            created: 2024-05-01T14:30:00+08:00
            title: t
            status: new
            ---

            ## log

            <<<<<<< HEAD
            - 2024-05-01T14:31:00+08:00 li: a
            =======
            - 2024-05-01T14:32:00+08:00 li: b
            >>>>>>> origin/main

            """
        #expect {
            _ = try TicketFile.parse(text)
        } throws: { error in
            guard let e = error as? TicketFileError else { return false }
            return e.description.contains("git conflict marker") && e.line == 10
        }
    }
}
