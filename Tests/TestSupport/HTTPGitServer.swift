import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// git's smart-HTTP transport for end-to-end tests: `git http-backend`
/// behind a real web server (Debian's lighttpd, mod_cgi), on 127.0.0.1 on a
/// free port, serving the bare repositories under `root` at
/// `http://127.0.0.1:PORT/git/NAME.git`. Pushes go through
/// git-receive-pack, so the server's pre-receive hook runs as in life, with
/// `serverEnvironment` (GITDESK_BIN, PATH, GITDESK_PUSHER, ...).
///
/// If lighttpd cannot start, `init` throws with the reason (tests fail, never skip).
public final class HTTPGitServer: @unchecked Sendable {
    public let port: Int
    public let directory: String
    private var pid: pid_t = 0

    public static let backend = "/usr/lib/git-core/git-http-backend"

    /// The URL of the bare repository `name` (e.g. `server.git`) under the served root.
    public func url(_ name: String) -> String { "http://127.0.0.1:\(port)/git/\(name)" }

    public init(in sandbox: Sandbox, root: String, name: String = "httpd", serverEnvironment: [String: String] = [:]) throws {
        directory = sandbox.path(name)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        guard let lighttpd = ["/usr/sbin/lighttpd", "/usr/bin/lighttpd"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw SSHServer.Failure("lighttpd is not installed (Debian: apt-get install lighttpd; 'make deps' does it)")
        }
        guard FileManager.default.isExecutableFile(atPath: Self.backend) else {
            throw SSHServer.Failure("\(Self.backend) is missing: git's smart-HTTP backend comes with Debian's git package")
        }
        port = try SSHServer.freePort()
        var env = sandbox.environment.filter { ["HOME", "PATH", "GITDESK_BIN", "GIT_CONFIG_NOSYSTEM", "LANG", "TZ"].contains($0.key) }
        env.merge(serverEnvironment) { _, new in new }
        env["GIT_PROJECT_ROOT"] = root
        env["GIT_HTTP_EXPORT_ALL"] = "1"
        func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        let pairs = env.keys.sorted().map { "\(quoted($0)) => \(quoted(env[$0]!))" }.joined(separator: ", ")
        let config = """
            server.document-root = \(quoted(directory))
            server.bind = "127.0.0.1"
            server.port = \(port)
            server.modules = ("mod_alias", "mod_cgi", "mod_setenv")
            server.errorlog = \(quoted(directory + "/error.log"))
            server.pid-file = \(quoted(directory + "/lighttpd.pid"))
            alias.url = ( "/git" => \(quoted(Self.backend)) )
            $HTTP["url"] =~ "^/git" {
              cgi.assign = ("" => "")
              setenv.set-environment = ( \(pairs) )
            }

            """
        try config.write(toFile: "\(directory)/lighttpd.conf", atomically: true, encoding: .utf8)

        let arguments = [lighttpd, "-D", "-f", "\(directory)/lighttpd.conf"]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "\(directory)/stdout.log", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "\(directory)/stderr.log", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // A clean signal state: the test runner blocks or ignores signals (SIGCHLD
        // among them) that lighttpd needs to notice its CGI children exit.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let rc = posix_spawn(&pid, lighttpd, &actions, &attributes, &argv, environ)
        guard rc == 0 else { throw SSHServer.Failure("cannot start \(lighttpd): \(String(cString: strerror(rc)))") }

        // Ready when git can list a repository through it.
        var lastTry: Sandbox.Result? = nil
        for _ in 0..<100 {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                pid = 0
                throw SSHServer.Failure("lighttpd exited (wait status \(status)): \(log())")
            }
            let probe = try FileManager.default.contentsOfDirectory(atPath: root).first { $0.hasSuffix(".git") }
            let attempt = try sandbox.git(["ls-remote", url(probe ?? "none.git")])
            if attempt.status == 0 { return }
            lastTry = attempt
            usleep(50_000)
        }
        stop()
        throw SSHServer.Failure("lighttpd on port \(port) did not serve git within 5 s: \(lastTry.map(\.description) ?? "") log: \(log())")
    }

    private func log() -> String {
        ["stderr.log", "error.log"].compactMap { try? String(contentsOfFile: "\(directory)/\($0)", encoding: .utf8) }.joined(separator: " ")
    }

    deinit { stop() }

    public func stop() {
        guard pid > 0 else { return }
        kill(pid, SIGTERM)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        pid = 0
    }
}
