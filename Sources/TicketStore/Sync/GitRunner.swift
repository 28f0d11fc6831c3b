import Foundation

/// Runs the user's own `git` (found on PATH), so the transport works as it
/// does for git: ssh config, keys and agents, credential helpers, proxies.
/// gitdesk never talks to a server itself.
struct GitRunner {
    /// The working directory git runs in (`git -C`).
    var directory: String

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        var succeeded: Bool { status == 0 }
        /// stderr's lines, trimmed, without blanks.
        var errorLines: [String] {
            stderr.split(whereSeparator: \.isNewline).map { String($0).trimmed() }.filter { !$0.isEmpty }
        }
    }

    /// Runs `git ARGS`, capturing its output; `input` is written to its stdin.
    func run(_ arguments: [String], input: [UInt8]? = nil) throws(SyncError) -> Output {
        guard let git = IndexUpdater.gitExecutable else { throw .gitMissing }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: git)
        process.arguments = ["-C", directory] + arguments
        var environment = ProcessInfo.processInfo.environment
        // git must never stop to ask on a terminal nobody watches (a password
        // prompt): it fails instead, and the failure is reported.
        environment["GIT_TERMINAL_PROMPT"] = environment["GIT_TERMINAL_PROMPT"] ?? "0"
        process.environment = environment
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        do { try process.run() } catch { throw .gitMissing }
        if let input {
            stdin.fileHandleForWriting.write(Data(input))
            try? stdin.fileHandleForWriting.close()
        }
        // Both pipes are drained at once so a chatty git cannot block.
        let errData = LockedData()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData.set(err.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData.get(), as: UTF8.self))
    }
}

private final class LockedData: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()
    func set(_ d: Data) { lock.lock(); data = d; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}
