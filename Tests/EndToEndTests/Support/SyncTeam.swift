import Foundation
import Testing
import TestSupport

/// A shared desk as a team has it: a bare server repository with the
/// server hook (`server.git`, made from a desk by `gitdesk init` +
/// `git clone --bare` + `gitdesk hooks install --server`) and clones made by
/// `gitdesk clone`, by path or over a real sshd.
final class SyncTeam: @unchecked Sendable {
    let sandbox: Sandbox
    private(set) var ssh: SSHServer?
    private(set) var http: HTTPGitServer?

    enum Transport: String, CustomStringConvertible, CaseIterable, Sendable {
        case path, ssh, http
        var description: String { rawValue }
    }

    convenience init(over transport: Transport, pusher: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try self.init(ssh: transport == .ssh, http: transport == .http, pusher: pusher, sourceLocation: sourceLocation)
    }

    init(ssh wantSSH: Bool = false, http wantHTTP: Bool = false, pusher: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        sandbox = try Sandbox("gitdesk-sync")
        try must(sandbox.gitdesk(["init", "seed"]), sourceLocation)
        try must(sandbox.git(["clone", "-q", "--bare", "seed", "server.git"]), sourceLocation)
        try must(sandbox.gitdesk(["hooks", "install", "--server", "-C", "server.git"]), sourceLocation)
        if wantSSH {
            ssh = try SSHServer(in: sandbox, serverEnvironment: pusher.map { ["GITDESK_PUSHER": $0] } ?? [:])
            sandbox.environment.merge(ssh!.environment) { _, new in new }
        }
        if wantHTTP {
            // Smart HTTP takes pushes only from authenticated users unless the repository allows them.
            try must(sandbox.git(["config", "http.receivepack", "true"], in: "server.git"), sourceLocation)
            http = try HTTPGitServer(in: sandbox, root: sandbox.path(""), serverEnvironment: pusher.map { ["GITDESK_PUSHER": $0] } ?? [:])
        }
    }

    deinit {
        ssh?.stop()
        http?.stop()
    }

    /// The server's URL for a transport.
    func url(_ transport: Transport) -> String {
        switch transport {
        case .path: sandbox.path("server.git")
        case .ssh: ssh!.url(sandbox.path("server.git"))
        case .http: http!.url("server.git")
        }
    }

    /// `gitdesk clone URL name`.
    @discardableResult
    func clone(_ name: String, over transport: Transport = .path, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try must(sandbox.gitdesk(["clone", url(transport), name]), sourceLocation)
        return name
    }

    /// Sets git's identity in a clone to a roster person (as for plain `git pull` / `git merge`).
    func identify(_ clone: String, name: String = "客服小李", email: String = "li@desk.example",
                  sourceLocation: SourceLocation = #_sourceLocation) throws {
        _ = try git(clone, ["config", "user.name", name], sourceLocation: sourceLocation)
        _ = try git(clone, ["config", "user.email", email], sourceLocation: sourceLocation)
    }

    /// Runs gitdesk in a clone as `handle`.
    @discardableResult
    func gitdesk(_ clone: String, _ args: [String], as handle: String? = "li", env: [String: String] = [:]) throws -> Sandbox.Result {
        try sandbox.gitdesk(args + (handle.map { ["--as", $0] } ?? []), in: clone, env: env)
    }

    /// Runs gitdesk in a clone and requires success; its stdout.
    @discardableResult
    func succeed(_ clone: String, _ args: [String], as handle: String? = "li", env: [String: String] = [:],
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try must(gitdesk(clone, args, as: handle, env: env), sourceLocation).stdout
    }

    /// Records a ticket in a clone; its ID.
    func record(_ clone: String, title: String, as handle: String = "li", env: [String: String] = [:],
                sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try succeed(clone, ["new", "--type", "complaint", "--channel", "phone", "--title", title], as: handle, env: env,
                    sourceLocation: sourceLocation).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `git ARGS` in a directory of the sandbox, stdout trimmed, success required.
    func git(_ dir: String, _ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try must(sandbox.git(args, in: dir), sourceLocation).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func head(_ dir: String, _ rev: String = "HEAD") throws -> String { try git(dir, ["rev-parse", rev]) }

    /// The ticket file of `id` in a clone's working tree.
    func ticketText(_ clone: String, _ id: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let files = try git(clone, ["ls-files", "tickets"]).split(separator: "\n")
        let path = try #require(files.first { $0.hasSuffix("/\(id).md") }, "no file for \(id) in \(clone)", sourceLocation: sourceLocation)
        return try sandbox.read("\(clone)/\(path)")
    }

    /// The checks every clone must pass after a sync: clean status, fsck, validate --all.
    func expectHealthy(_ clone: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try git(clone, ["status", "--porcelain"]) == "", "\(clone) has a dirty working tree", sourceLocation: sourceLocation)
        let fsck = try sandbox.git(["fsck", "--no-progress"], in: clone)
        #expect(fsck.status == 0 && !fsck.stdout.contains("error") && !fsck.stderr.contains("error"), "fsck: \(fsck)", sourceLocation: sourceLocation)
        let validate = try sandbox.gitdesk(["validate", "--all"], in: clone)
        #expect(validate.status == 0, "validate --all in \(clone): \(validate)", sourceLocation: sourceLocation)
    }

    @discardableResult
    func must(_ result: Sandbox.Result, _ location: SourceLocation) throws -> Sandbox.Result {
        try #require(result.status == 0, "\(result)", sourceLocation: location)
        return result
    }
}
