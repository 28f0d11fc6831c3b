import Foundation
import Testing
import TestSupport

/// What the review of the query commands (issue 12) found, each kept as a test:
/// CSV cells Excel would run as formulas, silent masking on import, JSON that
/// followed the display language, empty filter values, sorting by label and
/// by urgency, rating words, full-width search terms, unclosed quotes.
@Suite("query review findings")
struct QueryReviewFindingsTests {
    static let now = "2024-06-01T10:00:00+08:00"

    func file(_ desk: TestDesk, _ name: String, _ text: String) throws -> String {
        let path = desk.sandbox.path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a cell Excel would run as a formula is written with a leading ', and import takes it back off")
    func formulaCells() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "=HYPERLINK(\"http://evil.example\",\"点我\")",
                                 extra: ["--description", "@SUM(1+1)", "--module", "+测试"])
        try desk.succeed(["comment", id, "'已回电"], as: "zhang")
        let csv = try desk.succeed(["export"], now: Self.now)
        let cells = csv.split(separator: "\r\n").dropFirst().joined()
        #expect(cells.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\""), "\(csv)")
        #expect(cells.contains("'@SUM(1+1)") && cells.contains("'+测试"), "\(csv)")
        // The processing log begins with "- " (a list item): guarded too.
        #expect(cells.contains("\"'- "), "\(csv)")
        // No cell of the export starts with a formula character.
        for line in csv.split(separator: "\r\n").dropFirst() {
            for cell in line.split(separator: ",") {
                let bare = cell.hasPrefix("\"") ? cell.dropFirst() : cell
                #expect(!["=", "+", "@"].contains(bare.first.map(String.init) ?? ""), "\(cell)")
            }
        }
        // Round trip: the same ticket file after import into an empty desk.
        let target = try TestDesk()
        let path = try file(target, "x.csv", csv)
        try target.succeed(["import", path], as: "admin")
        #expect(try target.read(try target.ticketPath(id)) == desk.read(try desk.ticketPath(id)))
    }

    @Test("import says what it masked, per ticket, never the raw value")
    func importTellsMasking() throws {
        let desk = try TestDesk()
        let phone = "139" + "1234" + "5678"
        let path = try file(desk, "pii.csv", """
            问题编号,提交时间,问题类型,渠道,标题,问题描述,优先级,处理状态
            CS20240301001,2024-03-01 10:00,咨询,电话,回电,客户留了电话 \(phone),中,新建

            """)
        let r = try desk.gitdesk(["import", path], as: "admin", now: Self.now)
        #expect(r.status == 0, "\(r)")
        #expect(r.stderr.contains("CS20240301001") && r.stderr.contains("139****5678"), "\(r.stderr)")
        #expect(!r.stderr.contains(phone) && !r.stdout.contains(phone))
        #expect(r.stdout.contains("imported 1 ticket in 1 commit"), "\(r.stdout)")
    }

    @Test("export --format json: field keys, value keys, null when empty, whatever --lang; import reads it back")
    func jsonForPrograms() throws {
        let source = try TestDesk()
        _ = try source.sandbox.gitdesk(["demo", "demo"])
        let demo = source.sandbox.path("demo")
        var outputs: [String] = []
        for lang in ["zh", "en"] {
            let r = try source.sandbox.gitdesk(["export", "-C", demo, "--format", "json", "--lang", lang], env: ["GITDESK_NOW": Self.now])
            try #require(r.status == 0, "\(r)")
            outputs.append(r.stdout)
        }
        #expect(outputs[0] == outputs[1])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(outputs[0].utf8)) as? [[String: Any]])
        let first = try #require(rows.first { $0["id"] as? String == "CS20240501001" })
        #expect(first["status"] as? String == "closed" && first["type"] as? String == "complaint", "\(first)")
        #expect(first["问题编号"] == nil)
        #expect(rows.contains { $0.values.contains { $0 is NSNull } }, "empty fields are null")
        #expect(rows.allSatisfy { $0.values.allSatisfy { ($0 as? String)?.isEmpty != true } }, "no empty strings")
        let contacts = try source.sandbox.gitdesk(["export", "-C", demo, "--format", "json", "--contacts"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(contacts.stdout.utf8)) as? [[String: Any]])
        #expect(!list.isEmpty && list.allSatisfy { $0["id"] is String && $0["channel"] is String }, "\(contacts.stdout)")

        // The JSON export imported into an empty desk gives the same files.
        let path = try file(source, "all.json", outputs[0])
        try source.succeed(["import", path], as: "admin", now: Self.now)
        let diff = try source.sandbox.run("/usr/bin/diff", ["-r", demo + "/tickets", source.path("tickets")])
        #expect(diff.status == 0, "\(diff)")
        // A JSON file that is not an array of objects is one clear line.
        let bad = try file(source, "bad.json", "{\"id\": 1}")
        try source.expectRefusal(["import", bad], as: "admin", mentioning: ["bad.json:1", "array of objects"])
    }

    @Test("filters: an empty value is an error; ratings by the seeds' words; sort by label and by urgency")
    func filterValues() throws {
        let desk = try TestDesk()
        let low = try desk.record(title: "低", priority: "low")
        let urgent = try desk.record(title: "紧急", priority: "urgent")
        let medium = try desk.record(title: "中", priority: "medium")
        for args in [["list", "--status", ""], ["list", "--status", ","], ["search", "x", "--priority", " "]] {
            try desk.expectRefusal(args, mentioning: ["needs a value"])
        }
        let ids = { (args: [String]) throws -> [String] in
            try desk.jsonArray(args + ["--format", "json"]).compactMap { $0["id"] as? String }
        }
        #expect(try ids(["list", "--sort", "priority:desc"]) == [urgent, medium, low])
        #expect(try ids(["list", "--sort", "优先级:asc"]) == [low, medium, urgent])
        #expect(try ids(["list", "--sort", "Priority:desc"]) == [urgent, medium, low])
        try desk.expectRefusal(["list", "--sort", "不存在"], mentioning: ["--sort"])
        // 满意 is 5, as import reads it.
        #expect(try desk.gitdesk(["list", "--rating", "满意"]).status == 0)
        try desk.expectRefusal(["list", "--rating", "很好"], mentioning: ["--rating"])
    }

    @Test("search reads full-width letters and digits as ASCII, in the terms and in the tickets")
    func fullWidthSearch() throws {
        let desk = try TestDesk()
        let ascii = try desk.record(title: "APP闪退 iOS 17")
        let wide = try desk.record(title: "ＡＰＰ登录失败")
        for env in [[:], ["GITDESK_NO_CACHE": "1"]] {
            let hits = { (term: String) throws -> Set<String> in
                let r = try desk.gitdesk(["search", term, "--format", "json"], env: env)
                try #require(r.status == 0, "\(r)")
                let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
                return Set(rows.compactMap { $0["id"] as? String })
            }
            #expect(try hits("ＡＰＰ闪退") == [ascii])
            #expect(try hits("ｉＯＳ　１７") == [ascii])
            #expect(try hits("app") == [ascii, wide])
        }
    }

    @Test("import: a quote never closed names its line; a missing file is named with its full path")
    func importErrors() throws {
        let desk = try TestDesk()
        let path = try file(desk, "open.csv", "问题编号,提交时间,问题类型,渠道,标题\nCS20240301001,2024-03-01 10:00,咨询,电话,\"标题\nCS20240301002,2024-03-01 11:00,咨询,电话,另一个\n")
        try desk.expectRefusal(["import", path], as: "admin", mentioning: ["open.csv:2", "never closed"])
        try desk.expectRefusal(["import", "no-such.csv"], as: "admin", mentioning: ["no such file", desk.path("no-such.csv")])
    }

    // MARK: the attacker's review

    @Test("import: the file's name is masked in the commit message; look-alike IDs, odd times and raw values in messages refused")
    func importHardening() throws {
        let desk = try TestDesk()
        let phone = "138" + "1234" + "5678"
        let header = "问题编号,提交时间,问题类型,渠道,标题,优先级,处理状态\n"
        let name = "客户\(phone).csv"
        let path = try file(desk, name, header + "CS00A1,2024-03-01 10:00,咨询,电话,第一,中,新建\n")
        try desk.succeed(["import", path], as: "admin", now: Self.now)
        let message = try desk.gitOutput(["log", "-1", "--format=%B"])
        #expect(!message.contains(phone) && message.contains("138****5678"), "\(message)")
        #expect(try desk.gitdesk(["validate", "--all"]).status == 0)

        // CSOOA1 is CS00A1 to the duplicate-id rule (O and 0): refused like an existing ID.
        let lookAlike = try file(desk, "b.csv", header + "CSOOA1,2024-03-02 10:00,咨询,电话,第二,中,新建\n")
        let again = try desk.gitdesk(["import", lookAlike], as: "admin", now: Self.now)
        #expect(again.status == 1 && again.stderr.contains("b.csv:2: ticket CSOOA1 already exists"), "\(again)")
        let twice = try file(desk, "c.csv", header + "CSX0L1,2024-03-02 10:00,咨询,电话,一,中,新建\nCSXO11,2024-03-02 11:00,咨询,电话,二,中,新建\n")
        let r = try desk.gitdesk(["import", twice], as: "admin", now: Self.now)
        #expect(r.status == 1 && r.stderr.contains("c.csv:3") && r.stderr.contains("also on line 2"), "\(r)")

        for (time, why) in [("1969-12-31 10:00", "before 1970"), ("9999-12-31 10:00", "in the future")] {
            let f = try file(desk, "t.csv", header + "CSTT01,\(time),咨询,电话,时间,中,新建\n")
            let t = try desk.gitdesk(["import", f], as: "admin", now: Self.now)
            #expect(t.status == 1 && t.stderr.contains(why), "\(t)")
        }
        // A cell holding a phone number where a status belongs: the message masks it.
        let bad = try file(desk, "d.csv", header + "CSDD01,2024-03-02 10:00,咨询,电话,状态,中,\(phone)\n")
        let refused = try desk.gitdesk(["import", bad], as: "admin", now: Self.now)
        #expect(refused.status == 1 && !refused.stderr.contains(phone) && refused.stderr.contains("138****5678"), "\(refused)")
    }

    @Test("the cache is never written through a link; NFC and NFD text answer alike with and without it; search is bounded")
    func cacheHardening() throws {
        let desk = try TestDesk()
        let outside = desk.sandbox.path("elsewhere.sqlite")
        try FileManager.default.createDirectory(atPath: desk.path(".git/gitdesk"), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: desk.path(".git/gitdesk/cache.sqlite"))
        try FileManager.default.createSymbolicLink(atPath: desk.path(".git/gitdesk/cache.sqlite"), withDestinationPath: outside)
        let id = try desk.record(title: "链接", extra: ["--module", "Cafe\u{301}", "--description", "\u{1112}\u{1161}\u{11AB}국 고객"])
        #expect(try desk.succeed(["list"]).contains(id))
        #expect(!FileManager.default.fileExists(atPath: outside), "the link's target was written")
        try FileManager.default.removeItem(atPath: desk.path(".git/gitdesk/cache.sqlite"))

        for env in [[:], ["GITDESK_NO_CACHE": "1"]] {
            let module = try desk.gitdesk(["list", "--module", "Caf\u{E9}", "--format", "json"], env: env)
            #expect(module.stdout.contains(id), "\(env): \(module)")
            let hangul = try desk.gitdesk(["search", "\u{D55C}", "--format", "json"], env: env)
            #expect(hangul.stdout.contains(id), "\(env): \(hangul)")
        }
        let many = Array(repeating: "退款", count: 33)
        try desk.expectRefusal(["search"] + many, mentioning: ["at most 32 words"])
    }

    @Test("a pager that cannot start does not swallow the output")
    func missingPager() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "分页")

        let script = "cd '\(desk.path())' && '\(GitdeskBinary.path)' show \(id)"
        let r = try desk.sandbox.run("/usr/bin/script", ["-qec", script, "/dev/null"], env: ["GITDESK_PAGER": "/nonexistent/pager", "TERM": "xterm"])
        #expect(r.stdout.contains(id) && r.stdout.contains("pager '/nonexistent/pager' not found"), "\(r)")
    }
}
