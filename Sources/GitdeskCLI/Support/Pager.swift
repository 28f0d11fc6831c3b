import Foundation
import TicketCore

/// Long output through a pager, as git does: when standard output is a
/// terminal, the text goes to `GITDESK_PAGER`, else `PAGER`, else `less`, run
/// by `/bin/sh` with `LESS=FRX` and `LV=-c` unless already set (so `less`
/// quits when the text fits one screen, keeps colours and leaves the text on
/// the screen). An empty pager or `cat` means no pager; `--no-pager` (before
/// or after the subcommand) turns it off for one run.
enum Pager {
    nonisolated(unsafe) private static var child: pid_t = 0

    /// The pager command for this environment, or nil for none.
    static func command(environment: [String: String]) -> String? {
        let chosen = environment["GITDESK_PAGER"] ?? environment["PAGER"] ?? "less"
        let trimmed = chosen.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed == "cat" ? nil : trimmed
    }

    /// Starts the pager and points standard output (and standard error, when
    /// it is the same terminal) at it; the process waits for the pager when
    /// it exits. Does nothing when output is not a terminal, when paging is
    /// off, or when the pager cannot be started (output then goes to the
    /// terminal as usual).
    static func start() {
        guard child == 0, isatty(STDOUT_FILENO) == 1 else { return }
        var environment = ProcessInfo.processInfo.environment
        guard let command = command(environment: environment) else { return }
        // A pager that cannot start would swallow the output: say so and print.
        guard isRunnable(command, path: environment["PATH"] ?? "/usr/bin:/bin") else {
            FileHandle.standardError.write(Data("gitdesk: pager '\(command.terminalSafe)' not found; printing without it (GITDESK_PAGER, PAGER)\n".utf8))
            return
        }
        if environment["LESS"] == nil { environment["LESS"] = "FRX" }
        if environment["LV"] == nil { environment["LV"] = "-c" }

        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])

        let argv = ["/bin/sh", "-c", command]
        let envp = environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let spawned = withCStrings(argv) { cArgv in
            withCStrings(envp) { cEnvp in posix_spawn(&pid, "/bin/sh", &actions, nil, cArgv, cEnvp) }
        }
        close(fds[0])
        guard spawned == 0 else { close(fds[1]); return }
        fflush(nil)
        dup2(fds[1], STDOUT_FILENO)
        if isatty(STDERR_FILENO) == 1 { dup2(fds[1], STDERR_FILENO) }
        close(fds[1])
        child = pid
        // A reader who quits the pager early closes the pipe: later writes
        // fail quietly (no SIGPIPE death), and the process still waits for
        // the pager before the shell's prompt comes back.
        signal(SIGPIPE, SIG_IGN)
        atexit { Pager.finish() }
    }

    /// Whether the pager command's program exists: a path that is an
    /// executable, or a name found on PATH (a shell word such as `exec` or a
    /// variable assignment is left to the shell).
    static func isRunnable(_ command: String, path: String) -> Bool {
        guard let program = command.split(separator: " ").first.map(String.init),
              !program.contains("="), !program.hasPrefix("$") else { return true }
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) }
        if ["exec", "command", "env", "sh", "cat", "less", "more"].contains(program) { return true }
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
    }

    /// Flushes what is left, closes the pipe so the pager sees the end, and
    /// waits for the reader to quit it.
    static func finish() {
        guard child != 0 else { return }
        fflush(nil)
        close(STDOUT_FILENO)
        close(STDERR_FILENO)
        var status: Int32 = 0
        while waitpid(child, &status, 0) == -1 && errno == EINTR {}
        child = 0
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for p in pointers { free(p) } }
        return body(pointers)
    }
}
