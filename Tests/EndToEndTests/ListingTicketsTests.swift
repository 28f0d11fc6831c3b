import Foundation
import Testing
import TestSupport

/// The weekly review: listing the open items by status, type, priority and
/// handler, as a table, JSON or CSV.
@Suite("Listing tickets")
struct ListingTicketsTests {
    /// Three tickets from the documents, with handlers.
    struct Fixture {
        let desk: TestDesk
        let payment: String, membership: String, quietHours: String

        init() throws {
            desk = try TestDesk()
            payment = try desk.record(title: "支付成功但订单未生成", type: "complaint", priority: "urgent",
                                      now: "2024-05-01T14:30:00+08:00")
            membership = try desk.record(title: "询问会员积分兑换", type: "consult", channel: "web",
                                         priority: "medium", now: "2024-05-01T15:20:00+08:00")
            quietHours = try desk.record(title: "Quiet hours setting", type: "suggestion", channel: "app",
                                         priority: "low", now: "2024-05-01T16:10:00+08:00")
            // Routing assigns the urgent complaint to tech support (zhang) and
            // both product tickets to liu; the supervisor hands one to li.
            try desk.succeed(["assign", membership, "li"], as: "wang", now: "2024-05-01T15:25:00+08:00")
        }

        func ids(_ args: [String]) throws -> [String] {
            try desk.jsonArray(["list", "--format", "json"] + args).map { $0["id"] as? String ?? "?" }
        }
    }

    @Test("list --format json gives every ticket, newest first, shaped like show --json")
    func jsonList() throws {
        let f = try Fixture()
        let all = try f.desk.jsonArray(["list", "--format", "json"])
        #expect(all.map { $0["id"] as? String } == [f.quietHours, f.membership, f.payment])
        let shown = try f.desk.showJSON(f.payment)
        let listed = try #require(all.last)
        #expect(Set(listed.keys) == Set(shown.keys))
        #expect(listed["title"] as? String == "支付成功但订单未生成")
        #expect(listed["assignee"] as? String == "zhang")
        #expect((listed["log"] as? [Any])?.count == 1)
    }

    @Test("filters by status, type, priority and assignee")
    func filters() throws {
        let f = try Fixture()
        #expect(try f.ids(["--type", "consult"]) == [f.membership])
        #expect(try f.ids(["--priority", "urgent"]) == [f.payment])
        #expect(try f.ids(["--assignee", "liu"]) == [f.quietHours])
        #expect(try f.ids(["--status", "new"]).count == 3)
        #expect(try f.ids(["--status", "closed"]).isEmpty)
        #expect(try f.ids(["--type", "complaint", "--priority", "urgent", "--assignee", "zhang"]) == [f.payment])
        #expect(try f.ids(["--type", "complaint", "--assignee", "liu"]).isEmpty)
    }

    @Test("a filter value outside its enum is refused")
    func badFilter() throws {
        let f = try Fixture()
        try f.desk.expectRefusal(["list", "--status", "sleeping"], mentioning: ["sleeping"])
        try f.desk.expectRefusal(["list", "--priority", "extreme"], mentioning: ["extreme"])
    }

    @Test("list --format csv has a header of field keys and one row per ticket")
    func csvList() throws {
        let f = try Fixture()
        let csv = try f.desk.succeed(["list", "--format", "csv", "--type", "complaint"])
        // RFC 4180 lines end in CRLF (one Character in Swift, so split the scalars).
        #expect(csv.hasSuffix("\r\n"))
        let lines = csv.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines[2].isEmpty, "\(csv)")
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(Array(header.prefix(3)) == ["id", "created", "title"])
        for key in ["status", "type", "priority", "assignee", "due", "satisfaction"] { #expect(header.contains(key)) }
        #expect(lines[1].hasPrefix("\(f.payment),2024-05-01T14:30:00+08:00,支付成功但订单未生成,"))
        let row = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(row.count == header.count, "row \(row) vs header \(header)")
        if row.count == header.count {
            #expect(row[header.firstIndex(of: "assignee")!] == "zhang")
            #expect(row[header.firstIndex(of: "priority")!] == "urgent")
        }
    }

    @Test("the table lines up columns after Chinese (double-width) titles")
    func tableAlignment() throws {
        let f = try Fixture()
        for lang in ["zh", "en"] {
            let table = try f.desk.succeed(["list", "--lang", lang])
            let lines = table.split(separator: "\n").map(String.init)
            #expect(lines.count == 4, "\(table)")
            let rows: [(title: String, next: String)] = [
                (lang == "zh" ? "标题" : "Title", lang == "zh" ? "处理人" : "Assignee"),
                ("Quiet hours setting", "liu"), ("询问会员积分兑换", "li"), ("支付成功但订单未生成", "zhang"),
            ]
            var titleColumns: [Int] = [], nextColumns: [Int] = []
            for (line, row) in zip(lines, rows) {
                guard let title = line.range(of: row.title) else {
                    Issue.record("no '\(row.title)' in line '\(line)'"); continue
                }
                let rest = line[title.upperBound...]
                guard let next = rest.firstIndex(where: { $0 != " " }), rest[next...].hasPrefix(row.next) else {
                    Issue.record("no '\(row.next)' after the title in '\(line)'"); continue
                }
                titleColumns.append(displayWidth(line[..<title.lowerBound]))
                nextColumns.append(displayWidth(line[..<next]))
            }
            #expect(Set(titleColumns).count == 1, "titles start at display columns \(titleColumns):\n\(table)")
            #expect(Set(nextColumns).count == 1, "the column after the title starts at display columns \(nextColumns):\n\(table)")
        }
    }

    @Test("an empty result says so")
    func emptyTable() throws {
        let f = try Fixture()
        let out = try f.desk.succeed(["list", "--status", "closed", "--lang", "en"])
        #expect(out.contains("no tickets match"))
    }
}
