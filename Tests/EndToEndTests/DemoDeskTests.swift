import Foundation
import Testing
import TestSupport

/// `gitdesk demo`: the example records of the process documents replayed as
/// stories, each step one commit by the person who did it.
@Suite("The demo desk")
struct DemoDeskTests {
    func json(_ result: Sandbox.Result, sourceLocation: SourceLocation = #_sourceLocation) throws -> Any {
        try #require(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    @Test("a demo desk checks hand edits like any desk: its client hooks are installed")
    func demoHasHooks() throws {
        let sandbox = try Sandbox("gitdesk-e2e")
        let made = try sandbox.gitdesk(["demo", "demo"])
        try #require(made.status == 0, "\(made)")
        #expect(made.stdout.contains("pre-commit: validates hand edits"), "\(made)")
        let file = try #require(try sandbox.git(["ls-files", "tickets"], in: "demo").stdout
            .split(separator: "\n").first { $0.hasSuffix("CS20240501003.md") })
        let text = try sandbox.read("demo/\(file)")
        try sandbox.write("demo/\(file)", text.replacingOccurrences(of: "status: in_progress", with: "status: closed"))
        let commit = try sandbox.git(["-c", "user.name=运营小赵", "-c", "user.email=zhao@desk.example", "commit", "-qam", "close by hand"], in: "demo")
        #expect(commit.status != 0, "a hand edit of a demo desk went in unchecked: \(commit)")
        #expect(commit.stderr.contains("transition"), "\(commit)")
    }

    @Test("CS20240501001 tells the documents' story: timeout found, fixed, confirmed 满意, closed and archived")
    func paymentStory() throws {
        let sandbox = try Sandbox("gitdesk-e2e")
        let made = try sandbox.gitdesk(["demo", "demo"])
        try #require(made.status == 0, "\(made)")

        let ticket = try #require(try json(sandbox.gitdesk(["show", "CS20240501001", "--json"], in: "demo")) as? [String: Any])
        #expect(ticket["title"] as? String == "支付成功但订单未生成")
        #expect(ticket["type"] as? String == "complaint")
        #expect(ticket["priority"] as? String == "urgent")
        #expect(ticket["module"] as? String == "APP-订单支付")
        #expect(ticket["assignee"] as? String == "zhang")
        #expect(ticket["status"] as? String == "closed")
        #expect(ticket["satisfaction"] as? Int == 5)
        #expect(ticket["created"] as? String == "2024-05-01T14:30:00+08:00")
        #expect(ticket["archived"] as? String == "2024-05-01T16:00:00+08:00")
        #expect(ticket["notes"] as? String == "优化接口稳定性")

        let log = try #require(ticket["log"] as? [[String: Any]])
        let lines = log.map { "\($0["time"] as? String ?? "?") \($0["operator"] as? String ?? "?"): \($0["text"] as? String ?? "?")" }
        for expected in ["2024-05-01T14:45:00+08:00 zhang: 技术排查发现支付回调接口超时",
                         "2024-05-01T15:00:00+08:00 zhang: 接口已修复,订单已同步"] {
            #expect(lines.contains(expected), "missing '\(expected)' in \(lines)")
        }
        let times = log.compactMap { $0["time"] as? String }
        #expect(times == times.sorted(), "the log is not in time order: \(lines)")
        #expect(times.first == "2024-05-01T14:30:00+08:00" && times.last == "2024-05-01T16:00:00+08:00")
        #expect(Set(log.compactMap { $0["operator"] as? String }).isSuperset(of: ["li", "zhang", "wang", "zhao"]))

        // The text view shows the same log.
        let text = try sandbox.gitdesk(["show", "CS20240501001"], in: "demo")
        #expect(text.status == 0 && text.stdout.contains("技术排查发现支付回调接口超时") && text.stdout.contains("接口已修复,订单已同步"))
    }

    @Test("history CS20240501001 lists the story's commits, newest first, by different people")
    func paymentHistory() throws {
        let sandbox = try Sandbox("gitdesk-e2e")
        try #require(try sandbox.gitdesk(["demo", "demo"]).status == 0)
        let history = try #require(try json(sandbox.gitdesk(["history", "CS20240501001", "--json"], in: "demo")) as? [[String: Any]])
        #expect(history.count >= 10, "\(history.count) commits")
        let emails = history.compactMap { $0["email"] as? String }
        #expect(Set(emails).isSuperset(of: ["li@desk.example", "zhang@desk.example", "wang@desk.example", "zhao@desk.example"]))
        let times = history.compactMap { $0["time"] as? String }
        #expect(times == times.sorted(by: >), "not newest first: \(times)")
        #expect(times.last == "2024-05-01T14:30:00+08:00")
        #expect(history.last?["author"] as? String == "客服小李")
        #expect(history.allSatisfy { ($0["summary"] as? String)?.hasPrefix("CS20240501001: ") == true })

        // git agrees about who wrote what.
        let authors = try sandbox.git(["log", "--format=%an%x09%ae", "--", "tickets/2024/05/CS20240501001.md"], in: "demo")
        #expect(authors.stdout.split(separator: "\n").map(String.init)
                == history.map { "\($0["author"] as? String ?? "")\t\($0["email"] as? String ?? "")" })

        let fsck = try sandbox.git(["fsck", "--strict"], in: "demo")
        #expect(fsck.status == 0 && !fsck.stderr.contains("error"), "\(fsck)")
        #expect(try sandbox.git(["status", "--porcelain"], in: "demo").stdout == "")
    }

    @Test("the same --seed gives the same desk")
    func reproducible() throws {
        let sandbox = try Sandbox("gitdesk-e2e")
        for dir in ["one", "two"] {
            let made = try sandbox.gitdesk(["demo", dir, "--tickets", "50", "--seed", "7"])
            try #require(made.status == 0, "\(made)")
        }
        // The SLA figures count up to "now": both listings see the same one.
        let now = ["GITDESK_NOW": "2026-11-23T10:00:00+08:00"]
        let one = try sandbox.gitdesk(["list", "--format", "json"], in: "one", env: now)
        let two = try sandbox.gitdesk(["list", "--format", "json"], in: "two", env: now)
        #expect(one.status == 0 && two.status == 0)
        #expect(one.stdout == two.stdout)
        let tickets = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [[String: Any]])
        #expect(tickets.count == 55, "5 seed records + 50 generated")
        // Same people, same times, same content: the same commits.
        #expect(try sandbox.git(["rev-parse", "HEAD"], in: "one").stdout == sandbox.git(["rev-parse", "HEAD"], in: "two").stdout)
        let fsck = try sandbox.git(["fsck", "--strict"], in: "one")
        #expect(fsck.status == 0, "\(fsck)")
    }

    @Test("demo refuses a directory that is already a desk")
    func demoOnDesk() throws {
        let desk = try TestDesk()
        let head = try desk.head
        expectOneLineRefusal(try desk.sandbox.gitdesk(["demo", "desk"]), mentioning: ["already a gitdesk desk"])
        #expect(try desk.head == head)
    }
}
