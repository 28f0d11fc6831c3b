import Foundation
import Testing
import TestSupport

/// `gitdesk search`: Chinese words of one, two and more characters, mixed
/// Chinese and English, filters, and the same answer with and without the cache.
@Suite("search")
struct SearchCommandTests {
    struct Fixture {
        let desk: TestDesk
        let refund, iosCrash, returns, style, appCrash: String

        init() throws {
            desk = try TestDesk()
            refund = try desk.record(title: "申请退款", type: "complaint", now: "2024-05-01T10:00:00+08:00")
            iosCrash = try desk.record(title: "iOS 17 登录后闪退", type: "fault", now: "2024-05-02T10:00:00+08:00")
            returns = try desk.record(title: "退货流程咨询", type: "consult", now: "2024-05-03T10:00:00+08:00")
            style = try desk.record(title: "款式咨询", type: "consult", now: "2024-05-04T10:00:00+08:00",
                                    extra: ["--description", "询问新款颜色"])
            appCrash = try desk.record(title: "打开页面卡顿", type: "fault", now: "2024-05-05T10:00:00+08:00",
                                       extra: ["--description", "用户反馈APP闪退后数据丢失"])
            // 退款 only in the processing log.
            try desk.succeed(["comment", style, "用户改为要求退款"], as: "li", now: "2024-05-06T10:00:00+08:00")
        }

        /// The IDs found, as a set; the cache's answer must equal a full re-parse.
        func found(_ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> Set<String> {
            let now = "2024-05-20T10:00:00+08:00"  // the SLA part of the JSON depends on it
            let cached = try desk.succeed(["search"] + args + ["--format", "json"], now: now, sourceLocation: sourceLocation)
            let parsed = try desk.succeed(["search"] + args + ["--format", "json"], now: now, env: ["GITDESK_NO_CACHE": "1"],
                                          sourceLocation: sourceLocation)
            #expect(cached == parsed, "search \(args)", sourceLocation: sourceLocation)
            let array = try #require(try JSONSerialization.jsonObject(with: Data(cached.utf8)) as? [[String: Any]],
                                     sourceLocation: sourceLocation)
            return Set(array.map { $0["id"] as? String ?? "?" })
        }
    }

    @Test("two-character Chinese words: exact result sets, from title, description and log")
    func twoCharacterWords() throws {
        let f = try Fixture()
        #expect(try f.found(["退款"]) == [f.refund, f.style])
        #expect(try f.found(["闪退"]) == [f.iosCrash, f.appCrash])
        #expect(try f.found(["咨询"]) == [f.returns, f.style])
        #expect(try f.found(["退货"]) == [f.returns])
        #expect(try f.found(["没有"]).isEmpty)
    }

    @Test("one character, three or more, mixed Chinese and English, any case, several words")
    func otherLengths() throws {
        let f = try Fixture()
        #expect(try f.found(["退"]) == [f.refund, f.iosCrash, f.returns, f.style, f.appCrash])
        #expect(try f.found(["APP闪退"]) == [f.appCrash])
        #expect(try f.found(["app闪退"]) == [f.appCrash])
        #expect(try f.found(["iOS 17"]) == [f.iosCrash])
        #expect(try f.found(["ios", "17"]) == [f.iosCrash])
        #expect(try f.found(["17"]) == [f.iosCrash])
        #expect(try f.found(["登录后闪退"]) == [f.iosCrash])
        #expect(try f.found(["闪退", "数据"]) == [f.appCrash])
    }

    @Test("filters narrow the result; the title match ranks first; the snippet shows the match")
    func filtersAndRank() throws {
        let f = try Fixture()
        #expect(try f.found(["退款", "--type", "咨询"]) == [f.style])
        #expect(try f.found(["闪退", "--type", "fault", "--limit", "1"]).count == 1)
        let hits = try f.desk.jsonArray(["search", "退款", "--format", "json"])
        #expect(hits.first?["id"] as? String == f.refund)
        #expect(hits.last?["snippet"] as? String == "用户改为要求【退款】")
        let table = try f.desk.succeed(["search", "APP闪退"])
        #expect(table.contains(f.appCrash) && table.contains("【APP闪退】"), "\(table)")
        try f.desk.expectRefusal(["search", "退款", "--type", "nonsense"], mentioning: ["nonsense", "complaint"])
    }
}
