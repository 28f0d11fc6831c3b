import Foundation
import Testing
import TestSupport

/// `gitdesk report`: the period report from a desk worked through the
/// commands, `--at` reproducing an earlier report byte for byte, the
/// per-ticket report, and the desk's own read-only queries.
@Suite struct ReportCommandTests {
    /// A May desk: a ticket solved and rated, one marked invalid, one still open.
    func mayDesk() throws -> (TestDesk, solved: String, invalid: String, open: String) {
        let d = try TestDesk()
        let solved = try d.new(priority: "urgent", at: "2024-05-06T09:00:00+08:00")
        try d.ok(["move", solved, "in_progress"], as: "zhang", at: "2024-05-06T09:30:00+08:00")
        try d.ok(["resolve", solved, "--solution", "补发订单", "--root-cause", "接口超时"], as: "zhang", at: "2024-05-06T10:00:00+08:00")
        try d.ok(["confirm", solved, "--rating", "5"], as: "li", at: "2024-05-06T11:00:00+08:00")
        let invalid = try d.new(type: "consult", priority: "medium", title: "广告", at: "2024-05-07T10:00:00+08:00")
        try d.ok(["invalid", invalid, "--reason", "垃圾信息"], as: "li", at: "2024-05-07T10:30:00+08:00")
        let open = try d.new(type: "fault", priority: "high", title: "无法开机", at: "2024-05-31T20:00:00+08:00")
        return (d, solved, invalid, open)
    }

    func report(_ d: TestDesk, _ args: [String], at time: String = "2024-06-10T12:00:00+08:00") throws -> String {
        try d.ok(["report"] + args, at: time).stdout
    }

    @Test func anInvalidTicketShowsNoSLAOutcome() throws {
        let (d, _, invalid, _) = try mayDesk()
        let sla = try #require(try d.show(invalid, at: "2024-06-10T12:00:00+08:00")["sla"] as? [String: Any])
        #expect(sla["resolve"] is NSNull, "\(sla)")
        #expect(sla["respond"] is NSNull, "\(sla)")
    }

    @Test func aReopenKeepsTheFirstRatingInTheFile() throws {
        let (d, solved, _, _) = try mayDesk()
        try d.ok(["close", solved], as: "li", at: "2024-05-06T12:00:00+08:00")
        try d.ok(["reopen", solved, "--reason", "问题复现"], as: "li", at: "2024-05-07T09:00:00+08:00")
        let log = try #require(try d.show(solved)["log"] as? [[String: Any]])
        #expect(log.contains { ($0["text"] as? String)?.contains("[rating: 5]") == true })
        let json = try JSONSerialization.jsonObject(with: Data(try report(d, [solved, "--format", "json"]).utf8)) as? [String: Any]
        #expect(json?["ratings"] as? [Int] == [5])
        #expect(json?["rounds"] as? Int == 2)
    }

    @Test func theMonthReportCountsInvalidTicketsApart() throws {
        let (d, solved, _, _) = try mayDesk()
        // Open since April: in May's backlog, counted from the cache's columns without being parsed.
        _ = try d.new(type: "suggestion", priority: "low", title: "建议增加免打扰", at: "2024-04-20T10:00:00+08:00")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try report(d, ["--month", "2024-05", "--format", "json"]).utf8)) as? [String: Any])
        #expect(json["total"] as? Int == 2)
        #expect(json["invalid"] as? Int == 1)
        #expect((json["period"] as? [String: String]) == ["from": "2024-05-01", "to": "2024-05-31"])
        #expect(json["computed_at"] as? String == "2024-06-01T00:00:00+08:00")
        let sla = try #require(json["sla"] as? [String: Any])
        #expect(sla["achieved"] as? Int == 1 && sla["breached"] as? Int == 0)
        let backlog = try #require(json["backlog_age_hours"] as? [String: Any])
        #expect(backlog["count"] as? Int == 2)
        // Ages at 2024-06-01 00:00: 4 h (2024-05-31 20:00) and 998 h (2024-04-20 10:00).
        #expect(backlog["median"] as? Double == 501)
        #expect(backlog["p90"] as? Double == 998)
        // The cache and a full parse of every file give the same bytes.
        let cached = try report(d, ["--month", "2024-05", "--format", "json"])
        let parsed = try d.sandbox.gitdesk(["report", "--month", "2024-05", "--format", "json"], in: d.dir,
                                           env: ["GITDESK_NOW": "2024-06-10T12:00:00+08:00", "GITDESK_NO_CACHE": "1"])
        #expect(parsed.stdout == cached, "\(parsed)")
        let text = try report(d, ["--month", "2024-05", "--lang", "zh"])
        #expect(text.contains("有效工单") && text.contains("无效工单"))
        let csv = try report(d, ["--month", "2024-05", "--format", "csv"])
        #expect(csv.hasPrefix("\u{FEFF}section,item,metric,value,numerator,denominator\r\n"))
        let md = try report(d, ["--month", "2024-05", "--format", "md", "--lang", "en"])
        #expect(md.hasPrefix("# Customer service report 2024-05-01 ~ 2024-05-31"))
        #expect(try report(d, [solved, "--format", "md", "--lang", "zh"]).contains("SLA：达标"))
    }

    @Test func atReproducesAnEarlierReportByteForByte() throws {
        let (d, solved, _, open) = try mayDesk()
        try d.sandbox.git(["tag", "may-close"], in: d.dir)
        var before: [String: String] = [:]
        for format in ["text", "json", "html", "csv", "md"] {
            before[format] = try report(d, ["--month", "2024-05", "--format", format], at: "2024-06-01T09:00:00+08:00")
        }
        // Later work: the open ticket is solved, a ticket is back-filled into May, a type is corrected.
        try d.ok(["move", open, "in_progress"], as: "zhang", at: "2024-06-02T09:00:00+08:00")
        _ = try d.new(type: "complaint", priority: "low", title: "补录", as: "admin", at: "2024-05-15T10:00:00+08:00")
        try d.ok(["set", solved, "type=fault", "subtype=software"], as: "wang", at: "2024-06-03T10:00:00+08:00")
        let now = try report(d, ["--month", "2024-05", "--format", "json"], at: "2024-06-05T09:00:00+08:00")
        #expect(now != before["json"], "the later changes should show without --at")
        for format in ["text", "json", "html", "csv", "md"] {
            let again = try report(d, ["--month", "2024-05", "--format", format, "--at", "may-close"], at: "2024-06-05T09:00:00+08:00")
            #expect(again == before[format], "\(format) differs")
        }
    }

    @Test func badPeriodsAreRefused() throws {
        let (d, _, _, _) = try mayDesk()
        let bad = try d.run(["report", "--month", "2024-13"], at: "2024-06-10T12:00:00+08:00")
        #expect(bad.status == 1 && bad.stderr == "gitdesk: not a period: 2024-13 (expected YYYY-MM)\n", "\(bad)")
        let both = try d.run(["report", "--month", "2024-05", "--week", "2024-W21"], at: "2024-06-10T12:00:00+08:00")
        #expect(both.status == 64, "\(both)")
        let rev = try d.run(["report", "--at", "no-such-rev"], at: "2024-06-10T12:00:00+08:00")
        #expect(rev.status == 1 && rev.stderr.hasPrefix("gitdesk: no commit no-such-rev"), "\(rev)")
    }

    @Test func archiveWritesTheProcessingReportAndHooksGuardIt() throws {
        let (d, solved, _, _) = try mayDesk()
        try d.ok(["close", solved], as: "li", at: "2024-05-06T12:00:00+08:00")
        try d.ok(["archive", solved], as: "zhao", at: "2024-05-06T13:00:00+08:00")
        let path = try #require(try d.sandbox.git(["ls-files", "tickets"], in: d.dir).stdout.split(separator: "\n")
            .first { $0.contains(solved) }).description
        let file = try d.sandbox.read("\(d.dir)/\(path)")
        #expect(file.contains("\n## report\n\n- 标题：支付成功但订单未生成\n"), "\(file)")
        #expect(file.contains("- 满意度：5★\n- SLA：达标\n"))
        #expect(file.contains("- 处理用时（小时，不含等待客户）：1，工作时间 1\n"))
        // The section is generated: a hand edit is refused by the pre-commit hook.
        try d.sandbox.write("\(d.dir)/\(path)", file.replacingOccurrences(of: "- SLA：达标", with: "- SLA：超时"))
        let commit = try d.sandbox.git(["-c", "user.name=运营小赵", "-c", "user.email=zhao@desk.example", "commit", "-qam", "edit"],
                                       in: d.dir, env: ["GITDESK_NOW": "2024-05-06T14:00:00+08:00"])
        #expect(commit.status != 0 && commit.stderr.contains("step-field") && commit.stderr.contains("report"), "\(commit)")
        // Reopening clears it with the archive time; the next archive writes it again.
        try d.sandbox.git(["checkout", "--", "."], in: d.dir)
        try d.ok(["reopen", solved, "--reason", "问题复现"], as: "li", at: "2024-05-08T09:00:00+08:00")
        #expect(!(try d.sandbox.read("\(d.dir)/\(path)")).contains("## report"))
    }

    // MARK: reports as code

    @discardableResult
    func commitReports(_ d: TestDesk, _ files: [String: String], verify: Bool = true) throws -> Sandbox.Result {
        for (name, sql) in files { try d.sandbox.write("\(d.dir)/reports/\(name).sql", sql) }
        let add = try d.sandbox.git(["add", "reports"], in: d.dir)
        try #require(add.status == 0, "\(add)")
        return try d.sandbox.git(["-c", "user.name=管理员", "-c", "user.email=admin@desk.example", "commit", "-q", "-m", "reports"]
                                 + (verify ? [] : ["--no-verify"]), in: d.dir, env: ["GITDESK_NOW": "2024-06-01T09:00:00+08:00"])
    }

    @Test func aDesksOwnQueryRunsReadOnlyWithContactsMasked() throws {
        let (d, _, _, _) = try mayDesk()
        let good = try commitReports(d, [
            "by_type": "-- tickets per type\nSELECT type, count(*) AS n FROM ticket GROUP BY type ORDER BY type;\n",
            "contacts": "SELECT id, '138' || '1234' || '5678' AS contact, 'mail z.san' || '@' || 'example.com' AS note FROM ticket ORDER BY id LIMIT 1",
        ])
        try #require(good.status == 0, "\(good)")
        // The hooks refuse a report that is not one read-only query, like any settings file...
        let refused = try commitReports(d, ["write": "DELETE FROM ticket"])
        #expect(refused.status != 0 && refused.stderr.contains("report-query") && refused.stderr.contains("may not write"), "\(refused)")
        try d.sandbox.git(["reset", "-q", "reports/write.sql"], in: d.dir)
        // ...and one that slipped past them (--no-verify) is refused when run.
        let slipped = try commitReports(d, [
            "write": "DELETE FROM ticket",
            "two": "SELECT 1; SELECT 2",
            "attach": "ATTACH DATABASE '/tmp/x.sqlite' AS x",
            "meta": "SELECT * FROM meta",
            "pragma": "PRAGMA journal_mode",
        ], verify: false)
        try #require(slipped.status == 0, "\(slipped)")
        let out = try d.ok(["report", "--query", "by_type", "--format", "csv"], at: "2024-06-10T12:00:00+08:00").stdout
        #expect(out == "type,n\r\ncomplaint,1\r\nconsult,1\r\nfault,1\r\n")
        let masked = try d.ok(["report", "--query", "contacts", "--format", "json"], at: "2024-06-10T12:00:00+08:00").stdout
        #expect(!masked.contains("13812345678") && masked.contains("138****5678"), "\(masked)")
        #expect(!masked.contains("z.san@example.com"), "\(masked)")
        for (name, message) in [("write", "may not write"), ("two", "exactly one SQL statement"), ("attach", "may not attach"),
                                ("meta", "may not read meta"), ("pragma", "may not run PRAGMA"), ("missing", "no report reports/missing.sql")] {
            let before = try d.head
            let r = try d.run(["report", "--query", name], at: "2024-06-10T12:00:00+08:00")
            #expect(r.status == 1 && r.stderr.hasPrefix("gitdesk: ") && r.stderr.contains(message), "\(name): \(r)")
            #expect(r.stderr.split(separator: "\n").count == 1)
            #expect(try d.head == before)
        }
        // Nothing was written through the refused statements.
        let again = try d.ok(["report", "--query", "by_type", "--format", "csv"], at: "2024-06-10T12:00:00+08:00").stdout
        #expect(again == out)
    }
}
