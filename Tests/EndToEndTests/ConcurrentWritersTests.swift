import Foundation
import Testing
import TestSupport

/// A busy afternoon on one clone: several gitdesk processes write at once
/// (scripts, several terminals). Nothing is lost, nothing is half-written.
@Suite("Concurrent gitdesk processes on one clone")
struct ConcurrentWritersTests {
    /// Starts `workers` shell loops at once in the desk, each running
    /// `gitdesk ARGS` `count` times in a row (`$w` and `$i` in the command are
    /// the worker and call numbers), and waits for all of them. Returns what
    /// the loops wrote to stderr (a line per failed call), less the notices of
    /// writers waiting their turn.
    ///
    /// Each loop is its own process started from here: a shell's `wait` for
    /// background jobs hangs under the test runner, whose threads block
    /// SIGCHLD and pass that mask on to the processes they start.
    func runLoops(_ desk: TestDesk, workers: Int, count: Int, _ command: String) throws -> String {
        let script = """
            G="$1"; w="$2"; i=1
            while [ $i -le \(count) ]; do
              \(command) >/dev/null 2>>"$3" || echo "FAILED worker $w call $i" >>"$3"
              i=$((i+1))
            done
            """
        let log = desk.sandbox.path("loops.log")
        FileManager.default.createFile(atPath: log, contents: Data())
        var processes: [Process] = []
        for w in 1...workers {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script, "sh", GitdeskBinary.path, String(w), log]
            process.currentDirectoryURL = URL(fileURLWithPath: desk.path())
            process.environment = desk.sandbox.environment
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            processes.append(process)
        }
        for process in processes { process.waitUntilExit() }
        // A writer queued behind others for over a second says so (docs/robustness.md): not a failure.
        return try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("gitdesk: waiting for another ") }.map { $0 + "\n" }.joined()
    }

    func expectFsckClean(_ desk: TestDesk, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fsck = try desk.git(["fsck", "--strict", "--no-dangling"])
        #expect(fsck.status == 0, "\(fsck)", sourceLocation: sourceLocation)
        #expect(!fsck.stderr.contains("error") && !fsck.stderr.contains("warning") && !fsck.stdout.contains("error"),
                "\(fsck)", sourceLocation: sourceLocation)
    }

    @Test("8 processes × 25 comments on one ticket: 200 commits, 200 log entries, nothing lost")
    func concurrentComments() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", priority: "urgent")
        let commitsBefore = try desk.commitCount
        let logBefore = try #require(try desk.showJSON(id)["log"] as? [[String: Any]]).count

        let failures = try runLoops(desk, workers: 8, count: 25, #""$G" comment \#(id) "处理记录 worker $w comment $i" --as zhang"#)
        #expect(failures.isEmpty, "\(failures)")

        #expect(try desk.commitCount == commitsBefore + 200)
        let log = try #require(try desk.showJSON(id)["log"] as? [[String: Any]])
        #expect(log.count == logBefore + 200)
        let texts = Set(log.compactMap { $0["text"] as? String })
        var missing: [String] = []
        for w in 1...8 { for i in 1...25 where !texts.contains("处理记录 worker \(w) comment \(i)") { missing.append("\(w)/\(i)") } }
        #expect(missing.isEmpty, "comments lost: \(missing)")

        // Each comment is its own commit, and the history is a straight line.
        let subjects = try desk.gitOutput(["log", "--format=%s", "-200"]).split(separator: "\n")
        #expect(Set(subjects).count == 200)
        #expect(try desk.gitOutput(["rev-list", "--min-parents=2", "--count", "HEAD"]) == "0")
        #expect(try desk.porcelain == "")
        try expectFsckClean(desk)
        // The working file is the committed file.
        let path = try desk.ticketPath(id)
        #expect(try desk.read(path) == desk.gitOutput(["show", "HEAD:\(path)"]) + "\n")
        #expect(!FileManager.default.fileExists(atPath: desk.path(".git/gitdesk/pending")))
    }

    @Test("4 processes × 10 new tickets: 40 distinct tickets, 40 commits")
    func concurrentNewTickets() throws {
        let desk = try TestDesk()
        let commitsBefore = try desk.commitCount
        let failures = try runLoops(desk, workers: 4, count: 10,
                                    #""$G" new --type consult --channel web --title "咨询 $w-$i" --as li"#)
        #expect(failures.isEmpty, "\(failures)")

        #expect(try desk.commitCount == commitsBefore + 40)
        let tickets = try desk.jsonArray(["list", "--format", "json"])
        #expect(tickets.count == 40)
        #expect(Set(tickets.compactMap { $0["id"] as? String }).count == 40)
        let titles = Set(tickets.compactMap { $0["title"] as? String })
        #expect(titles == Set((1...4).flatMap { w in (1...10).map { "咨询 \(w)-\($0)" } }))
        #expect(try desk.porcelain == "")
        try expectFsckClean(desk)
    }
}
