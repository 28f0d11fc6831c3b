import Foundation
import Testing
import TestSupport

/// A runaway script (or an attacker) feeds gitdesk huge values: each limit
/// refuses with a one-line reason and writes nothing; a ticket file over the
/// size limit committed by hand is named, not read.
@Suite("Input limits")
struct InputLimitTests {
    @Test("over-long title, comment and description are refused with the limit")
    func longValues() throws {
        let desk = try TestDesk()
        try desk.expectRefusal(["new", "--type", "complaint", "--channel", "phone", "--title", String(repeating: "长", count: 1_001)],
                               as: "li", mentioning: ["title is 1001 characters long; at most 1000"])
        let id = try desk.record(title: "正常标题", now: "2024-05-01T14:30:00+08:00")
        try desk.expectRefusal(["comment", id, String(repeating: "话", count: 10_001)], as: "li",
                               mentioning: ["is 10001 characters long; at most 10000"])
        try desk.expectRefusal(["set", id, "description=" + String(repeating: "x", count: 100_001)  /* ASCII: one argument holds at most 128 KiB */], as: "wang",
                               mentioning: ["description is 100001 characters long; at most 100000"])
        try desk.succeed(["comment", id, String(repeating: "话", count: 10_000)], as: "li")
    }

    @Test("a ticket file over 1 MiB committed by hand: show and validate name it; list skips it with a warning")
    func hugeFile() throws {
        let desk = try TestDesk()
        let good = try desk.record(title: "正常工单", now: "2024-05-01T14:30:00+08:00")
        let path = "tickets/2024/05/CS-20240501-HUGE01.md"
        let text = "---\nid: CS-20240501-HUGE01\ncreated: 2024-05-01T14:30:00+08:00\ntitle: 大\nstatus: new\n---\n\n## description\n\n"
            + String(repeating: "客户反馈订单异常。\n", count: 40_000)
        try desk.commitFile(path, bytes: Array(text.utf8))
        try desk.expectRefusal(["show", "CS-20240501-HUGE01"], mentioning: [path, "a ticket file holds at most 1.0 MiB"])
        let validate = try desk.gitdesk(["validate"])
        #expect(validate.status == 1 && validate.stdout.contains("\(path):1:") && validate.stdout.contains("at most 1.0 MiB"), "\(validate)")
        let list = try desk.gitdesk(["list", "--format", "csv"])
        #expect(list.status == 0 && list.stdout.contains(good) && list.stderr.contains(path), "\(list)")
    }
}
