import Foundation
import Testing
import TestSupport

/// Import rows, refused options, durations, template input and demo's lines
/// come from the catalogue: Chinese on a Chinese desk, English with
/// `--lang en` (issue 11).
@Suite struct CataloguedInputMessagesTests {
    static let now = "2024-06-01T10:00:00+08:00"
    static func hasCJK(_ s: String) -> Bool { s.unicodeScalars.contains { $0.properties.isIdeographic } }

    @Test func importRowsAreSaidInTheDesksLanguage() throws {
        let d = try TestDesk(language: "zh")
        let phone = "139" + "8765" + "4321"
        let file = d.sandbox.path("rows.csv")
        try Data("提交时间,问题类型,渠道,标题,优先级,处理状态\nyesterday \(phone),投诉,电话,a,中,新建\n2024-05-01 14:30,投诉,电话,b,中,新建\n".utf8)
            .write(to: URL(fileURLWithPath: file))
        let zh = try d.gitdesk(["import", file], as: "admin", now: Self.now)
        #expect(zh.status == 1, "\(zh)")
        #expect(zh.stderr.contains("rows.csv:2：提交时间「yesterday 139****4321」不是形如 2024-05-01 14:30 的日期时间"), "\(zh.stderr)")
        #expect(zh.stderr.hasSuffix("gitdesk: 未导入任何工单（1 行有问题）\n"), "\(zh.stderr)")
        #expect(!zh.stderr.contains(phone), "the raw number was echoed: \(zh.stderr)")
        let en = try d.gitdesk(["import", file, "--lang", "en"], as: "admin", now: Self.now)
        #expect(en.stderr.contains("rows.csv:2: created 'yesterday 139****4321' is not a date-time like 2024-05-01 14:30"), "\(en.stderr)")
        #expect(!Self.hasCJK(en.stderr), "\(en.stderr)")
        #expect(try d.commitCount == 1, "an import with a bad row wrote nothing")

        try Data("提交时间,问题类型,渠道,标题,优先级,处理状态\n2024-05-01 14:30,投诉,电话,b,中,新建\n".utf8).write(to: URL(fileURLWithPath: file))
        #expect(try d.succeed(["import", file], as: "admin", now: Self.now) == "已导入 1 张工单，共 1 个提交\n")
    }

    @Test func refusedOptionsAndTemplateInputAreChinese() throws {
        let d = try TestDesk(language: "zh")
        try d.expectRefusal(["list", "--sort", "bogus"], mentioning: ["--sort「bogus」：应为 字段[:asc|desc]"])
        try d.expectRefusal(["list", "--sort", "bogus", "--lang", "en"], mentioning: ["--sort 'bogus': expected FIELD[:asc|desc]"])
        try d.expectRefusal(["list", "--assignee", "nobody"], mentioning: ["--assignee：「nobody」不在人员名单中"])
        try d.expectRefusal(["template", "add", "refund", "stepsonly"], as: "wang", mentioning: ["「stepsonly」不是 字段=值 的形式"])
        try d.expectRefusal(["template", "list", "--tag", "vip"], mentioning: ["--tag：没有模板带有标签「vip」"])
    }

    @Test func durationsReadTheDesksLanguage() throws {
        let d = try TestDesk(language: "zh")
        let id = try d.record(title: "Printer jams", priority: "urgent")
        let zh = try d.succeed(["show", id], now: "2024-05-01T10:40:00+08:00")
        #expect(zh.range(of: #"剩余 [0-9]+小时([0-9]+分)?"#, options: .regularExpression) != nil, "\(zh)")
        #expect(!zh.contains("h "), "English units on a Chinese desk: \(zh)")
        let en = try d.succeed(["show", id, "--lang", "en"], now: "2024-05-01T10:40:00+08:00")
        #expect(en.range(of: #"remaining [0-9]+h( [0-9]+m)?"#, options: .regularExpression) != nil, "\(en)")
    }

    @Test func demoSaysWhatItMadeInTheLanguageAsked() throws {
        let s = try Sandbox("gitdesk-demo-lang")
        let zh = try s.gitdesk(["demo", "d", "--lang", "zh"])
        #expect(zh.status == 0, "\(zh)")
        #expect(zh.stdout.contains("演示工单库已就绪：d，共 ") && zh.stdout.contains("试试：gitdesk list -C d"), "\(zh.stdout)")
    }
}
