import Foundation
import Testing
import TestSupport

/// Every option that takes a value of an enum (statuses, types, channels,
/// priorities, departments, ratings) takes its key, its Chinese label and its
/// English label, on every command: `contact --channel 电话`, `reopen
/// --priority 高`, `confirm --rating 非常满意` were refused.
@Suite struct EnumOptionLabelTests {
    /// The three ways to type one value: key, zh label, en label.
    struct Value { let key: String, zh: String, en: String; var forms: [String] { [key, zh, en] } }
    static let type = Value(key: "fault", zh: "故障报修", en: "Fault report")
    static let subtype = Value(key: "software", zh: "软件故障", en: "Software fault")
    static let channel = Value(key: "online_chat", zh: "在线客服", en: "Online chat")
    static let priority = Value(key: "high", zh: "高", en: "High")
    static let department = Value(key: "tech_support", zh: "技术支持", en: "Tech support")
    static let status = Value(key: "in_progress", zh: "处理中", en: "In progress")

    static let now = "2024-05-06T10:00:00+08:00"

    @Test func everyEnumOptionTakesKeyAndBothLabels() throws {
        let d = try TestDesk()
        func ok(_ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            try d.succeed(args, as: "admin", now: Self.now, sourceLocation: sourceLocation)
        }
        func field(_ id: String, _ key: String) throws -> String? { try d.showJSON(id)[key] as? String }

        // new --type --subtype --channel --priority
        var ids: [String] = []
        for i in 0..<3 {
            let id = try ok(["new", "--title", "App crashes \(i)", "--type", Self.type.forms[i], "--subtype", Self.subtype.forms[i],
                             "--channel", Self.channel.forms[i], "--priority", Self.priority.forms[i]])
                .trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(try field(id, "type") == "fault" && field(id, "subtype") == "software", "new, form \(i)")
            #expect(try field(id, "channel") == "online_chat" && field(id, "priority") == "high", "new, form \(i)")
            ids.append(id)
        }
        for (i, id) in ids.enumerated() {
            // move STATUS, assign --department, contact --channel
            try ok(["move", id, Self.status.forms[i]])
            #expect(try field(id, "status") == "in_progress", "move, form \(i)")
            try ok(["assign", id, "liu", "--department", Self.department.forms[i]])
            #expect(try field(id, "department") == "tech_support", "assign --department, form \(i)")
            try ok(["contact", id, "--channel", ["phone", "电话", "Phone"][i], "--summary", "called back"])
            let contacts = try #require(d.showJSON(id)["contacts"] as? [[String: Any]], "contacts of \(id)")
            #expect(contacts.last?["channel"] as? String == "phone", "contact --channel, form \(i): \(contacts)")
            // reopen --priority (from awaiting_confirmation)
            try ok(["resolve", id, "--solution", "fixed", "--root-cause", "a bug"])
            try ok(["reopen", id, "--reason", "still crashes", "--priority", ["low", "低", "Low"][i]])
            #expect(try field(id, "priority") == "low", "reopen --priority, form \(i)")
            // confirm --rating: a number, a Chinese word, an English word
            try ok(["resolve", id, "--solution", "fixed again"])
            try ok(["confirm", id, "--rating", ["5", "非常满意", "very satisfied"][i]])
            let rating = try d.showJSON(id)["satisfaction"]
            #expect(rating.map { "\($0)" } == "5", "confirm --rating, form \(i): \(String(describing: rating))")
        }
        // list (and search, which shares its filters): every enum filter in every form.
        let filters: [(option: String, value: Value)] = [
            ("--type", Self.type), ("--subtype", Self.subtype), ("--channel", Self.channel),
            ("--department", Self.department), ("--status", Value(key: "resolved", zh: "已解决", en: "Resolved")),
            ("--priority", Value(key: "low", zh: "低", en: "Low")), ("--rating", Value(key: "5", zh: "满意", en: "5")),
        ]
        for (option, value) in filters {
            for form in value.forms {
                let listed = try d.jsonArray(["list", "--format", "json", option, form]).compactMap { $0["id"] as? String }
                #expect(listed.sorted() == ids.sorted(), "list \(option) \(form): \(listed)")
            }
        }
        // A value that is none of them is refused with the choices.
        let bad = try d.expectRefusal(["contact", ids[0], "--channel", "pigeon", "--summary", "x"], as: "admin")
        #expect(bad.stderr.contains("phone, online_chat"), "\(bad.stderr)")
    }

    /// `set` reads a date-time typed the documented ways, in the desk's zone.
    @Test func setTakesDocumentedDateTimes() throws {
        let d = try TestDesk()
        let id = try d.record(title: "Refund", now: Self.now)
        try d.succeed(["set", id, "expected_by=2026-12-01 12:00"], as: "li", now: Self.now)
        #expect(try d.showJSON(id)["expected_by"] as? String == "2026-12-01T12:00:00+08:00")
        try d.succeed(["set", id, "期望解决时间=2026-12-02T09:30:00+08:00"], as: "li", now: Self.now)
        #expect(try d.showJSON(id)["expected_by"] as? String == "2026-12-02T09:30:00+08:00")
        let bad = try d.expectRefusal(["set", id, "expected_by=next week"], as: "li")
        #expect(bad.stderr.contains("'next week' is not a date-time"), "\(bad.stderr)")
    }
}
