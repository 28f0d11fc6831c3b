import Foundation
import Testing
import TestSupport

/// Issue 10 (the attacker's findings, fix10a): a clone whose hand-commit
/// checks were quietly disarmed — a hook without its execute bit, a hook
/// edited (an `exit 0` inserted), a missing pre-merge-commit, a merge driver
/// set to something else — says so on every command and in `status`; a FIFO
/// in place of one of gitdesk's own files never hangs it.
@Suite("Tampered checks")
struct TamperedChecksTests {
    static let checksOff = "the desk's checks are off: run `gitdesk hooks install`"

    @Test("a disarmed hook or merge driver: every command warns once, status says so, hooks install ends it",
          arguments: ["chmod -x pre-commit", "chmod -x pre-merge-commit", "exit 0 in pre-commit",
                      "no pre-merge-commit", "driver true"])
    func disarmed(how: String) throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        let quiet = try desk.gitdesk(["list"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet)")
        let hooks = desk.path(".git/gitdesk/hooks")
        var expected: String
        switch how {
        case "chmod -x pre-commit", "chmod -x pre-merge-commit":
            let name = String(how.dropFirst("chmod -x ".count))
            #expect(chmod(hooks + "/" + name, 0o644) == 0)
            expected = "\(name) is not executable"
        case "exit 0 in pre-commit":
            let file = hooks + "/pre-commit"
            let text = try String(contentsOfFile: file, encoding: .utf8)
            try text.replacingOccurrences(of: "#!/bin/sh\n", with: "#!/bin/sh\nexit 0\n").write(toFile: file, atomically: false, encoding: .utf8)
            expected = "pre-commit is not the script gitdesk installs"
        case "no pre-merge-commit":
            try FileManager.default.removeItem(atPath: hooks + "/pre-merge-commit")
            expected = "pre-merge-commit is missing"
        default:
            #expect(try desk.git(["config", "merge.gitdesk.driver", "true"]).status == 0)
            expected = "merge.gitdesk.driver is 'true'"
        }

        let list = try desk.gitdesk(["list"])
        #expect(list.status == 0 && list.stdout.contains(id), "\(list)")
        let lines = list.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains(Self.checksOff) && lines[0].contains(expected), "\(list)")
        let status = try desk.gitdesk(["status"])
        #expect(status.status == 0 && status.stdout.contains(Self.checksOff) && status.stdout.contains(expected), "\(status)")

        try desk.succeed(["hooks", "install"])
        let after = try desk.gitdesk(["list"])
        #expect(after.status == 0 && after.stderr.isEmpty, "\(after)")
    }

    @Test("a FIFO in place of settings.cache, pending, index-checked or a hook: commands finish (under a deadline)",
          arguments: ["settings.cache", "pending", "index-checked", "hooks/pre-commit"])
    func fifo(name: String) throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        let file = desk.path(".git/gitdesk/\(name)")
        try? FileManager.default.removeItem(atPath: file)
        #expect(mkfifo(file, 0o644) == 0, "cannot make a FIFO at \(file)")
        // A hang must fail the test, not block it: the binary runs under timeout(1) (exit 124).
        func run(_ args: [String]) throws -> Sandbox.Result {
            try desk.sandbox.run("/usr/bin/timeout", ["-k", "5", "60", GitdeskBinary.path] + args,
                                 in: desk.dir, env: ["GITDESK_NOW": "2024-05-01T15:00:00+08:00"])
        }
        for args in [["list"], ["status"], ["comment", id, "客户再次来电", "--as", "li"], ["list"]] {
            let result = try run(args)
            #expect(![124, 137, 9].contains(result.status), "\(args) hung on a FIFO at \(name): \(result)")
            #expect(result.status == 0, "\(args): \(result)")
        }
        if name.hasPrefix("hooks/") {
            let result = try run(["list"])
            #expect(result.stderr.contains(Self.checksOff) && result.stderr.contains("pre-commit"), "\(result)")
            try desk.succeed(["hooks", "install"])
            #expect(try run(["list"]).stderr.isEmpty)
        }
        #expect(try desk.gitOutput(["log", "-1", "-p"]).contains("客户再次来电"), "the comment was not written")
    }
}
