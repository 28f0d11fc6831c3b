import Foundation
import Testing
import TestSupport

/// The query cache (`.git/gitdesk/cache.sqlite`) answers `list` exactly as a
/// full re-parse of the files does (`GITDESK_NO_CACHE=1`), whatever happened
/// to the repository or to the cache file in between.
@Suite("Query cache")
struct QueryCacheTests {
    static let now = "2024-05-20T10:00:00+08:00"
    static let cacheFile = ".git/gitdesk/cache.sqlite"

    /// `list ARGS` (or `search ...` when ARGS begins with it) with the cache and
    /// without: status, stdout and stderr must agree.
    static func expectSameAnswer(_ desk: TestDesk, _ args: [String], step: String,
                                 sourceLocation: SourceLocation = #_sourceLocation) throws {
        let command = args.first == "search" ? args : ["list"] + args
        let cached = try desk.gitdesk(command, now: now, env: ["GITDESK_TRACE": "1"])
        let parsed = try desk.gitdesk(command, now: now, env: ["GITDESK_NO_CACHE": "1"])
        // The trace proves the answer came from the cache, not from the fallback.
        let lines = cached.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains { $0.hasPrefix("trace query cache") }, "\(step): cache not used \(cached)", sourceLocation: sourceLocation)
        let warnings = lines.filter { !$0.hasPrefix("trace ") }.joined(separator: "\n")
        #expect(cached.status == 0, "\(step) list \(args): \(cached)", sourceLocation: sourceLocation)
        #expect(cached.status == parsed.status, "\(step) list \(args)", sourceLocation: sourceLocation)
        #expect(cached.stdout == parsed.stdout, "\(step) list \(args)", sourceLocation: sourceLocation)
        #expect(warnings == parsed.stderr, "\(step) list \(args)", sourceLocation: sourceLocation)
    }

    static let queries: [[String]] = [
        ["--format", "json"],
        ["--format", "json", "--status", "new,in_progress"],
        ["--format", "csv", "--type", "complaint", "--sort", "priority:asc"],
        ["--format", "json", "--follow-ups", "--status", "new", "--status", "needs_info,in_progress"],
        ["--overdue"],
        ["--assignee", "liu", "--limit", "2"],
        ["--format", "json", "--status", "new", "--limit", "3"],
        ["--format", "csv", "--sort", "created:asc", "--limit", "2", "--type", "complaint,consult"],
        ["--status", "new,in_progress,needs_info"],
        // search: every output format, two-character words (no trigram) and longer ones.
        ["search", "退款"],
        ["search", "退款", "--format", "json"],
        ["search", "订单未生成", "--limit", "1"],
        ["search", "VIP会员", "--format", "json", "--status", "new"],
        ["search", "电话", "--follow-ups", "--limit", "2"],
    ]

    /// A small deterministic generator (SplitMix64), so a failing sequence can be replayed by its seed.
    struct Dice {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(n))
        }
    }

    @Test("after random writes, hand edits, branch switches and a lost or damaged cache, list equals a full re-parse",
          arguments: [UInt64(7), 2024])
    func cacheEqualsReparse(seed: UInt64) throws {
        let desk = try TestDesk(language: "zh")
        var dice = Dice(state: seed)
        var ids: [String] = []
        let titles = ["APP闪退", "申请退款", "iOS 17 登录失败", "会员积分", "订单未生成"]
        let types = ["complaint", "consult", "suggestion", "fault"]
        for i in 0..<4 {
            ids.append(try desk.record(title: titles[i], type: types[i % types.count], priority: ["low", "medium", "high", "urgent"][i],
                                       now: "2024-05-0\(i + 1)T10:00:00+08:00"))
        }
        var onSide = false
        for step in 0..<14 {
            let id = ids[dice.next(ids.count)]
            let label: String
            switch dice.next(9) {
            case 0:
                label = "new"
                ids.append(try desk.record(title: titles[dice.next(titles.count)], type: types[dice.next(types.count)],
                                           priority: ["low", "medium", "high", "urgent"][dice.next(4)],
                                           now: "2024-05-1\(dice.next(9))T09:00:00+08:00"))
            case 1:
                label = "comment"
                _ = try desk.gitdesk(["comment", id, "用户反馈退款未到账 \(step)"], as: "wang", now: "2024-05-19T09:00:00+08:00")
            case 2:
                label = "assign"
                _ = try desk.gitdesk(["assign", id, ["li", "liu", "zhang"][dice.next(3)]], as: "wang", now: "2024-05-19T09:00:00+08:00")
            case 3:
                label = "contact"
                _ = try desk.gitdesk(["contact", id, "--channel", "phone", "--summary", "电话沟通", "--follow-up", "明日回电"],
                                     as: "li", now: "2024-05-19T10:00:00+08:00")
            case 4:
                label = "hand edit"
                let path = try desk.ticketPath(id)
                let text = try desk.read(path)
                try desk.commitFile(path, bytes: Array(text.replacingOccurrences(of: "会员", with: "VIP会员")
                                                        .replacingOccurrences(of: "priority: low", with: "priority: high").utf8))
            case 5:
                label = "hand delete"
                guard ids.count > 2 else { continue }
                let path = try desk.ticketPath(id)
                try #require(try desk.git(["rm", "-q", path]).status == 0)
                try desk.handCommit("remove \(id)")
                ids.removeAll { $0 == id }
            case 6:
                label = onSide ? "checkout main" : "checkout side"
                let args = onSide ? ["checkout", "-q", "main"] : ["checkout", "-q", "-B", "side", "HEAD~2"]
                try #require(try desk.git(args).status == 0)
                onSide.toggle()
                // Tickets of the other branch may be gone here.
                let listed = try desk.gitOutput(["ls-tree", "-r", "--name-only", "HEAD", "tickets"])
                ids = ids.filter { listed.contains("/\($0).md") }
                if ids.isEmpty { ids.append(try desk.record(title: "新工单", now: "2024-05-18T09:00:00+08:00")) }
            case 7:
                label = "cache deleted"
                try? FileManager.default.removeItem(atPath: desk.path(Self.cacheFile))
            default:
                label = "cache damaged"
                try? Data("this is not a database".utf8).write(to: URL(fileURLWithPath: desk.path(Self.cacheFile)))
            }
            for q in Self.queries { try Self.expectSameAnswer(desk, q, step: "seed \(seed) step \(step) (\(label))") }
        }
    }

    @Test("gitdesk's own write moves the cache; a hand commit re-reads one file; a fresh cache reads none; a damaged one is rebuilt")
    func incremental() throws {
        let desk = try TestDesk(language: "zh")
        let a = try desk.record(title: "申请退款", now: "2024-05-01T10:00:00+08:00")
        _ = try desk.record(title: "APP闪退", now: "2024-05-02T10:00:00+08:00")
        let trace = ["GITDESK_TRACE": "1"]
        #expect(try desk.gitdesk(["list"], now: Self.now, env: trace).stderr.contains("query cache rebuilt, 2 files read"))
        #expect(try desk.gitdesk(["list"], now: Self.now, env: trace).stderr.contains("query cache fresh"))
        let write = try desk.gitdesk(["comment", a, "已退款"], as: "li", now: "2024-05-03T10:00:00+08:00", env: trace)
        #expect(write.status == 0 && write.stderr.contains("query cache moved with the write"), "\(write)")
        let afterWrite = try desk.gitdesk(["search", "已退款", "--format", "json"], now: Self.now, env: trace)
        #expect(afterWrite.stderr.contains("query cache fresh"), "\(afterWrite.stderr)")
        #expect(afterWrite.stdout.contains(a))
        let path = try desk.ticketPath(a)
        try desk.commitFile(path, bytes: Array(try desk.read(path).replacingOccurrences(of: "申请退款", with: "申请退款（手改）").utf8))
        #expect(try desk.gitdesk(["list"], now: Self.now, env: trace).stderr.contains("query cache caught up, 1 files read"))
        try Self.expectSameAnswer(desk, ["--format", "json"], step: "after a write and a hand edit")
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: desk.path(Self.cacheFile)))
        let damaged = try desk.gitdesk(["list", "--format", "json"], now: Self.now, env: trace)
        #expect(damaged.status == 0 && damaged.stderr.contains("query cache rebuilt, 2 files read"), "\(damaged)")
        #expect(try desk.jsonArray(["list", "--format", "json"]).count == 2)
    }

    @Test("a cache that cannot be opened at all (a directory in its place) still answers, from the files")
    func unusableCache() throws {
        let desk = try TestDesk(language: "zh")
        _ = try desk.record(title: "申请退款", now: "2024-05-01T10:00:00+08:00")
        // The clock pinned: the listing's deadline marks depend on the moment it is asked.
        let now = "2024-05-01T12:00:00+08:00"
        let expected = try desk.succeed(["list", "--format", "json"], env: ["GITDESK_NO_CACHE": "1", "GITDESK_NOW": now])
        try? FileManager.default.removeItem(atPath: desk.path(Self.cacheFile))
        try FileManager.default.createDirectory(atPath: desk.path(Self.cacheFile), withIntermediateDirectories: true)
        #expect(try desk.succeed(["list", "--format", "json"], env: ["GITDESK_NOW": now]) == expected)
        #expect(try desk.jsonArray(["list", "--format", "json"]).count == 1)
    }

    @Test("statuses by key or label, several at once; an unknown value or handle names the valid ones")
    func filterValues() throws {
        let desk = try TestDesk(language: "zh")
        let a = try desk.record(title: "申请退款", type: "complaint", now: "2024-05-01T10:00:00+08:00")
        let b = try desk.record(title: "APP闪退", type: "consult", now: "2024-05-02T10:00:00+08:00")
        func ids(_ args: [String]) throws -> [String] {
            try desk.jsonArray(["list", "--format", "json"] + args).map { $0["id"] as? String ?? "?" }
        }
        #expect(try ids(["--type", "投诉"]) == [a])
        #expect(try ids(["--type", "complaint,consult"]) == [b, a])
        #expect(try ids(["--type", "投诉", "--type", "consult", "--sort", "created:asc"]) == [a, b])
        #expect(try ids(["--limit", "1"]) == [b])
        #expect(try ids(["--created-from", "2024-05-02 00:00"]) == [b])
        #expect(try ids(["--created-before", "2024-05-02 00:00"]) == [a])
        // A Chinese desk lists the statuses by their labels.
        try desk.expectRefusal(["list", "--status", "new,sleeping"], mentioning: ["sleeping", "新建", "已关闭"])
        try desk.expectRefusal(["list", "--assignee", "nobody"], mentioning: ["nobody", "liu", "zhang"])
        try desk.expectRefusal(["list", "--sort", "colour"], mentioning: ["colour", "priority"])
    }
}
