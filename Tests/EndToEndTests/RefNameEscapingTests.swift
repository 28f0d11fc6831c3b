import Foundation
import Testing
import TestSupport

/// git allows bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE…) in
/// branch names and remote URLs; printed raw they reorder the rest of the
/// line on the reader's terminal. `status` prints them escaped, as every
/// other output does.
@Suite("Ref names and URLs printed escaped")
struct RefNameEscapingTests {
    @Test("status escapes a branch and upstream name holding U+202E")
    func statusEscapesBidi() throws {
        let desk = try TestDesk()
        _ = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        let name = "fix\u{202E}txt.exe"
        try #require(try desk.git(["checkout", "-q", "-b", name]).status == 0)
        let alone = try desk.gitdesk(["status"])
        #expect(alone.status == 0, "\(alone)")
        #expect(!alone.stdout.unicodeScalars.contains("\u{202E}"), "\(alone)")
        #expect(alone.stdout.contains("fix\\u202Etxt.exe"), "\(alone)")

        // A remote whose name holds one too, tracked by the branch.
        let remote = "o\u{2066}rigin"
        let server = desk.sandbox.path("server.git")
        try #require(try desk.sandbox.git(["init", "-q", "--bare", server]).status == 0)
        try #require(try desk.git(["remote", "add", remote, server]).status == 0)
        try #require(try desk.git(["push", "-q", "-u", remote, name]).status == 0)
        let tracked = try desk.gitdesk(["status"])
        #expect(tracked.status == 0, "\(tracked)")
        #expect(!tracked.stdout.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{2066}" }, "\(tracked)")
        #expect(tracked.stdout.contains("o\\u2066rigin/fix\\u202Etxt.exe"), "\(tracked)")
    }
}
