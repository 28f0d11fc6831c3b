import Foundation
import Testing
import TestSupport

/// `gitdesk export` and `gitdesk import`: CSV for Excel, the seeds' table
/// shape, all-or-nothing validation, GB18030 files and a lossless round trip.
@Suite("import and export")
struct ImportExportTests {
    static let now = "2024-06-01T10:00:00+08:00"

    func write(_ desk: TestDesk, _ name: String, _ bytes: [UInt8]) throws -> String {
        let path = desk.sandbox.path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("export → import into an empty desk is lossless: the same ticket files, the same export")
    func roundTrip() throws {
        let source = try TestDesk(language: "zh")
        _ = try source.sandbox.gitdesk(["demo", "demo"])  // the seed stories: logs, contacts, closed tickets
        let demo = source.sandbox.path("demo")
        let csv = try source.sandbox.gitdesk(["export", "-C", demo], env: ["GITDESK_NOW": Self.now])
        try #require(csv.status == 0, "\(csv)")
        #expect(csv.stdout.hasPrefix("\u{FEFF}问题编号,提交时间,标题,处理状态,问题类型"))
        let file = try write(source, "all.csv", Array(csv.stdout.utf8))
        // `source` is an empty desk (gitdesk init): import the demo's export into it.
        let out = try source.succeed(["import", file], as: "admin", now: Self.now)
        #expect(out.contains("已导入 5 张工单，共 1 个提交"), "\(out)")
        #expect(try source.commitCount == 2)
        #expect(try source.porcelain.isEmpty)
        let diff = try source.sandbox.run("/usr/bin/diff", ["-r", demo + "/tickets", source.path("tickets")])
        #expect(diff.status == 0, "\(diff)")
        #expect(try source.succeed(["export"], now: Self.now) == csv.stdout)
    }

    @Test("a seeds-shaped table: legacy IDs and times kept, labels read, 满意 → 5, personal data masked; --each commits per ticket")
    func seedsShape() throws {
        let desk = try TestDesk(language: "zh")
        let phone = "138" + "1234" + "5678"
        let table = """
            问题编号,提交时间,问题类型,渠道,标题,问题描述,优先级,处理人,处理状态,用户满意度,根因分析,解决方案
            CS20240501001,2024-05-01 14:30,投诉,电话,支付成功但订单未生成,用户来电 \(phone) 反映扣款,紧急,zhang,已关闭,满意,回调超时,补单
            CS20240502001,2024-05-02 09:00,咨询,在线客服,会员积分,"问积分,兑换",中,,新建,,,

            """
        let file = try write(desk, "seed.csv", Array(table.utf8))
        #expect(try desk.succeed(["import", file, "--each"], as: "admin", now: Self.now).contains("已导入 2 张工单，共 2 个提交"))
        #expect(try desk.commitCount == 3)
        let closed = try desk.showJSON("CS20240501001")
        #expect(closed["created"] as? String == "2024-05-01T14:30:00+08:00")
        #expect(closed["status"] as? String == "closed")
        #expect("\(closed["satisfaction"] ?? "-")" == "5")
        #expect(closed["priority"] as? String == "urgent")
        let text = try desk.read(try desk.ticketPath("CS20240501001"))
        #expect(!text.contains(phone), "\(text)")
        #expect(try desk.showJSON("CS20240502001")["description"] as? String == "问积分,兑换")
        // Imported again: every row already exists, nothing written.
        // Only the import permission (admins by default) may add tickets with their history.
        try desk.expectRefusal(["import", file], as: "wang", mentioning: ["wang 无权导入工单", "管理员"])
        let again = try desk.gitdesk(["import", file], as: "admin", now: Self.now)
        #expect(again.status == 1 && again.stderr.contains("seed.csv:2：工单 CS20240501001 已存在"), "\(again)")
        #expect(try desk.commitCount == 3)
    }

    @Test("quotes inside unquoted cells are kept, as Excel and Python's csv read them, and survive export → import")
    func quotesInsideCells() throws {
        let desk = try TestDesk(language: "zh")
        // `ab"c` unquoted, `"x"y` after a closing quote, `15"屏` mid-cell: no character may be lost.
        let table = """
            问题编号,提交时间,问题类型,渠道,标题,问题描述,优先级,处理状态
            CS20240501007,2024-05-01 14:30,投诉,电话,屏幕 15"寸 ab"c,"说明"书 "x"y,中,新建

            """
        let file = try write(desk, "quotes.csv", Array(table.utf8))
        try desk.succeed(["import", file], as: "admin", now: Self.now)
        let shown = try desk.showJSON("CS20240501007")
        #expect(shown["title"] as? String == "屏幕 15\"寸 ab\"c")
        #expect(shown["description"] as? String == "说明书 \"x\"y")
        // Round trip: export, import into an empty desk, the same ticket file.
        let csv = try desk.succeed(["export"], now: Self.now)
        let empty = try TestDesk(language: "zh")
        try empty.succeed(["import", try write(empty, "again.csv", Array(csv.utf8))], as: "admin", now: Self.now)
        let path = try desk.ticketPath("CS20240501007")
        #expect(try empty.read(path) == desk.read(path))
    }

    @Test("one bad row: nothing is written, every bad row is reported as FILE:LINE")
    func badRows() throws {
        let desk = try TestDesk(language: "zh")
        let table = "问题编号,提交时间,问题类型,渠道,标题,优先级,处理状态\n"
            + "CS20240601001,2024-06-01 09:00,投诉,电话,退款未到账,高,新建\n"
            + "CS20240601002,2024-06-01 xx,咨询,电话,会员,中,新建\n"
            + "CS20240601003,2024-06-01 10:00,投诉,电话,闪退,超高,新建\n"
        let file = try write(desk, "bad.csv", Array(table.utf8))
        let head = try desk.head
        let result = try desk.gitdesk(["import", file], as: "admin", now: Self.now)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(result)")
        #expect(lines.first?.hasSuffix("bad.csv:3：提交时间「2024-06-01 xx」不是形如 2024-05-01 14:30 的日期时间") == true, "\(lines)")
        #expect(lines.dropFirst().first?.contains("bad.csv:4：优先级：") == true && lines.dropFirst().first?.contains("「超高」") == true, "\(lines)")
        #expect(lines.last == "gitdesk: 未导入任何工单（2 行有问题）")
        #expect(try desk.head == head)
        #expect(try desk.porcelain.isEmpty)
        let unknown = try desk.gitdesk(["import", try write(desk, "cols.csv", Array("问题编号,颜色\nX,红\n".utf8))], as: "admin")
        #expect(unknown.status == 1 && unknown.stderr.contains("cols.csv:1：未知的列「颜色」"), "\(unknown)")
    }

    @Test("a GB18030 (GBK) file, as Excel saves it on Chinese Windows, is converted")
    func gbk() throws {
        let desk = try TestDesk(language: "zh")
        // 问题编号,提交时间,问题类型,渠道,标题,优先级,处理状态 / CS20240601009,2024-06-01 09:00,投诉,电话,退款未到账,高,新建
        let bytes: [UInt8] = [
            0xCE, 0xCA, 0xCC, 0xE2, 0xB1, 0xE0, 0xBA, 0xC5, 0x2C, 0xCC, 0xE1, 0xBD, 0xBB, 0xCA, 0xB1, 0xBC, 0xE4, 0x2C,
            0xCE, 0xCA, 0xCC, 0xE2, 0xC0, 0xE0, 0xD0, 0xCD, 0x2C, 0xC7, 0xFE, 0xB5, 0xC0, 0x2C, 0xB1, 0xEA, 0xCC, 0xE2,
            0x2C, 0xD3, 0xC5, 0xCF, 0xC8, 0xBC, 0xB6, 0x2C, 0xB4, 0xA6, 0xC0, 0xED, 0xD7, 0xB4, 0xCC, 0xAC, 0x0D, 0x0A,
            0x43, 0x53, 0x32, 0x30, 0x32, 0x34, 0x30, 0x36, 0x30, 0x31, 0x30, 0x30, 0x39, 0x2C, 0x32, 0x30, 0x32, 0x34,
            0x2D, 0x30, 0x36, 0x2D, 0x30, 0x31, 0x20, 0x30, 0x39, 0x3A, 0x30, 0x30, 0x2C, 0xCD, 0xB6, 0xCB, 0xDF, 0x2C,
            0xB5, 0xE7, 0xBB, 0xB0, 0x2C, 0xCD, 0xCB, 0xBF, 0xEE, 0xCE, 0xB4, 0xB5, 0xBD, 0xD5, 0xCB, 0x2C, 0xB8, 0xDF,
            0x2C, 0xD0, 0xC2, 0xBD, 0xA8, 0x0D, 0x0A,
        ]
        let file = try write(desk, "gbk.csv", bytes)
        #expect(try desk.succeed(["import", file], as: "admin", now: Self.now).contains("已导入 1 张工单，共 1 个提交"))
        let shown = try desk.showJSON("CS20240601009")
        #expect(shown["title"] as? String == "退款未到账")
        #expect(shown["type"] as? String == "complaint")
        #expect(shown["channel"] as? String == "phone")
    }

    @Test("export: Chinese or English headers, labels or keys, filters, the communication log")
    func exportShapes() throws {
        let desk = try TestDesk(language: "zh")
        let a = try desk.record(title: "申请退款", type: "complaint", now: "2024-05-01T10:00:00+08:00")
        _ = try desk.record(title: "会员积分", type: "consult", now: "2024-05-02T10:00:00+08:00")
        try desk.succeed(["contact", a, "--channel", "phone", "--summary", "已电话沟通", "--follow-up", "明日回电"],
                         as: "li", now: "2024-05-01T11:00:00+08:00")
        let zh = try desk.succeed(["export", "--type", "投诉"], now: Self.now)
        let zhLines = zh.dropFirst().split(separator: "\r\n")
        #expect(zh.hasPrefix("\u{FEFF}问题编号,"))
        #expect(zhLines.count == 2 && zhLines[1].hasPrefix("\(a),2024-05-01T10:00:00+08:00,申请退款,新建,投诉,"), "\(zh)")
        let en = try desk.succeed(["export", "--type", "complaint", "--keys", "--lang", "en"], now: Self.now)
        #expect(en.hasPrefix("\u{FEFF}ID,Created,Title,Status,Type,"))
        #expect(en.contains("\(a),2024-05-01T10:00:00+08:00,申请退款,new,complaint,"))
        let contacts = try desk.succeed(["export", "--contacts"], now: Self.now)
        #expect(contacts == "\u{FEFF}问题编号,时间,处理人,渠道,沟通摘要,跟进事项,跟进期限,跟进状态\r\n\(a),2024-05-01T11:00:00+08:00,li,电话,已电话沟通,明日回电,,待跟进\r\n")
        let json = try desk.jsonArray(["export", "--format", "json", "--keys", "--lang", "en"])
        // JSON is for programs: field keys and value keys whatever --lang and --keys.
        #expect(json.count == 2 && json.last?["id"] as? String == a && json.last?["type"] as? String == "complaint")
    }
}
