import Foundation
import Testing
import TestSupport

/// A global `core.hooksPath` (a hook manager, a company lint) is common. The
/// desk's hooks are installed for the desk alone: nothing is written into the
/// global folder, its hooks keep running, and the server's pre-receive is not
/// hidden by it.
@Suite("hooks and a global core.hooksPath")
struct HooksPathTests {
    /// A sandbox whose user has a global hooks folder with a pre-commit and a
    /// pre-push that leave a mark in `marks/`.
    static func sandboxWithGlobalHooks() throws -> Sandbox {
        let sandbox = try Sandbox("gitdesk-hookspath")
        try sandbox.git(["config", "--global", "user.name", "客服小李"])
        try sandbox.git(["config", "--global", "user.email", "li@desk.example"])
        try sandbox.git(["config", "--global", "init.defaultBranch", "main"])
        try sandbox.git(["config", "--global", "core.hooksPath", sandbox.path("global-hooks")])
        for name in ["pre-commit", "pre-push"] {
            try sandbox.write("global-hooks/\(name)", "#!/bin/sh\nmkdir -p \(sandbox.path("marks"))\necho ran >> \(sandbox.path("marks/\(name)"))\n")
            #expect(chmod(sandbox.path("global-hooks/\(name)"), 0o755) == 0)
        }
        // A server-side hook that reads the ref updates on stdin, as such hooks do.
        try sandbox.write("global-hooks/post-receive", "#!/bin/sh\nmkdir -p \(sandbox.path("marks"))\ncat >> \(sandbox.path("marks/post-receive"))\n")
        #expect(chmod(sandbox.path("global-hooks/post-receive"), 0o755) == 0)
        return sandbox
    }

    static func listing(_ dir: String) -> [String: String] {
        var result: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] {
            result[name] = try? String(contentsOfFile: dir + "/" + name, encoding: .utf8)
        }
        return result
    }

    @Test("init writes nothing outside the desk, checks hand edits, and still runs the user's own hooks")
    func clientHooks() throws {
        let sandbox = try Self.sandboxWithGlobalHooks()
        let before = Self.listing(sandbox.path("global-hooks"))
        let made = try sandbox.gitdesk(["init", "desk"])
        try #require(made.status == 0, "\(made)")
        #expect(Self.listing(sandbox.path("global-hooks")) == before, "init wrote into the global hooks folder")
        #expect(made.stdout.contains("pre-commit: validates hand edits"), "\(made)")
        #expect(made.stdout.contains("then your previous pre-commit in \(sandbox.path("global-hooks"))"), "\(made)")
        #expect(made.stdout.contains("Still run from \(sandbox.path("global-hooks")): post-receive, pre-push"), "\(made)")

        // A hand edit with raw personal data is refused by gitdesk's pre-commit...
        let made2 = try sandbox.gitdesk(["new", "--as", "li", "--type", "consult", "--channel", "web", "--title", "询问积分"], in: "desk",
                                        env: ["GITDESK_NOW": "2024-05-01T14:30:00+08:00"])
        try #require(made2.status == 0, "\(made2)")
        let id = made2.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let file = try #require(try sandbox.git(["ls-files", "tickets"], in: "desk").stdout.split(separator: "\n").first { $0.hasSuffix("\(id).md") })
        let text = try sandbox.read("desk/\(file)")
        try sandbox.write("desk/\(file)", text.replacingOccurrences(of: "title: 询问积分", with: "title: 回拨 13700001111"))
        let refused = try sandbox.git(["commit", "-qam", "hand edit"], in: "desk")
        #expect(refused.status != 0, "\(refused)")
        #expect(refused.stderr.contains("pii"), "\(refused)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("marks/pre-commit")), "the user's hook ran although gitdesk refused")

        // ...and a good one passes gitdesk's check, then the user's own pre-commit runs.
        try sandbox.write("desk/\(file)", text + "- 2024-05-01T15:00:00+08:00 li: 已电话联系客户\n")
        let good = try sandbox.git(["commit", "-qam", "log entry"], in: "desk")
        #expect(good.status == 0, "\(good)")
        #expect((try? sandbox.read("marks/pre-commit")) == "ran\n")

        // Another repository of the same user is not touched by the desk's hooks,
        // even when gitdesk is not on PATH.
        try #require(try sandbox.git(["init", "-q", "other"]).status == 0)
        try sandbox.write("other/a.txt", "客户电话 13700001111\n")
        try #require(try sandbox.git(["add", "."], in: "other").status == 0)
        let other = try sandbox.git(["commit", "-qm", "unrelated"], in: "other", env: ["PATH": "/usr/bin:/bin", "GITDESK_BIN": ""])
        #expect(other.status == 0, "a repository that is not a desk ran gitdesk's hooks: \(other)")
    }

    @Test("a desk moved to another folder keeps its hooks")
    func movedDeskKeepsItsHooks() throws {
        let sandbox = try Sandbox("gitdesk-hookspath")
        try #require(try sandbox.gitdesk(["init", "desk"]).status == 0)
        try FileManager.default.moveItem(atPath: sandbox.path("desk"), toPath: sandbox.path("moved"))
        let config = try sandbox.read("moved/.gitdesk/config.yaml")
        try sandbox.write("moved/.gitdesk/config.yaml", config.replacingOccurrences(of: "prefix: CS", with: "prefix: XX"))
        let commit = try sandbox.git(["-c", "user.name=客服小李", "-c", "user.email=li@desk.example", "commit", "-qam", "x"], in: "moved")
        #expect(commit.status != 0, "the moved desk ran no hooks: \(commit)")
        #expect(commit.stderr.contains("settings-change"), "\(commit)")
    }

    @Test("a global core.hooksPath on the server does not hide the pre-receive")
    func serverHookIsNotHidden() throws {
        let sandbox = try Self.sandboxWithGlobalHooks()
        try #require(try sandbox.gitdesk(["init", "desk"]).status == 0)
        try #require(try sandbox.git(["clone", "-q", "--bare", "desk", "server.git"]).status == 0)
        let install = try sandbox.gitdesk(["hooks", "install", "--server", "-C", "server.git"])
        try #require(install.status == 0, "\(install)")
        #expect(install.stdout.contains("pre-receive: refuses pushes"), "\(install)")
        #expect(FileManager.default.fileExists(atPath: sandbox.path("server.git/hooks/pre-receive")))
        #expect(Self.listing(sandbox.path("global-hooks")).keys.sorted() == ["post-receive", "pre-commit", "pre-push"])

        try #require(try sandbox.git(["remote", "add", "origin", "../server.git"], in: "desk").status == 0)
        let team = try sandbox.read("desk/team.yaml")
        try sandbox.write("desk/team.yaml", team.replacingOccurrences(of: "roles: [agent]", with: "roles: [admin]"))
        try #require(try sandbox.git(["commit", "-q", "--no-verify", "-am", "make me admin"], in: "desk").status == 0)
        let push = try sandbox.git(["push", "origin", "main"], in: "desk")
        #expect(push.status != 0, "the server's pre-receive did not run: \(push)")
        #expect(push.stderr.contains("settings-change"), "\(push)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("marks/post-receive")), "a refused push ran post-receive")

        // A good push: gitdesk's post-receive stamps it, then the previous post-receive gets the same input.
        try #require(try sandbox.git(["reset", "-q", "--hard", "HEAD~1"], in: "desk").status == 0)
        let made = try sandbox.gitdesk(["new", "--as", "li", "--type", "consult", "--channel", "web", "--title", "询问积分"], in: "desk")
        try #require(made.status == 0, "\(made)")
        let good = try sandbox.git(["push", "origin", "main"], in: "desk")
        #expect(good.status == 0, "\(good)")
        let head = try sandbox.git(["rev-parse", "HEAD"], in: "desk").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let seen = (try? sandbox.read("marks/post-receive")) ?? ""
        #expect(seen.contains("\(head) refs/heads/main"), "the previous post-receive got: '\(seen)'")
        #expect(try sandbox.git(["notes", "--ref", "gitdesk-arrivals", "show", head], in: "server.git").status == 0)
    }
}
