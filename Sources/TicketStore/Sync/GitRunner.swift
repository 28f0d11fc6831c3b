import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the user's own `git` (found on PATH), so the transport works as it
/// does for git: ssh config, keys and agents, credential helpers, proxies.
/// gitdesk never talks to a server itself.
struct GitRunner {
    /// The working directory git runs in (`git -C`).
    var directory: String
    /// Variables set for git on top of gitdesk's own environment.
    var environment: [String: String] = [:]

    struct Output {
        var status: Int32
        /// True when git was stopped because it outlived the timeout.
        var timedOut = false
        var stdout: String
        var stderr: String
        var succeeded: Bool { status == 0 }
        /// stderr's lines, trimmed, without blanks.
        var errorLines: [String] {
            stderr.split(whereSeparator: \.isNewline).map { String($0).trimmed() }.filter { !$0.isEmpty }
        }
    }

    /// Runs `git ARGS`, capturing its output; `input` is written to its stdin.
    ///
    /// posix_spawn and waitpid directly: Foundation's `Process` notices a
    /// child's exit through its run loop, which added ~0.1 s to every git call.
    ///
    /// `timeout` (seconds) bounds a call that talks to a server: a server
    /// that accepts the connection and never answers would otherwise hold
    /// git (and its ssh or http helper) forever. git runs in its own process
    /// group, so the whole group is stopped (TERM, then KILL) when time is up.
    func run(_ arguments: [String], input: [UInt8]? = nil, timeout: Double? = nil) throws(SyncError) -> Output {
        guard let git = IndexUpdater.gitExecutable else { throw .gitMissing }
        var environment = ProcessInfo.processInfo.environment.merging(self.environment) { $1 }
        // git must never stop to ask on a terminal nobody watches (a password
        // prompt): it fails instead, and the failure is reported.
        environment["GIT_TERMINAL_PROMPT"] = environment["GIT_TERMINAL_PROMPT"] ?? "0"
        let argv = (["git", "-C", directory] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }

        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1], inPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0, pipe(&inPipe) == 0 else { throw .git("pipe: \(String(cString: strerror(errno)))") }
        for fd in outPipe + errPipe + inPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        signal(SIGPIPE, SIG_IGN)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        if timeout != nil {
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, git, &actions, &attributes, argv, envp)
        close(inPipe[0]); close(outPipe[1]); close(errPipe[1])
        guard rc == 0 else {
            close(inPipe[1]); close(outPipe[0]); close(errPipe[0])
            throw .gitMissing
        }
        if let input {
            var written = 0
            while written < input.count {
                let n = input.withUnsafeBytes { write(inPipe[1], $0.baseAddress! + written, input.count - written) }
                if n < 0 { if errno == EINTR { continue }; break }
                written += n
            }
        }
        close(inPipe[1])
        // Both pipes are drained at once so a chatty git cannot block.
        var out: [UInt8] = [], err: [UInt8] = []
        var fds = [pollfd(fd: outPipe[0], events: Int16(POLLIN), revents: 0), pollfd(fd: errPipe[0], events: Int16(POLLIN), revents: 0)]
        var open = 2
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = timeout.map { Self.monotonic() + $0 }
        var timedOut = false
        while open > 0 {
            var wait: Int32 = -1
            if let deadline {
                let left = deadline - Self.monotonic()
                if left <= 0 {
                    timedOut = true
                    Self.stopGroup(pid)
                    break
                }
                wait = Int32(min(left * 1000, 1000).rounded(.up))
            }
            if poll(&fds, nfds_t(fds.count), wait) < 0 { if errno == EINTR { continue }; break }
            for i in fds.indices where fds[i].fd >= 0 && fds[i].revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(fds[i].fd, $0.baseAddress!, $0.count) }
                if n > 0 {
                    if i == 0 { out += buffer[0..<n] } else { err += buffer[0..<n] }
                } else if n == 0 || errno != EINTR {
                    close(fds[i].fd)
                    fds[i].fd = -1
                    open -= 1
                }
            }
        }
        for fd in fds where fd.fd >= 0 { close(fd.fd) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = (status & 0x7F) == 0
        return Output(status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), timedOut: timedOut,
                      stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }

    /// Stops git and every helper it started (ssh, remote-http): TERM, a
    /// moment to clean up (git removes its lock files and temporary packs),
    /// then KILL.
    private static func stopGroup(_ pid: pid_t) {
        kill(-pid, SIGTERM)
        for _ in 0..<20 {
            if kill(-pid, 0) != 0 { return }
            usleep(25_000)
        }
        kill(-pid, SIGKILL)
    }

    private static func monotonic() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}

