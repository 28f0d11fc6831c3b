import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A command started in the background in its own process group (Foundation's
/// `Process` makes each child a process group leader), so a test can kill it and every child it started (git, ssh)
/// with SIGKILL at once, as a power cut or `kill -9` of the group would.
public final class KillableProcess: @unchecked Sendable {
    private let process: Process

    init(_ process: Process) { self.process = process }

    /// Kills the whole process group with SIGKILL and waits for the leader.
    public func killGroup() {
        if process.isRunning { kill(-process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Waits for the command to end; its exit status.
    @discardableResult
    public func wait() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }
}

extension Sandbox {
    /// Starts `executable ARGS` in `directory` (relative to the sandbox) as the
    /// leader of a new process group, output discarded.
    public func spawnGroup(_ executable: String, _ arguments: [String], in directory: String = "",
                           env: [String: String] = [:]) throws -> KillableProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory.isEmpty ? root : root.appendingPathComponent(directory)
        process.environment = environment.merging(env) { _, new in new }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The group must be the child's own, or killing it would kill the test runner.
        guard getpgid(process.processIdentifier) == process.processIdentifier || !process.isRunning else {
            process.terminate()
            throw SSHServer.Failure("\(executable) was not started in its own process group")
        }
        return KillableProcess(process)
    }
}
