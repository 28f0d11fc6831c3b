import Foundation
import Testing
import TestSupport

/// A complaint from the documents, worked on a fresh desk: init → new (登记)
/// → set (priority, module) → comment (处理记录) → history.
@Suite("Working a complaint from init to history")
struct WorkingAComplaintTests {
    @Test("init lays out the desk and makes one first commit")
    func initLaysOutTheDesk() throws {
        let desk = try TestDesk()
        for file in [".gitdesk/config.yaml", "team.yaml", ".gitattributes"] {
            #expect(FileManager.default.fileExists(atPath: desk.path(file)), "\(file) is missing")
        }
        let schema = try FileManager.default.contentsOfDirectory(atPath: desk.path(".gitdesk/schema"))
        for name in ["fields.yaml", "enums.yaml", "workflow.yaml", "sla.yaml", "routing.yaml", "privacy.yaml"] {
            #expect(schema.contains(name), "schema/\(name) is missing: \(schema)")
        }
        var isDir: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: desk.path("tickets"), isDirectory: &isDir) && isDir.boolValue)
        #expect(FileManager.default.fileExists(atPath: desk.path("templates"), isDirectory: &isDir) && isDir.boolValue)
        #expect(try desk.read(".gitattributes").contains("tickets/**"))
        #expect(try desk.read(".gitdesk/config.yaml").contains("CS"))

        #expect(try desk.commitCount == 1)
        let tracked = try desk.gitOutput(["ls-tree", "-r", "--name-only", "HEAD"])
        #expect(tracked.contains(".gitdesk/config.yaml") && tracked.contains("team.yaml") && tracked.contains(".gitdesk/schema/fields.yaml"))
        #expect(try desk.gitOutput(["branch", "--show-current"]) == "main")
        #expect(try desk.porcelain == "")

        // The example roster has someone in every role.
        let team = try desk.read("team.yaml")
        for role in ["agent", "handler", "supervisor", "qa", "admin"] { #expect(team.contains(role)) }
    }

    @Test("new prints a date-bearing ID and files the ticket under its creation month")
    func newPrintsTheID() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", priority: "urgent", now: "2024-05-01T14:30:00+08:00")
        #expect(id.wholeMatch(of: /CS-20240501-[0-9A-HJKMNP-TV-Z]{6}/) != nil, "bad ID \(id)")
        #expect(FileManager.default.fileExists(atPath: desk.path("tickets/2024/05/\(id).md")))
        #expect(try desk.ticketPath(id) == "tickets/2024/05/\(id).md")
        #expect(try desk.commitCount == 2)
        #expect(try desk.porcelain == "")
    }

    @Test("the ID's date is the creation day in the desk's time zone, not the caller's")
    func idDateInDeskTimeZone() throws {
        let desk = try TestDesk()  // Asia/Shanghai
        // 20:00 on 31 May in New York is 08:00 on 1 June in Shanghai.
        let id = try desk.record(title: "跨时区", now: "2024-05-31T20:00:00-04:00")
        #expect(id.hasPrefix("CS-20240601-"), "\(id)")
        #expect(try desk.ticketPath(id) == "tickets/2024/06/\(id).md")
        let shown = try desk.showJSON(id)
        #expect(shown["created"] as? String == "2024-06-01T08:00:00+08:00")
    }

    @Test("init --prefix is used for new IDs")
    func prefixIsHonoured() throws {
        let desk = try TestDesk(prefix: "CST", timezone: "UTC")
        let id = try desk.record(title: "手机无法开机,要求换新", type: "fault", now: "2024-05-20T23:30:00-02:00")
        #expect(id.wholeMatch(of: /CST-20240521-[0-9A-Z]{6}/) != nil, "\(id)")
        #expect(try desk.ticketPath(id) == "tickets/2024/05/\(id).md")
    }

    @Test("show --json has the schema's keys and the log")
    func showJSONShape() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", priority: "urgent", now: "2024-05-01T14:30:00+08:00",
                                 extra: ["--module", "APP-订单支付", "--contact", "尾号5678", "--description", "支付成功但订单未生成,导致重复下单"])
        let ticket = try desk.showJSON(id)
        for key in ["id", "created", "title", "status", "type", "channel", "priority", "module", "contact",
                    "assignee", "due", "satisfaction", "description", "log"] {
            #expect(ticket.keys.contains(key), "show --json lacks \(key): \(ticket.keys.sorted())")
        }
        #expect(ticket["id"] as? String == id)
        #expect(ticket["title"] as? String == "支付成功但订单未生成")
        #expect(ticket["status"] as? String == "new")
        #expect(ticket["type"] as? String == "complaint")
        #expect(ticket["priority"] as? String == "urgent")
        #expect(ticket["module"] as? String == "APP-订单支付")
        #expect(ticket["contact"] as? String == "尾号5678")
        // Routing: an urgent ticket takes the green channel to tech support's handler.
        #expect(ticket["assignee"] as? String == "zhang")
        #expect(ticket["department"] as? String == "tech_support")
        #expect(ticket["due"] as? String == "2024-05-01T18:30:00+08:00")
        #expect(ticket["satisfaction"] is NSNull)
        let log = try #require(ticket["log"] as? [[String: Any]])
        #expect(log.count == 1)
        #expect(log.first?["time"] as? String == "2024-05-01T14:30:00+08:00")
        #expect(log.first?["operator"] as? String == "li")
        #expect((log.first?["text"] as? String)?.isEmpty == false)
        #expect(Set(log.first?.keys.map { $0 } ?? []) == ["time", "operator", "text"])
    }

    @Test("set and comment each make one commit, and history lists them newest first by their authors")
    func setCommentHistory() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", as: "li", now: "2024-05-01T14:30:00+08:00")
        #expect(try desk.porcelain == "")

        try desk.succeed(["set", id, "priority=urgent", "module=APP-支付"], as: "wang", now: "2024-05-01T14:35:00+08:00")
        #expect(try desk.porcelain == "")
        try desk.succeed(["comment", id, "技术排查发现支付回调接口超时"], as: "zhang", now: "2024-05-01T14:45:00+08:00")
        #expect(try desk.porcelain == "")
        #expect(try desk.commitCount == 4)

        let ticket = try desk.showJSON(id)
        #expect(ticket["priority"] as? String == "urgent")
        #expect(ticket["module"] as? String == "APP-支付")
        let log = try #require(ticket["log"] as? [[String: Any]])
        #expect(log.map { $0["operator"] as? String } == ["li", "wang", "zhang"])
        #expect(log.last?["time"] as? String == "2024-05-01T14:45:00+08:00")
        #expect(log.last?["text"] as? String == "技术排查发现支付回调接口超时")

        // The file itself reads as the story: the comment is one log line.
        let file = try desk.read("tickets/2024/05/\(id).md")
        #expect(file.contains("- 2024-05-01T14:45:00+08:00 zhang: 技术排查发现支付回调接口超时\n"))
        #expect(file.contains("priority: urgent\n") && file.contains("module: APP-支付\n"))

        let history = try desk.jsonArray(["history", id, "--json"])
        #expect(history.count == 3)
        #expect(history.map { $0["author"] as? String } == ["技术小张", "主管老王", "客服小李"])
        #expect(history.map { $0["email"] as? String } == ["zhang@desk.example", "wang@desk.example", "li@desk.example"])
        #expect(history.map { $0["time"] as? String }
                == ["2024-05-01T14:45:00+08:00", "2024-05-01T14:35:00+08:00", "2024-05-01T14:30:00+08:00"])
        #expect(history.first?["commit"] as? String == (try desk.head))
        for entry in history {
            #expect(Set(entry.keys) == ["commit", "author", "email", "time", "summary"])
            #expect((entry["summary"] as? String)?.hasPrefix("\(id): ") == true)
        }
        // The plain-text history names the same people.
        let text = try desk.succeed(["history", id])
        #expect(text.contains("技术小张") && text.contains("主管老王") && text.contains("客服小李"))
    }
}
