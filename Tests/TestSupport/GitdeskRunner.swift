import Foundation

/// Runs the built `gitdesk` binary (and `git`) in a temporary sandbox that
/// never reads the developer's git config: HOME is a temp directory and
/// GIT_CONFIG_NOSYSTEM=1.
public final class Sandbox: @unchecked Sendable {
    /// The sandbox root (removed on deinit).
    public let root: URL
    /// HOME for every process started here.
    public let home: URL
    public var environment: [String: String]
    /// `gitdesk init` here makes clock-override desks (`--clock-override`
    /// added), because the tests fix the clock with GITDESK_NOW; a test of
    /// who may set a time other than the clock's turns this off.
    public var clockOverrideDesks = true
    /// The language `gitdesk init` here gives a desk unless the test names
    /// one (`--lang`): English, so refusals read the same in every test; the
    /// tests of Chinese output ask for it.
    public var deskLanguage = "en"

    public init(_ name: String = "gitdesk") throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8))", isDirectory: true)
        home = root.appendingPathComponent("home", isDirectory: true)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        // The built binary's folder comes first on PATH (and GITDESK_BIN names
        // it) so the git hooks that `gitdesk init` installs find it.
        let binDir = URL(fileURLWithPath: GitdeskBinary.path).deletingLastPathComponent().path
        environment = [
            "HOME": home.path,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GITDESK_BIN": GitdeskBinary.path,
            "PATH": binDir + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "TZ": "UTC",
        ]
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// A path inside the sandbox.
    public func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The result of running a command.
    public struct Result: Sendable, CustomStringConvertible {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var description: String { "exit \(status)\nstdout:\n\(stdout)\nstderr:\n\(stderr)" }
    }

    /// Runs `gitdesk ARGS` in `directory` (relative to the sandbox root).
    @discardableResult
    public func gitdesk(_ arguments: [String], in directory: String = "", env: [String: String] = [:], stdin: String? = nil) throws -> Result {
        var arguments = arguments
        if clockOverrideDesks, arguments.first == "init", !arguments.contains("--clock-override") {
            arguments.append("--clock-override")
        }
        if arguments.first == "init", !arguments.contains(where: { $0 == "--lang" || $0.hasPrefix("--lang=") }) {
            arguments += ["--lang", deskLanguage]
        }
        return try run(GitdeskBinary.path, arguments, in: directory, env: env, stdin: stdin)
    }

    /// Runs `git ARGS` in `directory`.
    @discardableResult
    public func git(_ arguments: [String], in directory: String = "", env: [String: String] = [:]) throws -> Result {
        try run("/usr/bin/git", arguments, in: directory, env: env)
    }

    /// Runs any executable with the sandbox's environment.
    public func run(_ executable: String, _ arguments: [String], in directory: String = "",
                    env: [String: String] = [:], stdin: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory.isEmpty ? root : root.appendingPathComponent(directory)
        process.environment = environment.merging(env) { _, new in new }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        // Read both pipes concurrently so a chatty process cannot block.
        let errBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errBox.data, as: UTF8.self))
    }

    /// Reads a file in the sandbox.
    public func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    /// Writes a file in the sandbox, creating folders.
    public func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

private final class DataBox: @unchecked Sendable { var data = Data() }

/// Where the built binary is: `GITDESK_BIN`, else `.build/debug/gitdesk` of this package.
public enum GitdeskBinary {
    public static var path: String {
        if let explicit = ProcessInfo.processInfo.environment["GITDESK_BIN"] { return explicit }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for candidate in [".build/debug/gitdesk", ".build/release/gitdesk"] {
            let p = root.appendingPathComponent(candidate).path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return root.appendingPathComponent(".build/debug/gitdesk").path
    }
}
