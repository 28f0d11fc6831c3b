import Foundation
import Testing
import TestSupport

/// A ticket file whose working copy has CRLF line ends (an editor on
/// Windows) is, for git with `eol=lf`, unchanged; gitdesk writes to it too.
@Suite("CRLF working files")
struct CRLFWorkingFileTests {
    @Test func aCRLFWorkingCopyDoesNotBlockWrites() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成")
        let path = try desk.ticketPath(id)
        let text = try desk.read(path)
        try desk.sandbox.write("desk/\(path)", text.replacingOccurrences(of: "\n", with: "\r\n"))
        try desk.git(["add", "-A"])
        #expect(try desk.porcelain == "", "git sees a change once it has looked at the file")
        try desk.succeed(["comment", id, "已回电"], as: "li")
        #expect(try desk.read(path).contains("已回电\n") && !(try desk.read(path)).contains("\r"))
        #expect(try desk.porcelain == "")
        // A real edit is still refused.
        try desk.sandbox.write("desk/\(path)", try desk.read(path) + "- 2024-05-01T15:00:00+08:00 li: 手写\n")
        expectOneLineRefusal(try desk.gitdesk(["comment", id, "再次回电", "--as", "li"]), mentioning: ["uncommitted changes"])
    }
}
