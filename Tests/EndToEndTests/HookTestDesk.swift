import Foundation
import Testing
import TestSupport

/// A server (bare repository with the pre-receive hook) and two clones
/// (`desk`, where the desk was made, and `mate`), talking through the real
/// git CLI, so pushes run git-receive-pack and the hooks run as in life.
/// A thin wrapper over TestSupport's ``TestDesk`` (the desk clone is
/// `desk.dir`), kept for the many server tests written against it.
final class HookTestDesk {
    /// The harness that made the `desk` clone.
    let desk: TestDesk
    var sandbox: Sandbox { desk.sandbox }
    /// The first ticket, made with gitdesk in `desk` and pushed.
    var id = ""
    var path: String { "tickets/2024/05/\(id).md" }

    /// `unbornServer`: the server is made by `git init --bare` with git's
    /// default branch name `master` (HEAD unborn), the hook installed before
    /// the desk's first push of `main`.
    init(mate: Bool = false, unbornServer: Bool = false, language: String = "en") throws {
        desk = try TestDesk(language: language, sandboxName: "hooks") { sandbox in
            sandbox.environment["GITDESK_BIN"] = GitdeskBinary.path
            sandbox.environment["GITDESK_NOW"] = "2024-05-01T14:30:00+08:00"
            try sandbox.git(["config", "--global", "user.name", "客服小李"])
            try sandbox.git(["config", "--global", "user.email", "li@desk.example"])
            try sandbox.git(["config", "--global", "init.defaultBranch", "main"])
        }
        if unbornServer {
            try must(sandbox.git(["init", "-q", "--bare", "--initial-branch=master", "server.git"]))
            try must(sandbox.gitdesk(["hooks", "install", "--server", "-C", "server.git"]))
            try must(sandbox.git(["remote", "add", "origin", "../server.git"], in: "desk"))
            try must(sandbox.git(["push", "-q", "origin", "main"], in: "desk"))
        } else {
            try must(sandbox.git(["clone", "-q", "--bare", "desk", "server.git"]))
            try must(sandbox.gitdesk(["hooks", "install", "--server", "-C", "server.git"]))
            try must(sandbox.git(["remote", "add", "origin", "../server.git"], in: "desk"))
        }
        try must(sandbox.git(["fetch", "-q", "origin"], in: "desk"))
        try must(sandbox.git(["branch", "-q", "-u", "origin/main"], in: "desk"))
        let made = try must(sandbox.gitdesk(["new", "--as", "li", "--type", "complaint", "--channel", "phone",
                                             "--title", "支付成功但订单未生成", "--contact", "尾号5678"], in: "desk"))
        id = made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try must(sandbox.git(["push", "-q", "origin", "main"], in: "desk"))
        if mate {
            try must(sandbox.git(["clone", "-q", "server.git", "mate"]))
            try must(sandbox.gitdesk(["hooks", "install", "-C", "mate"]))
        }
    }

    /// The commit the server's main branch points at.
    func serverHead() throws -> String {
        try sandbox.git(["rev-parse", "main"], in: "server.git").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Edits the first ticket's file in `clone` by hand.
    func edit(_ clone: String = "desk", _ change: (String) -> String) throws {
        let file = "\(clone)/\(path)"
        try sandbox.write(file, change(try sandbox.read(file)))
    }

    /// The commit `rev` names in `repo` (a clone, or `server.git`); empty if none.
    func rev(_ rev: String, in repo: String = "desk") throws -> String {
        try sandbox.git(["rev-parse", "-q", "--verify", rev], in: repo).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Commits everything in `desk` without the client hooks, as an attacker would.
    func commitByHand(_ message: String, author: String? = nil, in clone: String = "desk") throws {
        try must(sandbox.git(["add", "-A"], in: clone))
        try must(sandbox.git(["commit", "-q", "--no-verify", "-m", message] + (author.map { ["--author", $0] } ?? []), in: clone))
    }

    /// `git push origin SPECS...` from `clone`, with GITDESK_PUSHER when given.
    func push(_ specs: [String], pusher: String? = nil, from clone: String = "desk") throws -> Sandbox.Result {
        try sandbox.git(["push", "origin"] + specs, in: clone, env: pusher.map { ["GITDESK_PUSHER": $0] } ?? [:])
    }

    @discardableResult
    func must(_ result: Sandbox.Result, _ line: Int = #line) throws -> Sandbox.Result {
        guard result.status == 0 else { throw Failure(message: "line \(line): \(result)") }
        return result
    }

    struct Failure: Error, CustomStringConvertible { var message: String; var description: String { message } }
}
