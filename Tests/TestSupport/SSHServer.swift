import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real OpenSSH server (Debian's openssh-server) for end-to-end tests:
/// listening on 127.0.0.1 on a free port, with its own generated host key,
/// user key, sshd_config, authorized_keys and pid file inside the sandbox.
/// git reaches it through `environment` (GIT_SSH_COMMAND with the key, the
/// port and a known_hosts file that holds the host key, strictly checked).
///
/// If sshd cannot start, `init` throws with the reason (tests fail, never skip).
/// The server stops on ``stop()`` or when the object goes away.
public final class SSHServer: @unchecked Sendable {
    public let port: Int
    public let directory: String
    public let user: String
    /// sshd's pid. Not a Foundation `Process`: sshd closes every inherited
    /// descriptor, which Foundation takes for the child's exit, and its
    /// blocking waitpid would then stall every other Process in the test run.
    private var pid: pid_t = 0

    /// The environment git needs to use this server.
    public var environment: [String: String] {
        ["GIT_SSH_COMMAND": "ssh -F /dev/null -i \(directory)/user_key -p \(port) -o UserKnownHostsFile=\(directory)/known_hosts -o StrictHostKeyChecking=yes -o IdentitiesOnly=yes -o BatchMode=yes -o LogLevel=ERROR"]
    }

    /// The scp-like URL of `path` (absolute) on this server.
    public func url(_ path: String) -> String { "\(user)@127.0.0.1:\(path)" }

    /// Starts sshd. `serverEnvironment` is what the server side's git and hooks
    /// see (set through authorized_keys `environment=`), e.g. GITDESK_BIN,
    /// PATH, HOME, GITDESK_PUSHER.
    public init(in sandbox: Sandbox, name: String = "sshd", serverEnvironment: [String: String] = [:]) throws {
        directory = sandbox.path(name)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        user = ProcessInfo.processInfo.userName
        guard let sshd = ["/usr/sbin/sshd", "/usr/bin/sshd"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Failure("sshd is not installed (Debian: apt-get install openssh-server; 'make deps' does it)")
        }
        for key in ["host_key", "user_key"] {
            let result = try sandbox.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "gitdesk-test", "-f", "\(directory)/\(key)"])
            guard result.status == 0 else { throw Failure("ssh-keygen failed: \(result)") }
        }
        port = try Self.freePort()
        let hostKey = try String(contentsOfFile: "\(directory)/host_key.pub", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        try "[127.0.0.1]:\(port) \(hostKey)\n".write(toFile: "\(directory)/known_hosts", atomically: true, encoding: .utf8)
        let userKey = try String(contentsOfFile: "\(directory)/user_key.pub", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        var env = sandbox.environment.filter { ["HOME", "PATH", "GITDESK_BIN", "GIT_CONFIG_NOSYSTEM", "LANG", "TZ"].contains($0.key) }
        env.merge(serverEnvironment) { _, new in new }
        let options = env.keys.sorted().map { "environment=\"\($0)=\(env[$0]!)\"" }.joined(separator: ",")
        try "\(options) \(userKey)\n".write(toFile: "\(directory)/authorized_keys", atomically: true, encoding: .utf8)
        let isRoot = getuid() == 0
        if isRoot { try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true) }
        let config = """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(directory)/host_key
            PidFile \(directory)/sshd.pid
            AuthorizedKeysFile \(directory)/authorized_keys
            StrictModes no
            UsePAM no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PubkeyAuthentication yes
            PermitRootLogin \(isRoot ? "yes" : "no")
            PermitUserEnvironment yes
            AllowUsers \(user)
            LogLevel ERROR

            """
        try config.write(toFile: "\(directory)/sshd_config", atomically: true, encoding: .utf8)

        let arguments = [sshd, "-D", "-f", "\(directory)/sshd_config", "-E", "\(directory)/sshd.log"]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in 0...2 { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", O_RDWR, 0) }
        let rc = posix_spawn(&pid, sshd, &actions, nil, &argv, environ)
        guard rc == 0 else { throw Failure("cannot start \(sshd): \(String(cString: strerror(rc)))") }

        // Ready when a real login succeeds (the port alone may open before keys load).
        var lastTry: Sandbox.Result? = nil
        for _ in 0..<100 {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                pid = 0
                let log = (try? String(contentsOfFile: "\(directory)/sshd.log", encoding: .utf8)) ?? ""
                throw Failure("sshd exited (wait status \(status)): \(log)")
            }
            let ssh = environment["GIT_SSH_COMMAND"]!.split(separator: " ").map(String.init)
            let attempt = try sandbox.run("/usr/bin/ssh", Array(ssh.dropFirst()) + ["\(user)@127.0.0.1", "true"])
            if attempt.status == 0 { return }
            lastTry = attempt
            usleep(50_000)
        }
        stop()
        let log = (try? String(contentsOfFile: "\(directory)/sshd.log", encoding: .utf8)) ?? ""
        throw Failure("sshd on port \(port) did not accept a login within 5 s: \(lastTry.map(\.description) ?? "") sshd log: \(log)")
    }

    deinit { stop() }

    /// Stops sshd (and with it any session still open).
    public func stop() {
        guard pid > 0 else { return }
        kill(pid, SIGTERM)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        pid = 0
    }

    /// A port nothing listens on right now.
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure("socket(): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Failure("bind(): \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }
}
