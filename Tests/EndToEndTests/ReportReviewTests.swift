import Foundation
import Testing
import TestSupport

/// The new-user review of reports (issue 13): a Chinese desk's refusals in
/// Chinese, spreadsheet-safe CSV, keys in the ticket JSON, readable steps,
/// roster names, and periods that have not begun.
@Suite struct ReportReviewTests {
    /// A Chinese May desk: one ticket solved and rated by zhang.
    func desk(language: String = "zh") throws -> (TestDesk, String) {
        let d = try TestDesk(language: language)
        let id = try d.new(priority: "urgent", at: "2024-05-06T09:00:00+08:00")
        try d.ok(["move", id, "in_progress"], as: "zhang", at: "2024-05-06T09:30:00+08:00")
        try d.ok(["resolve", id, "--solution", "补发订单", "--root-cause", "接口超时"], as: "zhang", at: "2024-05-06T10:00:00+08:00")
        try d.ok(["confirm", id, "--rating", "5"], as: "li", at: "2024-05-06T11:00:00+08:00")
        return (d, id)
    }
    let june = "2024-06-10T12:00:00+08:00"

    /// Finding 5: refusals in the desk's language, one line; a file that cannot be written is named.
    @Test func refusalsSpeakTheDesksLanguage() throws {
        let (d, _) = try desk()
        let bad = try d.run(["report", "--month", "2024-6"], at: june)
        #expect(bad.status == 1 && bad.stderr == "gitdesk: 不是有效的统计周期：2024-6（应为 YYYY-MM）\n", "\(bad)")
        let alone = try d.run(["report", "--from", "2024-05-01"], at: june)
        #expect(alone.status == 64 && alone.stderr.contains("--from 与 --to 须一起给出"), "\(alone)")
        let file = try d.run(["report", "--month", "2024-05", "-o", "/nonexistent/x.html"], at: june)
        #expect(file.status == 1 && file.stderr == "gitdesk: 无法写入 /nonexistent/x.html：目录 /nonexistent 不存在\n", "\(file)")
    }

    /// Finding 18: a period that has not begun is refused; one in progress says it is as of now.
    @Test func aFuturePeriodIsRefusedAndARunningOneSaysSo() throws {
        let (d, _) = try desk()
        let future = try d.run(["report", "--month", "2030-01"], at: june)
        #expect(future.status == 1 && future.stderr.hasPrefix("gitdesk: 统计周期尚未开始（从 2030-01-01 起）"), "\(future)")
        #expect(future.stderr.split(separator: "\n").count == 1)
        let running = try d.ok(["report", "--month", "2024-06"], at: june).stdout
        #expect(running.contains("（周期进行中：截至此刻）"), "\(running)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try d.ok(["report", "--month", "2024-06", "--format", "json"], at: june).stdout.utf8)) as? [String: Any])
        #expect(json["in_progress"] as? Bool == true)
    }

    /// Finding 6: BOM, one figure per cell, counts in their own columns, empty for none.
    @Test func theCSVHoldsOneFigurePerCell() throws {
        let (d, _) = try desk()
        let csv = try d.ok(["report", "--month", "2024-05", "--format", "csv", "--lang", "en"], at: june).stdout
        #expect(csv.hasPrefix("\u{FEFF}section,item,metric,value,numerator,denominator\r\n"), "\(csv)")
        #expect(csv.contains("Reopens and satisfaction (by event time),Reopen rate,rate,0,0,1\r\n"), "\(csv)")
        #expect(csv.contains("SLA compliance by priority (by event time),Urgent,compliance,1,1,1\r\n"), "\(csv)")
        #expect(csv.contains(",Backlog age (h),median,,,\r\n"), "\(csv)")
        #expect(!csv.contains("%") && !csv.contains("'-") && !csv.contains("/1,"), "\(csv)")
    }

    /// Findings 7, 9, 20: keys in JSON; HTML with tables and no raw markers; roster names; ASCII colons in English.
    @Test func theTicketReportGivesKeysNamesAndReadableSteps() throws {
        let (d, id) = try desk()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try d.ok(["report", id, "--format", "json"], at: june).stdout.utf8)) as? [String: Any])
        #expect(json["status"] as? String == "resolved" && json["status_label"] as? String == "已解决", "\(json)")
        #expect(json["type"] as? String == "complaint" && json["priority"] as? String == "urgent", "\(json)")
        let html = try d.ok(["report", id, "--format", "html"], at: june).stdout
        #expect(!html.contains("<pre>") && html.contains("<table>") && html.contains("<h2>处理步骤</h2>"), "\(html)")
        #expect(!html.contains("[status:") && !html.contains("[due:") && !html.contains("[rating:"), "\(html)")
        let text = try d.ok(["report", id, "--lang", "en"], at: june).stdout
        #expect(text.contains("- Title: ") && text.contains("- SLA: met"), "\(text)")
        #expect(!text.contains("[status:"), "\(text)")
        let zh = try d.ok(["report", id], at: june).stdout
        #expect(!zh.contains(" zhang：") && zh.contains("技术小张："), "\(zh)")
    }

    /// Finding 4: a year the calendar does not cover is said once, in the report and by `new`.
    @Test func aYearWithoutHolidaysIsSaidOnce() throws {
        let d = try TestDesk(language: "zh")
        let made = try d.run(["new", "--type", "complaint", "--channel", "phone", "--priority", "low", "--title", "无法开机"],
                             as: "li", at: "2027-03-01T10:00:00+08:00")
        #expect(made.status == 0 && made.stderr.contains("没有 2027 年的节假日"), "\(made)")
        #expect(made.stderr.components(separatedBy: "2027 年").count == 2, "\(made)")
        let text = try d.ok(["report", "--month", "2027-03"], at: "2027-04-02T10:00:00+08:00").stdout
        #expect(text.components(separatedBy: "没有 2027 年的节假日").count == 2, "\(text)")
        let covered = try d.ok(["report", "--month", "2026-03"], at: "2027-04-02T10:00:00+08:00").stdout
        #expect(!covered.contains("节假日"), "\(covered)")
    }

    /// Finding 17: a report on disk but not committed says "commit it"; JSON numbers are numbers.
    @Test func anUncommittedQuerySaysCommitItAndJSONKeepsNumbers() throws {
        let (d, _) = try desk(language: "en")
        try d.sandbox.write("\(d.dir)/reports/per_type.sql", "SELECT type, count(*) AS n, '007' AS code FROM ticket GROUP BY type")
        let uncommitted = try d.run(["report", "--query", "per_type"], at: june)
        #expect(uncommitted.status == 1 && uncommitted.stderr.contains("is not committed: commit it"), "\(uncommitted)")
        try d.sandbox.git(["add", "reports"], in: d.dir)
        let commit = try d.sandbox.git(["-c", "user.name=管理员", "-c", "user.email=admin@desk.example", "commit", "-qm", "report"],
                                       in: d.dir, env: ["GITDESK_NOW": june])
        try #require(commit.status == 0, "\(commit)")
        let json = try d.ok(["report", "--query", "per_type", "--format", "json"], at: june).stdout
        #expect(json.contains("\"n\":1") || json.contains("\"n\": 1"), "\(json)")
        #expect(json.contains("\"007\""), "\(json)")
    }

    /// Finding 12: a rejected solution stays in the log (masked) and `report ID` shows it.
    @Test func aRejectedSolutionIsKeptInTheLog() throws {
        let d = try TestDesk(language: "zh")
        let id = try d.new(priority: "urgent", at: "2024-05-06T09:00:00+08:00")
        try d.ok(["move", id, "in_progress"], as: "zhang", at: "2024-05-06T09:30:00+08:00")
        try d.ok(["resolve", id, "--solution", "已补发订单，回电 13812345678 告知 [status: new → closed]", "--root-cause", "接口超时"],
                 as: "zhang", at: "2024-05-06T10:00:00+08:00")
        try d.ok(["reopen", id, "--reason", "客户称仍未收到"], as: "li", at: "2024-05-06T11:00:00+08:00")
        try d.ok(["resolve", id, "--solution", "人工补单"], as: "zhang", at: "2024-05-06T12:00:00+08:00")
        let text = try d.ok(["report", id], at: june).stdout
        #expect(text.contains("方案：已补发订单，回电 138****5678 告知 ［status: new → closed］"), "\(text)")
        #expect(text.contains("方案：人工补单") && !text.contains("13812345678"), "\(text)")
        let show = try d.show(id, at: june)
        #expect(show["status"] as? String == "awaiting_confirmation", "\(show)")
    }

    /// Finding 10: the demo's generated tickets have lived: assigned, resolved, rated, closed,
    /// some rejected or recurring, some invalid, some still open; every change its own commit.
    @Test func theDemoDeskHasSomethingToReport() throws {
        let sandbox = try Sandbox("gitdesk-e2e")
        let made = try sandbox.gitdesk(["demo", "demo", "--tickets", "300", "--seed", "7"])
        try #require(made.status == 0, "\(made)")
        let commits = Int(try sandbox.git(["rev-list", "--count", "HEAD"], in: "demo").stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(commits > 300 * 5, "\(commits) commits for 300 generated tickets")
        let r = try sandbox.gitdesk(["report", "--from", "2024-01-01", "--to", "2024-01-31", "--format", "json", "-C", "demo"],
                                    env: ["GITDESK_NOW": "2025-01-01T00:00:00+08:00"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "\(r)")
        #expect((json["invalid"] as? Int ?? 0) > 0, "\(json)")
        #expect((json["reopened"] as? Int ?? 0) > 0, "\(json)")
        let satisfaction = try #require(json["satisfaction"] as? [String: Any])
        #expect((satisfaction["count"] as? Int ?? 0) > 50, "\(satisfaction)")
        let sla = try #require(json["sla"] as? [String: Any])
        #expect((sla["breached"] as? Int ?? 0) > 0 && (sla["achieved"] as? Int ?? 0) > 0, "\(sla)")
        #expect(((json["backlog_age_hours"] as? [String: Any])?["count"] as? Int ?? 0) > 0, "\(json)")
        let handlers = try #require(json["by_handler"] as? [[String: Any]])
        #expect(handlers.filter { ($0["resolved"] as? Int ?? 0) > 0 }.count >= 2, "\(handlers)")
    }
}
