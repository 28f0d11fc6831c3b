import Foundation
import Testing
import TestSupport

/// Issue 10 (the new user's leftovers, robust10a): what the machine around a
/// desk does to it — lost hooks or config, a stopped writer, settings with
/// values gitdesk does not know, files of gitdesk's own grown huge, a full
/// or read-only disk — is said in one line with what to do, and nothing is
/// written or claimed that did not happen.
@Suite("Hostile environments")
struct HostileEnvironmentTests {
    static let checksOff = "the desk's checks are off: run `gitdesk hooks install`"

    @Test("losing .git/gitdesk or .git/config: every command warns once, status says so, hooks install ends it",
          arguments: [".git/gitdesk", ".git/config"])
    func checksOffWarning(lost: String) throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        let quiet = try desk.gitdesk(["list"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet)")
        try FileManager.default.removeItem(atPath: desk.path(lost))

        let list = try desk.gitdesk(["list"])
        #expect(list.status == 0 && list.stdout.contains(id), "\(list)")
        let lines = list.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("gitdesk: ") && lines[0].contains(Self.checksOff), "\(list)")
        let write = try desk.gitdesk(["comment", id, "客户再次来电"], as: "li", now: "2024-05-01T15:00:00+08:00")
        #expect(write.status == 0 && write.stderr.contains(Self.checksOff), "\(write)")
        let status = try desk.gitdesk(["status"])
        #expect(status.status == 0 && status.stdout.contains(Self.checksOff), "\(status)")

        try desk.succeed(["hooks", "install"])
        let after = try desk.gitdesk(["list"])
        #expect(after.status == 0 && after.stderr.isEmpty, "\(after)")
        #expect(try desk.gitOutput(["config", "merge.gitdesk.driver"]).hasPrefix("gitdesk merge-driver"))
    }

    @Test("GITDESK_AMBIGUOUS_WIDE with a value gitdesk does not know is refused, naming the variable and the values")
    func ambiguousWideValue() throws {
        let desk = try TestDesk()
        _ = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        for value in ["yes", "2", "wide"] {
            let result = try desk.gitdesk(["list"], env: ["GITDESK_AMBIGUOUS_WIDE": value])
            expectOneLineRefusal(result, mentioning: ["GITDESK_AMBIGUOUS_WIDE", "'\(value)'", "1 (", "or 0"])
        }
        #expect(try desk.gitdesk(["list"], env: ["GITDESK_AMBIGUOUS_WIDE": ""]).status == 0)
    }

    @Test("git config gitdesk.sshReuse with a value gitdesk does not know is refused by sync")
    func sshReuseValue() throws {
        let desk = try TestDesk()
        _ = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        #expect(try desk.git(["config", "gitdesk.sshReuse", "sometimes"]).status == 0)
        let sync = try desk.gitdesk(["sync"], as: "li")
        expectOneLineRefusal(sync, mentioning: ["gitdesk.sshReuse", "'sometimes'", "true or false"])
    }

    @Test("a stopped writer: after the lock timeout the message names its pid and kill -CONT, in the desk's time zone")
    func stoppedWriter() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        let holder = try desk.holdWriteLock(seconds: 60)
        let pid = holder.processIdentifier
        kill(pid, SIGSTOP)
        defer { kill(pid, SIGCONT); holder.terminate(); holder.waitUntilExit() }
        let head = try desk.head
        let result = try desk.gitdesk(["comment", id, "客户再次来电"], as: "li", now: "2024-05-01T15:00:00+08:00",
                                      env: ["GITDESK_LOCK_TIMEOUT": "1"])
        expectOneLineRefusal(result, mentioning: ["pid \(pid)", "stopped", "kill -CONT \(pid)", "kill -9 \(pid)", "+08:00"])
        #expect(!result.stderr.contains("UTC"), "\(result)")
        #expect(try desk.head == head)
    }

    @Test("3 GB sparse settings.cache, pending journal and index-checked are not read: commands work in little memory")
    func oversizeOwnFiles() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/time"), "/usr/bin/time is missing: run make deps")
        for name in ["settings.cache", "pending", "index-checked"] {
            let file = desk.path(".git/gitdesk/\(name)")
            if !FileManager.default.fileExists(atPath: file) { FileManager.default.createFile(atPath: file, contents: nil) }
            #expect(truncate(file, 3 << 30) == 0, "cannot make \(file) 3 GB (sparse)")
        }
        func peakKB(_ args: [String]) throws -> (Int, Sandbox.Result) {
            let report = desk.sandbox.path("time-\(UUID().uuidString).txt")
            let result = try desk.sandbox.run("/usr/bin/time", ["-o", report, "-f", "%M", GitdeskBinary.path] + args,
                                              in: desk.dir, env: ["GITDESK_NOW": "2024-05-01T15:00:00+08:00"])
            let text = try String(contentsOfFile: report, encoding: .utf8)
            return (Int(text.split(separator: "\n").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "") ?? -1, result)
        }
        for args in [["list"], ["status"], ["comment", id, "客户再次来电", "--as", "li"]] {
            let (kb, result) = try peakKB(args)
            #expect(result.status == 0 && !result.stderr.contains("interrupted"), "\(args): \(result)")
            #expect(kb > 0 && kb < 200_000, "\(args) peaked at \(kb) KB")
        }
        // The write replaced the damaged journal and removed it; the cache was rebuilt.
        #expect(!FileManager.default.fileExists(atPath: desk.path(".git/gitdesk/pending")))
        #expect(try FileManager.default.attributesOfItem(atPath: desk.path(".git/gitdesk/settings.cache"))[.size] as? Int ?? 0 < 1 << 20)
        #expect(try desk.porcelain == "")
    }

    /// A tmpfs of a few MB mounted for the test (CI runs as root): filled up,
    /// then remounted read-only. A machine where mount is not allowed fails
    /// the test with the reason.
    @Test("a full disk and a read-only disk: one line, nothing written, no journal that later claims a kill")
    func fullAndReadOnlyDisk() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        let mount = desk.sandbox.path("small")
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        let mounted = try desk.sandbox.run("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=16m", "tmpfs", mount])
        try #require(mounted.status == 0, "cannot mount a tmpfs to fill up (the test needs root): \(mounted)")
        defer { _ = try? desk.sandbox.run("/usr/bin/umount", ["-l", mount]) }
        #expect(try desk.sandbox.run("/usr/bin/cp", ["-a", desk.path(), mount + "/desk"]).status == 0)
        let copy = mount + "/desk"
        func gitdesk(_ args: [String]) throws -> Sandbox.Result {
            try desk.sandbox.run(GitdeskBinary.path, args + ["--as", "li"], in: "small/desk", env: ["GITDESK_NOW": "2024-05-01T15:00:00+08:00"])
        }
        func head() throws -> String { try desk.sandbox.git(["rev-parse", "HEAD"], in: "small/desk").stdout }
        let before = try head()
        // Fill the disk: dd stops with "No space left on device".
        _ = try desk.sandbox.run("/usr/bin/dd", ["if=/dev/zero", "of=\(mount)/filler", "bs=64k"])

        let full = try gitdesk(["comment", id, "客户再次来电"])
        expectOneLineRefusal(full, mentioning: ["nothing was written", "disk is full", "free some space"])
        #expect(!full.stderr.contains("failed to") && !full.stderr.contains("(git:"), "\(full)")
        #expect(try head() == before)
        #expect(!FileManager.default.fileExists(atPath: copy + "/.git/gitdesk/pending"))

        try FileManager.default.removeItem(atPath: mount + "/filler")
        let remount = try desk.sandbox.run("/usr/bin/mount", ["-o", "remount,ro", mount])
        try #require(remount.status == 0, "\(remount)")
        let readOnly = try gitdesk(["comment", id, "客户再次来电"])
        expectOneLineRefusal(readOnly, mentioning: ["nothing was written", "read-only", "remount"])
        #expect(try head() == before)

        #expect(try desk.sandbox.run("/usr/bin/mount", ["-o", "remount,rw", mount]).status == 0)
        let list = try gitdesk(["list"])
        #expect(list.status == 0 && !list.stderr.contains("interrupted"), "\(list)")
        let after = try gitdesk(["comment", id, "客户再次来电"])
        #expect(after.status == 0 && after.stderr.isEmpty, "\(after)")
        #expect(try desk.sandbox.git(["status", "--porcelain"], in: "small/desk").stdout == "")
    }

    @Test("an interrupted write over a hand edit: the notice says the file was left as it is, never that it was restored")
    func handEditAfterInterruptedWrite() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        let other = try desk.record(title: "询问会员积分兑换", type: "consult", now: "2024-05-01T14:40:00+08:00")
        let path = try desk.ticketPath(id)
        try desk.write(path, try desk.read(path) + "\n手工备注\n")
        try desk.write(".git/gitdesk/pending", path + "\npid 999999999 -\nref refs/heads/main\n")
        let write = try desk.gitdesk(["comment", other, "已回电"], as: "li", now: "2024-05-01T15:00:00+08:00")
        #expect(write.status == 0, "\(write)")
        #expect(write.stderr.contains("left as it is"), "\(write)")
        #expect(!write.stderr.contains(path + " is back") && !write.stderr.contains("restored"), "\(write)")
    }
}
