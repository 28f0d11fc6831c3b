import Foundation
import Testing
import TestSupport

/// gitdesk commits one ticket and leaves everything else the person is doing
/// in the clone exactly as it was: `git status` stays clean, staged and
/// unstaged work elsewhere is never swept into a ticket commit.
@Suite("The working copy around a gitdesk commit")
struct WorkingCopyTests {
    @Test("git status is clean after every command")
    func statusCleanAfterEachCommand() throws {
        let desk = try TestDesk()
        #expect(try desk.porcelain == "")
        let id = try desk.record(title: "支付成功但订单未生成")
        #expect(try desk.porcelain == "")
        try desk.succeed(["set", id, "priority=urgent", "module=APP-支付"], as: "wang")
        #expect(try desk.porcelain == "")
        try desk.succeed(["comment", id, "技术排查发现支付回调接口超时"], as: "zhang")
        #expect(try desk.porcelain == "")
        for read in [["show", id], ["show", id, "--json"], ["list"], ["list", "--format", "csv"], ["history", id]] {
            try desk.succeed(read)
            #expect(try desk.porcelain == "", "after \(read)")
        }
        // The working file is byte for byte the committed one.
        let path = try desk.ticketPath(id)
        #expect(try desk.read(path) == desk.gitOutput(["show", "HEAD:\(path)"]) + "\n")
    }

    @Test("a file the person staged stays staged and is not part of gitdesk's commit")
    func stagedWorkIsLeftAlone() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成")
        try desk.sandbox.write("desk/templates/支付回调超时.md", "# 支付回调超时\n\n检查回调日志。\n")
        try desk.gitOutput(["add", "templates/支付回调超时.md"])
        let stagedBefore = try desk.gitOutput(["diff", "--cached", "--name-only"])

        try desk.succeed(["comment", id, "技术排查发现支付回调接口超时"], as: "zhang")
        let second = try desk.record(title: "询问会员积分兑换", type: "consult")

        let committed = try desk.gitOutput(["log", "-2", "--format=", "--name-only"])
        #expect(!committed.contains("templates/"), "gitdesk committed the staged template: \(committed)")
        #expect(try desk.gitOutput(["diff", "--cached", "--name-only"]) == stagedBefore)
        #expect(try desk.git(["-c", "core.quotepath=false", "status", "--porcelain"]).stdout == "A  templates/支付回调超时.md\n")
        #expect(try desk.read("templates/支付回调超时.md") == "# 支付回调超时\n\n检查回调日志。\n")
        #expect(try desk.gitOutput(["show", "--format=", "--name-only", "HEAD"]) == (try desk.ticketPath(second)))
    }

    @Test("an unstaged edit stays in the working tree, untouched and unstaged")
    func unstagedWorkIsLeftAlone() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成")
        let edited = try desk.read("templates/README.md") + "\n草稿: 支付问题的标准答复\n"
        try desk.sandbox.write("desk/templates/README.md", edited)
        try desk.sandbox.write("desk/scratch.txt", "untracked notes\n")

        try desk.succeed(["set", id, "priority=high"], as: "wang")
        try desk.succeed(["comment", id, "已联系客户"], as: "li")
        _ = try desk.record(title: "建议增加消息免打扰时间段", type: "suggestion")

        #expect(try desk.read("templates/README.md") == edited)
        #expect(try desk.read("scratch.txt") == "untracked notes\n")
        #expect(try desk.porcelain == " M templates/README.md\n?? scratch.txt\n")
        #expect(try desk.gitOutput(["log", "-3", "--format=", "--name-only"]).split(separator: "\n").allSatisfy { $0.hasPrefix("tickets/") })
    }

    @Test("uncommitted hand edits to the ticket itself are not overwritten")
    func handEditedTicketIsProtected() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成")
        let path = try desk.ticketPath(id)
        let edited = try desk.read(path).replacingOccurrences(of: "priority: medium", with: "priority: low")
        try desk.sandbox.write("desk/\(path)", edited)
        try desk.expectRefusal(["comment", id, "覆盖?"], as: "zhang", mentioning: [path])
        #expect(try desk.read(path) == edited)
    }
}
