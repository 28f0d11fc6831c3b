import Foundation
import Testing
import TestSupport

/// Issue 10 (review): without fsync a power cut can leave a 0-byte tip commit,
/// and an unpushed commit has no other copy. Every file a write depends on is
/// fsynced before the branch moves: the objects, the ref, the journal and the
/// working ticket file (and their directories after a rename).
@Suite("Durable writes")
struct DurableWriteTests {
    /// Runs `gitdesk ARGS` under `strace -f -y -e trace=fsync`; the traced calls.
    func fsyncs(_ desk: TestDesk, _ args: [String], now: String) throws -> [String] {
        let strace = "/usr/bin/strace"
        try #require(FileManager.default.isExecutableFile(atPath: strace),
                     "strace is missing: `make deps` installs it (this test cannot see fsync calls without it)")
        let trace = desk.sandbox.path("fsync.trace")
        let result = try desk.sandbox.run(strace, ["-f", "-y", "-e", "trace=fsync,fdatasync", "-o", trace,
                                                   GitdeskBinary.path] + args,
                                          in: desk.dir, env: ["GITDESK_NOW": now])
        try #require(result.status == 0, "strace could not run gitdesk (ptrace refused?): \(result)")
        return try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").map(String.init)
            .filter { $0.contains("fsync(") || $0.contains("fdatasync(") }
    }

    @Test("a write fsyncs the new objects, the branch's lock file, the journal and the ticket file")
    func writeIsDurable() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "退款未到账", now: "2024-05-01T14:30:00+08:00")
        let path = try desk.ticketPath(id)
        let calls = try fsyncs(desk, ["comment", id, "已回电", "--as", "li"], now: "2024-05-01T15:00:00+08:00")
        let synced = { (fragment: String) in calls.contains { $0.contains(fragment) && $0.contains("= 0") } }
        #expect(synced("/.git/objects/"), "the new commit's objects are not fsynced: \(calls)")
        #expect(synced("refs/heads/main.lock"), "the branch's new value is not fsynced: \(calls)")
        #expect(synced("/.git/gitdesk/pending"), "the journal is not fsynced: \(calls)")
        #expect(synced("\(path).gitdesk-"), "the ticket file is not fsynced before its rename: \(calls)")
        #expect(try desk.read(path).contains("已回电"))
    }
}
