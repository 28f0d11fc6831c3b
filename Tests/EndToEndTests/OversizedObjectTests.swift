import Foundation
import Testing
import TestSupport

/// A huge file committed by hand (or pushed) is refused from its object
/// header, unread, with one line naming the object and the limit; a huge
/// working file is refused without being read.
@Suite("Oversized objects")
struct OversizedObjectTests {
    /// A 20 MiB ticket file committed past the hooks, loose or packed.
    @Test("show, comment and validate name the object and the 16 MiB limit; list warns and lists the rest",
          arguments: [false, true])
    func hugeBlob(packed: Bool) throws {
        let desk = try TestDesk()
        let huge = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        let good = try desk.record(title: "询问会员积分兑换", type: "consult", now: "2024-05-01T15:20:00+08:00")
        let path = try desk.ticketPath(huge)
        let text = try desk.read(path)
        let line = String(repeating: "客户反馈支付成功但订单未生成，", count: 64) + "\n"
        try desk.commitFile(path, bytes: Array((text + "\n## notes\n\n" + String(repeating: line, count: 20 << 20 / line.utf8.count + 1)).utf8))
        let blob = try desk.gitOutput(["rev-parse", "HEAD:\(path)"])
        if packed { #expect(try desk.git(["repack", "-adq"]).status == 0) }
        for (args, handle) in [(["show", huge], nil), (["comment", huge, "客户再次来电"], "li")] as [([String], String?)] {
            expectOneLineRefusal(try desk.gitdesk(args, as: handle), mentioning: [blob, "16 MiB"])
        }
        let validate = try desk.gitdesk(["validate", "--all"])
        #expect(validate.status == 1 && (validate.stdout + validate.stderr).contains(blob), "\(validate)")
        let list = try desk.gitdesk(["list", "--format", "csv"])
        #expect(list.status == 0 && list.stdout.contains(good) && !list.stdout.contains(huge), "\(list)")
        #expect(list.stderr.contains(blob) && list.stderr.contains("16 MiB"), "\(list)")
        try desk.succeed(["comment", good, "已回复"], as: "li")
    }

    @Test("a 2 GB working file (sparse) is refused as an uncommitted change without being read")
    func hugeWorkingFile() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        let path = try desk.ticketPath(id)
        #expect(truncate(desk.path(path), 2 << 30) == 0)
        let result = try desk.sandbox.run("/usr/bin/timeout", ["60", GitdeskBinary.path, "comment", id, "再次来电", "--as", "li"],
                                          in: desk.dir, env: ["GITDESK_NOW": "2024-05-01T15:00:00+08:00"])
        expectOneLineRefusal(result, mentioning: [path, "uncommitted"])
        try FileManager.default.removeItem(atPath: desk.path(path))
        #expect(try desk.git(["checkout", "--", path]).status == 0)
    }
}
