import Foundation
import Testing
import TestSupport

/// A team sets up a shared desk with plain git: a bare server made with
/// `git init --bare` (git's default initial branch), colleagues who clone it
/// with plain `git clone` and pull with plain `git pull`.
@Suite("team setup with plain git")
struct TeamSetupTests {
    @Test("git clone checks out the desk's branch, and a plain git pull of diverged clones merges")
    func plainGitWorks() throws {
        let sandbox = try Sandbox("gitdesk-team")
        try sandbox.git(["config", "--global", "user.name", "客服小李"])
        try sandbox.git(["config", "--global", "user.email", "li@desk.example"])
        try #require(try sandbox.git(["init", "-q", "--bare", "-b", "master", "server.git"]).status == 0)
        let install = try sandbox.gitdesk(["hooks", "install", "--server", "--branch", "main", "-C", "server.git"])
        try #require(install.status == 0, "\(install)")
        #expect(try sandbox.git(["symbolic-ref", "HEAD"], in: "server.git").stdout == "refs/heads/main\n")

        try #require(try sandbox.gitdesk(["init", "desk"]).status == 0)
        try #require(try sandbox.git(["push", "-q", "../server.git", "main"], in: "desk").status == 0)
        for mate in ["amy", "bob"] {
            let clone = try sandbox.git(["clone", "-q", "server.git", mate])
            #expect(clone.status == 0 && !clone.stderr.contains("nonexistent ref"), "\(clone)")
            #expect(try sandbox.git(["rev-parse", "--abbrev-ref", "HEAD"], in: mate).stdout == "main\n")
            try #require(try sandbox.gitdesk(["hooks", "install"], in: mate).status == 0)
        }
        let made = try sandbox.gitdesk(["new", "--as", "li", "--type", "consult", "--channel", "web", "--title", "询问积分"], in: "amy")
        try #require(made.status == 0, "\(made)")
        let id = made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(try sandbox.git(["push", "-q"], in: "amy").status == 0)
        try #require(try sandbox.git(["pull", "-q"], in: "bob").status == 0)

        try #require(try sandbox.gitdesk(["comment", id, "amy 已回电", "--as", "li"], in: "amy").status == 0)
        try #require(try sandbox.git(["push", "-q"], in: "amy").status == 0)
        try #require(try sandbox.gitdesk(["comment", id, "bob 已发邮件", "--as", "zhang"], in: "bob").status == 0)
        let pull = try sandbox.git(["pull"], in: "bob")
        #expect(pull.status == 0, "a plain git pull of diverged clones failed: \(pull)")
        let shown = try sandbox.gitdesk(["show", id], in: "bob").stdout
        #expect(shown.contains("amy 已回电") && shown.contains("bob 已发邮件"), "\(shown)")
    }
}
