import Foundation
import Testing
import TestSupport

/// Bad input from the person at the desk: refused with exit 1 and one line
/// on stderr, or exit 64 for a malformed command line, and nothing written.
@Suite("Refusing bad input")
struct RefusedInputTests {
    @Test("set refuses a field the schema does not have")
    func unknownField() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成")
        try desk.expectRefusal(["set", id, "colour=red"], as: "wang", mentioning: ["colour"])
        // One bad pair spoils the whole change: the good one is not written either.
        try desk.expectRefusal(["set", id, "priority=high", "colour=red"], as: "wang", mentioning: ["colour"])
        #expect(try desk.showJSON(id)["priority"] as? String == "medium")
    }

    @Test("set refuses fields gitdesk maintains itself")
    func systemField() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成")
        try desk.expectRefusal(["set", id, "status=closed"], as: "wang", mentioning: ["status"])
        try desk.expectRefusal(["set", id, "id=CS-1"], as: "wang", mentioning: ["id"])
    }

    @Test("values outside their enum are refused, in new and in set")
    func valueOutsideEnum() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成")
        try desk.expectRefusal(["set", id, "priority=extreme"], as: "wang", mentioning: ["extreme"])
        try desk.expectRefusal(["set", id, "type=rant"], as: "wang", mentioning: ["rant"])
        try desk.expectRefusal(["assign", id, "nobody"], as: "wang", mentioning: ["nobody"])
        try desk.expectRefusal(["new", "--type", "rant", "--channel", "phone", "--title", "t"], as: "li", mentioning: ["rant"])
        try desk.expectRefusal(["new", "--type", "consult", "--channel", "pigeon", "--title", "t"], as: "li", mentioning: ["pigeon"])
        try desk.expectRefusal(["new", "--type", "consult", "--channel", "web", "--title", "t", "--priority", "extreme"],
                               as: "li", mentioning: ["extreme"])
    }

    @Test("an empty title is refused, in new and in set")
    func emptyTitle() throws {
        let desk = try TestDesk()
        try desk.expectRefusal(["new", "--type", "consult", "--channel", "web", "--title", ""], as: "li", mentioning: ["title"])
        try desk.expectRefusal(["new", "--type", "consult", "--channel", "web", "--title", "   "], as: "li", mentioning: ["title"])
        let id = try desk.record(title: "询问会员积分兑换", type: "consult")
        try desk.expectRefusal(["set", id, "title="], as: "li", mentioning: ["title"])
        try desk.expectRefusal(["comment", id, "  "], as: "li", mentioning: ["empty"])
    }

    @Test("a set that changes nothing writes nothing")
    func nothingToChange() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "询问会员积分兑换", priority: "medium")
        try desk.expectRefusal(["set", id, "priority=medium"], as: "wang", mentioning: ["nothing to change"])
    }

    @Test("a malformed command line is a usage error (exit 64) and writes nothing")
    func usageErrors() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成")
        let head = try desk.head
        for args in [["set", id], ["set", id, "priority=high", "--bogus"], ["set", id, "priority"],
                     ["new", "--type", "consult", "--channel", "web"], ["comment", id], ["frobnicate"],
                     ["list", "--format", "xml"]] {
            let result = try desk.gitdesk(args, as: "wang")
            #expect(result.status == 64, "\(args): \(result)")
            #expect(!result.stderr.isEmpty && result.stdout.isEmpty, "\(args): \(result)")
        }
        #expect(try desk.head == head)
        #expect(try desk.porcelain == "")
    }
}
