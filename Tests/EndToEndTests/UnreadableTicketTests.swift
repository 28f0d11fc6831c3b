import Foundation
import Testing
import TestSupport

/// Someone edited a ticket file by hand and committed it with plain git,
/// breaking it. gitdesk names the file and line, refuses to write over it,
/// and keeps listing the other tickets.
@Suite("Ticket files that do not parse")
struct UnreadableTicketTests {
    static let brokenID = "CS-20240501-BRK001"
    static let brokenPath = "tickets/2024/05/\(brokenID).md"

    /// A desk with one good ticket and a hand-committed broken one.
    func deskWithBrokenTicket(_ bytes: [UInt8]) throws -> (TestDesk, good: String) {
        let desk = try TestDesk()
        let good = try desk.record(title: "询问会员积分兑换", type: "consult", now: "2024-05-01T15:20:00+08:00")
        try desk.commitFile(Self.brokenPath, bytes: bytes, message: "hand edit")
        return (desk, good)
    }

    @Test("a front-matter line without 'field: value' is reported as file:line by show and set")
    func malformedFrontMatter() throws {
        let text = """
            ---
            id: \(Self.brokenID)
            created: 2024-05-01T14:30:00+08:00
            title 支付成功但订单未生成
            status: new
            ---

            """
        let (desk, good) = try deskWithBrokenTicket(Array(text.utf8))
        let where_ = "\(Self.brokenPath):4"
        try desk.expectRefusal(["show", Self.brokenID], mentioning: [where_])
        try desk.expectRefusal(["show", "BRK"], mentioning: [where_])
        try desk.expectRefusal(["set", Self.brokenID, "priority=high"], as: "wang", mentioning: [where_])
        try desk.expectRefusal(["comment", "BRK", "能写吗"], as: "zhang", mentioning: [where_])
        #expect(try desk.read(Self.brokenPath) == text)

        // The rest of the desk still works, with a warning naming the file.
        let list = try desk.gitdesk(["list", "--format", "json"])
        #expect(list.status == 0, "\(list)")
        #expect(list.stderr == "warning: \(where_): expected 'field: value' in the front matter\n", "\(list)")
        let ids = (try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(ids == [good])
        try desk.succeed(["comment", good, "已回复会员规则"], as: "li")
        #expect(try desk.porcelain == "")
    }

    @Test("a ticket file with non-UTF-8 bytes is refused, naming the file")
    func notUTF8() throws {
        var bytes = Array("---\nid: \(Self.brokenID)\ntitle: ".utf8)
        bytes += [0xD6, 0xA7, 0xB8, 0xB6, 0xFF]  // GBK 支付 and a stray byte
        bytes += Array("\nstatus: new\n---\n".utf8)
        let (desk, good) = try deskWithBrokenTicket(bytes)
        try desk.expectRefusal(["show", Self.brokenID], mentioning: [Self.brokenPath, "UTF-8"])
        try desk.expectRefusal(["set", Self.brokenID, "priority=high"], as: "wang", mentioning: [Self.brokenPath, "UTF-8"])
        try desk.expectRefusal(["comment", Self.brokenID, "乱码"], as: "zhang", mentioning: [Self.brokenPath, "UTF-8"])
        #expect(FileManager.default.contents(atPath: desk.path(Self.brokenPath)).map { [UInt8]($0) } == bytes)

        let list = try desk.gitdesk(["list"])
        #expect(list.status == 0 && list.stdout.contains(good), "\(list)")
        #expect(list.stderr.hasPrefix("warning: \(Self.brokenPath):") && list.stderr.contains("UTF-8"), "\(list)")
        #expect(list.stderr.components(separatedBy: Self.brokenPath).count == 2, "the warning repeats the path: \(list)")
    }
}
