import Foundation
import Testing
import TestSupport

/// An ID may be typed in full or as a unique prefix of it or of its random
/// suffix, like a short commit hash; an ambiguous prefix lists the candidates.
@Suite("Naming a ticket by a unique prefix")
struct ShortIDTests {
    /// A ticket recorded with gitdesk and a sibling crafted by hand (and
    /// committed with plain git) whose suffix starts with the same character
    /// and differs from the second on, so two characters tell them apart.
    struct Fixture {
        let desk: TestDesk
        let recorded: String
        let sibling: String

        init() throws {
            desk = try TestDesk()
            recorded = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
            let suffix = recorded.split(separator: "-").last!
            let first = suffix.first!
            let second = suffix.dropFirst().first!
            let other: Character = second == "Z" ? "Y" : "Z"
            sibling = "CS-20240501-\(first)\(String(repeating: other, count: 5))"
            let path = try desk.ticketPath(recorded)
            let text = try desk.read(path)
                .replacingOccurrences(of: recorded, with: sibling)
                .replacingOccurrences(of: "支付成功但订单未生成", with: "重复扣款")
            try desk.commitFile("tickets/2024/05/\(sibling).md", bytes: Array(text.utf8), message: "hand-made ticket")
        }

        func shownID(_ query: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String? {
            try desk.showJSON(query, sourceLocation: sourceLocation)["id"] as? String
        }
    }

    /// The shortest prefix of `suffix` (at least two characters) that is not
    /// also a prefix of every ID: a suffix starting "CS" makes "CS" ambiguous
    /// (it names every ticket of the desk), and rightly so.
    static func shortPrefix(of suffix: String) -> String {
        let two = String(suffix.prefix(2))
        return "CS-".hasPrefix(two) ? String(suffix.prefix(3)) : two
    }

    @Test("the whole ID, a prefix of the suffix, and a prefix of the whole ID all work")
    func uniquePrefixes() throws {
        let f = try Fixture()
        let suffix = String(f.recorded.split(separator: "-").last!)
        #expect(try f.shownID(f.recorded) == f.recorded)
        #expect(try f.shownID(Self.shortPrefix(of: suffix)) == f.recorded)
        #expect(try f.shownID(suffix) == f.recorded)
        #expect(try f.shownID(String(f.recorded.dropLast(4))) == f.recorded)
        #expect(try f.shownID(f.sibling) == f.sibling)
        #expect(try f.shownID(String(f.sibling.dropLast(3))) == f.sibling)
        #expect(try f.shownID(Self.shortPrefix(of: String(f.sibling.split(separator: "-").last!))) == f.sibling)
    }

    @Test("a unique prefix works for writing commands too, and the commit names the whole ID")
    func prefixesForWrites() throws {
        let f = try Fixture()
        let short = String(f.recorded.split(separator: "-").last!.prefix(3))
        let out = try f.desk.succeed(["comment", short, "技术排查发现支付回调接口超时"], as: "zhang")
        #expect(out.contains(f.recorded))
        #expect(try f.desk.gitOutput(["log", "-1", "--format=%s"]).hasPrefix("\(f.recorded): "))
        try f.desk.succeed(["set", short, "priority=urgent"], as: "wang")
        #expect(try f.desk.showJSON(f.recorded)["priority"] as? String == "urgent")
        #expect(try f.desk.jsonArray(["history", short, "--json"]).count == 3)
    }

    @Test("an ambiguous prefix is refused, naming every candidate")
    func ambiguousPrefix() throws {
        let f = try Fixture()
        let firstChar = String(f.recorded.split(separator: "-").last!.prefix(1))
        for query in [firstChar, "CS-20240501-", "CS-2024"] {
            try f.desk.expectRefusal(["show", query], mentioning: ["ambiguous", f.recorded, f.sibling])
        }
        try f.desk.expectRefusal(["comment", firstChar, "写到哪张?"], as: "zhang", mentioning: ["ambiguous", f.recorded, f.sibling])
        try f.desk.expectRefusal(["set", firstChar, "priority=low"], as: "wang", mentioning: ["ambiguous", f.recorded, f.sibling])
        try f.desk.expectRefusal(["history", firstChar], mentioning: ["ambiguous"])
    }

    @Test("an ID that matches nothing is refused")
    func unknownID() throws {
        let f = try Fixture()
        for args in [["show", "CS-20991231-NOPE00"], ["show", "OOOO"], ["history", "OOOO"],
                     ["comment", "OOOO", "text", "--as", "li"], ["set", "OOOO", "priority=low", "--as", "li"]] {
            try f.desk.expectRefusal(args, mentioning: ["no ticket matches"])
        }
    }
}

/// Imported legacy IDs that are also prefixes of other tickets' IDs or short IDs.
@Suite("Legacy IDs that shadow a prefix")
struct LegacyPrefixTests {
    @Test("the exact ID wins over a longer ID it prefixes; an ambiguous prefix lists the candidates")
    func exactLegacyIDWins() throws {
        let desk = try TestDesk(language: "en")
        let table = """
            问题编号,提交时间,问题类型,渠道,标题,优先级,处理状态
            CS2024050100,2024-05-01 09:00,投诉,电话,短编号,中,新建
            CS20240501001,2024-05-01 10:00,投诉,电话,长编号,中,新建
            ABCD,2024-05-02 09:00,咨询,电话,四字编号,中,新建
            CS-20240502-ABCD23,2024-05-02 10:00,咨询,电话,生成式编号,中,新建

            """
        let file = desk.sandbox.path("legacy.csv")
        try Data(table.utf8).write(to: URL(fileURLWithPath: file))
        try desk.succeed(["import", file], as: "admin", now: "2024-06-01T10:00:00+08:00")
        func shown(_ query: String) throws -> String? { try desk.showJSON(query)["title"] as? String }
        #expect(try shown("CS2024050100") == "短编号")
        #expect(try shown("cs2024050100") == "短编号")
        #expect(try shown("CS20240501001") == "长编号")
        #expect(try shown("ABCD") == "四字编号")
        #expect(try shown("ABCD2") == "生成式编号")
        // A write through the shadowing ID touches the exact ticket only.
        try desk.succeed(["comment", "CS2024050100", "回电确认"], as: "li", now: "2024-06-01T11:00:00+08:00")
        #expect(try desk.gitOutput(["log", "-1", "--format=%s"]).hasPrefix("CS2024050100:"))
        let ambiguous = try desk.expectRefusal(["show", "CS202405010"], mentioning: ["CS2024050100", "CS20240501001"])
        #expect(ambiguous.stderr.contains("ambiguous"))
        try desk.expectRefusal(["show", "ABC"], mentioning: ["ABCD", "CS-20240502-ABCD23"])
    }
}
