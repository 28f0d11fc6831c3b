import Foundation
import Testing
import TestSupport

/// `gitdesk demo DIR --tickets N`: generated tickets with their whole lives
/// as history, one commit per change by the operator who made it at its
/// back-dated time, exactly the commits gitdesk itself writes (written in
/// bulk through one git fast-import).
@Suite("The generated demo history")
struct DemoHistoryTests {
    /// One commit of `git log -p`: its author, time, trailers, files and added lines.
    struct LoggedCommit {
        var time = "", email = "", subject = "", ticket = "", operation = ""
        var files: [String] = []
        var added: [String] = []
    }

    func log(_ sandbox: Sandbox, _ dir: String, _ range: String) throws -> [LoggedCommit] {
        let out = try sandbox.git(["log", "-p", "--unified=0", "--no-renames", range,
                                   "--format=@@commit%x09%aI%x09%ae%x09%s%x09%(trailers:key=Ticket,valueonly,separator=)%x09%(trailers:key=Operation,valueonly,separator=)"], in: dir)
        try #require(out.status == 0, "\(out)")
        var commits: [LoggedCommit] = []
        for line in out.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("@@commit\t") {
                let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                commits.append(LoggedCommit(time: f[1], email: f[2], subject: f[3], ticket: f[4], operation: f[5]))
            } else if line.hasPrefix("+++ b/") {
                commits[commits.count - 1].files.append(String(line.dropFirst(6)))
            } else if line.hasPrefix("+"), !commits.isEmpty {
                commits[commits.count - 1].added.append(String(line.dropFirst()))
            }
        }
        return commits
    }

    @Test("200 generated tickets: one commit per change by its operator at its time; validate, fsck and the server's pre-receive accept it")
    func generatedHistory() throws {
        let sandbox = try Sandbox("gitdesk-e2e")
        try #require(try sandbox.git(["config", "--global", "init.defaultBranch", "main"]).status == 0)
        let seedsOnly = try sandbox.gitdesk(["demo", "seeds"])
        try #require(seedsOnly.status == 0, "\(seedsOnly)")
        let made = try sandbox.gitdesk(["demo", "demo", "--tickets", "200", "--seed", "11"])
        try #require(made.status == 0, "\(made)")
        #expect(made.stdout.contains("205 tickets"), "\(made)")

        // The generated commits are the ones after the seed stories' last commit.
        let seedTip = try sandbox.git(["rev-parse", "HEAD"], in: "seeds").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let commits = try log(sandbox, "demo", "\(seedTip)..HEAD")
        #expect(commits.count > 200 * 5, "\(commits.count) commits for 200 tickets")
        let ids = Set(commits.map(\.ticket))
        #expect(ids.count == 200, "\(ids.count) tickets have commits")
        let operations = Set(commits.map(\.operation))
        #expect(operations.isSuperset(of: ["new", "assign", "contact", "move", "comment", "resolve", "reopen", "confirm",
                                           "close", "archive", "invalid", "overdue"]), "\(operations)")
        #expect(Set(commits.map(\.email)).count >= 5, "\(Set(commits.map(\.email)))")
        for c in commits {
            // One ticket file per commit, named by its subject and trailer.
            #expect(c.files.count == 1 && c.files[0].hasSuffix("/\(c.ticket).md") && c.files[0].hasPrefix("tickets/"), "\(c)")
            #expect(c.subject.hasPrefix("\(c.ticket): "), "\(c)")
            // The author is the operator of the entry the change added, at its time (back-dated).
            let handle = String(c.email.prefix { $0 != "@" })
            #expect(c.added.contains { $0.hasPrefix("- \(c.time) \(handle):") }, "no entry by \(handle) at \(c.time) in \(c)")
        }
        // Each ticket's history starts with `new` by the agent and its times never go back.
        let times = commits.reversed().map(\.time)
        #expect(times == times.sorted(), "commits are not in time order")

        let validate = try sandbox.gitdesk(["validate", "--all"], in: "demo")
        #expect(validate.status == 0, "\(validate)")
        let fsck = try sandbox.git(["fsck", "--strict"], in: "demo")
        #expect(fsck.status == 0 && !fsck.stderr.contains("error") && !fsck.stdout.contains("error"), "\(fsck)")
        #expect(try sandbox.git(["status", "--porcelain"], in: "demo").stdout == "")

        // The server's pre-receive judges every pushed commit: it accepts the whole history ...
        try #require(try sandbox.git(["init", "-q", "--bare", "server.git"]).status == 0)
        let hooks = try sandbox.gitdesk(["hooks", "install", "--server", "-C", "server.git"], env: ["GITDESK_BIN": GitdeskBinary.path])
        try #require(hooks.status == 0, "\(hooks)")
        let push = try sandbox.git(["push", "-q", "../server.git", "main"], in: "demo", env: ["GITDESK_BIN": GitdeskBinary.path])
        #expect(push.status == 0, "\(push)")
        #expect(try sandbox.git(["rev-parse", "main"], in: "server.git").stdout == sandbox.git(["rev-parse", "HEAD"], in: "demo").stdout)
        // ... and it is awake: a commit that breaks the workflow is refused.
        let file = try #require(commits.first { $0.operation == "invalid" }?.files.first)
        let text = try sandbox.read("demo/\(file)")
        try sandbox.write("demo/\(file)", text.replacingOccurrences(of: "status: invalid", with: "status: closed"))
        let bad = try sandbox.git(["-c", "user.name=运营小赵", "-c", "user.email=zhao@desk.example",
                                   "commit", "-qam", "close by hand", "--no-verify"], in: "demo")
        try #require(bad.status == 0, "\(bad)")
        let refused = try sandbox.git(["push", "-q", "../server.git", "main"], in: "demo", env: ["GITDESK_BIN": GitdeskBinary.path])
        #expect(refused.status != 0, "\(refused)")
    }

    @Test("the same seed makes the same commits; another seed other ones")
    func deterministic() throws {
        let sandbox = try Sandbox("gitdesk-e2e")
        for (dir, seed) in [("a", "5"), ("b", "5"), ("c", "6")] {
            let made = try sandbox.gitdesk(["demo", dir, "--tickets", "40", "--seed", seed])
            try #require(made.status == 0, "\(made)")
        }
        let heads = try ["a", "b", "c"].map { try sandbox.git(["rev-parse", "HEAD"], in: $0).stdout }
        #expect(heads[0] == heads[1])
        #expect(heads[0] != heads[2])
        let count = try sandbox.git(["rev-list", "--count", "HEAD"], in: "a").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect((Int(count) ?? 0) > 40 * 5, "\(count) commits")
    }
}
