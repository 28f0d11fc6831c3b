import Foundation
import Testing
import TestSupport

/// `--at REV` on list, search, show and export: the desk as it was at a
/// commit, tag or date, answered without moving the cache for HEAD.
@Suite("Queries at a revision")
struct RevisionQueryTests {
    static let now = "2024-05-20T10:00:00+08:00"

    /// A desk with three tickets made on 1, 3 and 12 May; the first assigned on 10 May; tag `v1` after the first.
    static func history() throws -> (desk: TestDesk, ids: [String]) {
        let desk = try TestDesk(timezone: "Asia/Shanghai")
        let a = try desk.record(title: "申请退款 first", now: "2024-05-01T10:00:00+08:00")
        try #require(try desk.git(["tag", "v1"]).status == 0)
        let b = try desk.record(title: "APP闪退 second", now: "2024-05-03T10:00:00+08:00")
        try desk.succeed(["assign", a, "zhang"], as: "wang", now: "2024-05-10T10:00:00+08:00")
        let c = try desk.record(title: "申请退款 third", now: "2024-05-12T10:00:00+08:00")
        return (desk, [a, b, c])
    }

    static func ids(_ rows: [[String: Any]]) -> Set<String> { Set(rows.compactMap { $0["id"] as? String }) }

    @Test("list, search, show and export answer as of a tag, HEAD~N and a date in the desk's time zone")
    func answersAsOfRevision() throws {
        let (desk, ids) = try Self.history()
        let (a, b, c) = (ids[0], ids[1], ids[2])
        #expect(Self.ids(try desk.jsonArray(["list", "--format", "json", "--at", "v1"])) == [a])
        #expect(Self.ids(try desk.jsonArray(["list", "--format", "json", "--at", "HEAD~1"])) == [a, b])
        // The last commit before 4 May began in Shanghai: A and B, A not yet assigned.
        let may4 = try desk.jsonArray(["export", "--format", "json", "--at", "2024-05-04"])
        #expect(Self.ids(may4) == [a, b])
        #expect(may4.first { $0["id"] as? String == a }?["assignee"] as? String != "zhang")
        // 12 May 01:00 in Shanghai is still 11 May in UTC: a date is the desk's day, so C is out.
        #expect(Self.ids(try desk.jsonArray(["list", "--format", "json", "--at", "2024-05-12"])) == [a, b])
        #expect(Self.ids(try desk.jsonArray(["list", "--format", "json", "--at", "2024-05-13"])) == [a, b, c])
        #expect(Self.ids(try desk.jsonArray(["search", "退款", "--format", "json", "--at", "v1"])) == [a])
        #expect(Self.ids(try desk.jsonArray(["search", "退款", "--format", "json"])) == [a, c])
        let shown = try desk.succeed(["show", a, "--json", "--at", "2024-05-04"])
        #expect(!shown.contains("zhang"), "A was not assigned yet on 4 May: \(shown)")
        #expect(try desk.succeed(["show", a, "--json"]).contains("zhang"))
        try desk.expectRefusal(["show", c, "--at", "v1"], mentioning: [c])
    }

    @Test("a query at a revision neither reads nor moves the cache for HEAD")
    func headCacheUntouched() throws {
        let (desk, ids) = try Self.history()
        let warm = try desk.gitdesk(["list", "--format", "json"], now: Self.now, env: ["GITDESK_TRACE": "1"])
        let rows = try JSONSerialization.jsonObject(with: Data(warm.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(warm.status == 0 && Self.ids(rows) == Set(ids), "\(warm)")
        for rev in ["v1", "2024-05-04", "HEAD~2"] {
            let past = try desk.gitdesk(["list", "--format", "json", "--at", rev], now: Self.now, env: ["GITDESK_TRACE": "1"])
            #expect(past.status == 0, "\(past)")
        }
        #expect(FileManager.default.fileExists(atPath: desk.path(".git/gitdesk/cache-at.sqlite")))
        let again = try desk.gitdesk(["list", "--format", "json"], now: Self.now, env: ["GITDESK_TRACE": "1"])
        #expect(again.stderr.contains("trace query cache fresh"), "HEAD's cache was moved by --at: \(again.stderr)")
        #expect(again.stdout == warm.stdout)
    }

    @Test("an unknown revision or a date before the first commit is one line, exit 1")
    func unknownRevision() throws {
        let (desk, _) = try Self.history()
        for command in [["list"], ["search", "退款"], ["export"]] {
            try desk.expectRefusal(command + ["--at", "no-such-tag"], mentioning: ["no-such-tag"])
        }
        try desk.expectRefusal(["list", "--at", "2020-01-01"], mentioning: ["2020-01-01"])
    }
}
