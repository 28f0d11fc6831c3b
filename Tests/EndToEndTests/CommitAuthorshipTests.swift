import Foundation
import Testing
import TestSupport

/// Every change is one commit authored by the person who made it, with a
/// message a reviewer can read: `<ID>: <what changed>` plus trailers.
@Suite("Who made each commit, and what it says")
struct CommitAuthorshipTests {
    /// `git log -1 --format=%an%x09%ae`.
    func lastAuthor(_ desk: TestDesk) throws -> String { try desk.gitOutput(["log", "-1", "--format=%an%x09%ae"]) }

    @Test("--as names the author")
    func authorFromFlag() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", as: "li")
        #expect(try lastAuthor(desk) == "客服小李\tli@desk.example")
        try desk.succeed(["comment", id, "接口已修复,订单已同步"], as: "zhang")
        #expect(try lastAuthor(desk) == "技术小张\tzhang@desk.example")
        #expect(try desk.gitOutput(["log", "-1", "--format=%cn%x09%ce"]) == "技术小张\tzhang@desk.example")
    }

    @Test("GITDESK_OPERATOR names the author when --as is absent, and --as wins over it")
    func authorFromEnvironment() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "询问会员积分兑换", as: "li")
        try desk.succeed(["comment", id, "已回复会员规则"], env: ["GITDESK_OPERATOR": "chen"])
        #expect(try lastAuthor(desk) == "售后小陈\tchen@desk.example")
        try desk.succeed(["comment", id, "主管复核"], as: "wang", env: ["GITDESK_OPERATOR": "chen"])
        #expect(try lastAuthor(desk) == "主管老王\twang@desk.example")
    }

    @Test("git config user.email is mapped through team.yaml to the roster's name")
    func authorFromGitConfig() throws {
        let desk = try TestDesk()
        try desk.gitOutput(["config", "user.email", "zhao@desk.example"])
        try desk.gitOutput(["config", "user.name", "Somebody Else"])
        let id = try desk.record(title: "月度复盘样例", as: "zhao")
        try desk.succeed(["comment", id, "已归入周复盘"])  // no --as, no GITDESK_OPERATOR
        #expect(try lastAuthor(desk) == "运营小赵\tzhao@desk.example")
        let log = try #require(try desk.showJSON(id)["log"] as? [[String: Any]])
        #expect(log.last?["operator"] as? String == "zhao")

        // The global config (HOME is the sandbox) works the same way.
        try desk.gitOutput(["config", "--unset", "user.email"])
        try desk.gitOutput(["config", "--unset", "user.name"])
        let global = try desk.sandbox.git(["config", "--global", "user.email", "WANG@desk.example"])
        try #require(global.status == 0, "\(global)")
        try desk.succeed(["comment", id, "主管已阅"])
        #expect(try lastAuthor(desk) == "主管老王\twang@desk.example")
    }

    @Test("no operator at all, or one not on the roster, is refused")
    func unknownOperators() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成")
        try desk.expectRefusal(["comment", id, "无名氏"], mentioning: ["--as"])
        try desk.expectRefusal(["comment", id, "冒名"], as: "nobody", mentioning: ["nobody"])
        try desk.expectRefusal(["comment", id, "冒名"], env: ["GITDESK_OPERATOR": "nobody"], mentioning: ["nobody"])
        try desk.gitOutput(["config", "user.email", "stranger@example.com"])
        let stranger = try desk.expectRefusal(["comment", id, "陌生人"], mentioning: ["@example.com", "not on the roster"])
        #expect(!stranger.stderr.contains("stranger@example.com"), "an e-mail printed raw: \(stranger)")
        // An e-mail git knows decides: a user.name that matches someone on the roster is not used instead.
        try desk.gitOutput(["config", "user.name", "客服小李"])
        try desk.expectRefusal(["comment", id, "冒名"], mentioning: ["not on the roster"])
        try desk.expectRefusal(["new", "--type", "consult", "--channel", "web", "--title", "冒名登记"], as: "nobody",
                               mentioning: ["nobody"])
    }

    /// Issue 10 (review): a typo in GITDESK_OPERATOR or --as was answered with
    /// "set git config user.email", which cannot help while the typo decides.
    @Test("a handle from GITDESK_OPERATOR or --as that is not on the roster names its source, not git config")
    func unknownOperatorNamesItsSource() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", as: "li")
        let variable = try desk.expectRefusal(["comment", id, "冒名"], env: ["GITDESK_OPERATOR": "zhnag"],
                                              mentioning: ["zhnag", "GITDESK_OPERATOR"])
        #expect(!variable.stderr.contains("user.email"), "\(variable)")
        let flag = try desk.expectRefusal(["comment", id, "冒名"], as: "zhnag", mentioning: ["zhnag", "--as"])
        #expect(!flag.stderr.contains("user.email") && !flag.stderr.contains("GITDESK_OPERATOR"), "\(flag)")
        // The git config case keeps its advice.
        try desk.gitOutput(["config", "user.email", "stranger@example.com"])
        try desk.expectRefusal(["comment", id, "陌生人"], mentioning: ["user.email"])
    }

    @Test("the message is '<ID>: <what changed>' with Ticket and Operation trailers")
    func messageAndTrailers() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", as: "li")
        func check(_ verb: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let message = try desk.gitOutput(["log", "-1", "--format=%B"])
            let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.first?.hasPrefix("\(id): ") == true, "subject: \(message)", sourceLocation: sourceLocation)
            #expect((lines.first?.count ?? 0) > id.count + 2, "empty summary: \(message)", sourceLocation: sourceLocation)
            #expect(lines.count >= 2 && lines[1].isEmpty, "no blank line after the subject: \(message)", sourceLocation: sourceLocation)
            #expect(lines.suffix(2) == ["Ticket: \(id)", "Operation: \(verb)"], "trailers: \(message)", sourceLocation: sourceLocation)
            // git itself reads them as trailers.
            let trailers = try desk.gitOutput(["log", "-1", "--format=%(trailers:only,unfold)"])
            #expect(trailers == "Ticket: \(id)\nOperation: \(verb)", sourceLocation: sourceLocation)
        }
        try check("new")
        #expect(try desk.gitOutput(["log", "-1", "--format=%s"]).contains("支付成功但订单未生成"))
        try desk.succeed(["set", id, "priority=high"], as: "wang")
        try check("set")
        #expect(try desk.gitOutput(["log", "-1", "--format=%s"]).contains("priority=high"))
        try desk.succeed(["comment", id, "技术排查发现支付回调接口超时"], as: "zhang")
        try check("comment")
        #expect(try desk.gitOutput(["log", "-1", "--format=%s"]).contains("技术排查发现支付回调接口超时"))
    }

    @Test("each command commits exactly the one ticket file it changed")
    func oneFilePerCommit() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        #expect(try desk.gitOutput(["show", "--format=", "--name-status", "HEAD"]) == "A\ttickets/2024/05/\(id).md")
        try desk.succeed(["set", id, "module=APP-订单支付"], as: "li")
        #expect(try desk.gitOutput(["show", "--format=", "--name-status", "HEAD"]) == "M\ttickets/2024/05/\(id).md")
        #expect(try desk.gitOutput(["rev-list", "--parents", "-1", "HEAD"]).split(separator: " ").count == 2)
    }
}
