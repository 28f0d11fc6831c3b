import Foundation
import Testing
import TestSupport

/// Raw personal data cannot reach the server through a ref name or a file
/// that is not UTF-8 text.
@Suite("server: personal data in ref names and non-UTF-8 files", .serialized)
struct ServerPrivacyNamesTests {
    @Test func aRefNamedAfterAPhoneNumberIsRefusedWithoutEchoingIt() throws {
        let d = try HookTestDesk()
        for ref in ["refs/heads/13800138000", "refs/tags/客户13800138000", "refs/heads/foo@example.com"] {
            let push = try d.push(["HEAD:\(ref)"], pusher: "li")
            #expect(push.status != 0, "\(ref): \(push)")
            #expect(push.stderr.contains("may not hold personal data"), "\(push)")
            // What the server says (git's own lines echo the ref the pusher typed).
            let server = push.stderr.split(separator: "\n").filter { $0.hasPrefix("remote:") }.joined(separator: "\n")
            #expect(!server.contains("13800138000") && !server.contains("foo@example.com"), "\(push)")
        }
    }

    @Test func aFileThatIsNotUTF8IsScannedAllTheSame() throws {
        let d = try HookTestDesk()
        let before = try d.serverHead()
        // GBK text around an ASCII phone number, and a byte that is not UTF-8.
        var bytes: [UInt8] = [0xBF, 0xCD, 0xBB, 0xA7, 0x3A] + Array("13800138000".utf8) + [0x0A, 0xFF, 0x00, 0x0A]
        bytes += Array("mail: wang.xiaoer@example.com\n".utf8)
        try Data(bytes).write(to: d.sandbox.root.appendingPathComponent("desk/notes.txt"))
        try d.must(d.sandbox.git(["add", "notes.txt"], in: "desk"))
        try d.must(d.sandbox.git(["commit", "-q", "--no-verify", "-m", "notes"], in: "desk"))
        let push = try d.push(["main"], pusher: "li")
        #expect(push.status != 0, "\(push)")
        #expect(push.stderr.contains("notes.txt") && push.stderr.contains("must not be stored raw"), "\(push)")
        #expect(try d.serverHead() == before)
    }

    /// Review finding: the names of a commit's author and committer (and the
    /// local part of their e-mail) were never scanned.
    @Test func aPhoneNumberInTheAuthorOrCommitterNameIsRefused() throws {
        let d = try HookTestDesk()
        let before = try d.serverHead()
        let phone = "139" + "1234" + "5678"
        let email = try d.sandbox.git(["config", "user.email"], in: "desk").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        for env in [["GIT_AUTHOR_NAME": phone], ["GIT_COMMITTER_NAME": "张 " + phone],
                    ["GIT_COMMITTER_EMAIL": phone + "@qq.com"]] {
            try d.must(d.sandbox.git(["reset", "-q", "--hard", before], in: "desk"))
            try d.must(d.sandbox.git(["commit", "-q", "--allow-empty", "--no-verify", "-m", "note"], in: "desk",
                                     env: env.merging(["GIT_AUTHOR_EMAIL": email]) { a, _ in a }))
            let push = try d.push(["main"], pusher: "li")
            #expect(push.status != 0, "\(env): \(push)")
            #expect(push.stderr.contains("must not be stored raw") && !push.stderr.contains(phone), "\(push)")
            #expect(try d.serverHead() == before)
        }
    }
}
