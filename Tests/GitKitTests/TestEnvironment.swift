import Foundation
@testable import GitKit

/// Shared set-up for every GitKit test: a private HOME and no system config,
/// in place before the first libgit2 call, so no test reads a developer's git config.
enum TestEnvironment {
    /// The fake HOME, created once per test process.
    static let home: String = {
        let home = FileManager.default.temporaryDirectory
            .appendingPathComponent("gitkit-home-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: TestEnvironment.home) }
        setenv("HOME", home, 1)
        setenv("XDG_CONFIG_HOME", home + "/.config", 1)
        setenv("GIT_CONFIG_NOSYSTEM", "1", 1)
        // libgit2 ignores GIT_CONFIG_NOSYSTEM: point all its config search paths at HOME.
        try! Runtime.setConfigSearchPath(home)
        return home
    }()

    /// The environment for `git` child processes: the fake HOME, no system config, no GIT_DIR.
    static var gitEnvironment: [String: String] {
        [
            "HOME": home, "XDG_CONFIG_HOME": home + "/.config", "GIT_CONFIG_NOSYSTEM": "1",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com",
        ]
    }
}

/// A temporary directory for one test, removed when the test drops it.
final class Sandbox {
    let path: String

    init() {
        _ = TestEnvironment.home
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("gitkit-test-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// A new repository in a subdirectory.
    func makeRepository(_ name: String = "repo", bare: Bool = false) throws -> Repository {
        try Repository.create(at: path + "/" + name, bare: bare)
    }

    /// Writes a text file at `relative` (creating directories).
    func write(_ text: String, to relative: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

/// The output and exit status of a `git` run.
struct GitRun {
    var status: Int32
    var output: String
}

/// Runs the real `git` CLI in `directory` with the test environment.
@discardableResult
func git(_ arguments: [String], in directory: String, environment extra: [String: String] = [:]) throws -> GitRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.environment = TestEnvironment.gitEnvironment.merging(extra) { $1 }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return GitRun(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
}

/// A signature at an explicit time (`2024-05-01T00:00:00Z` + `minutes`), UTC+8.
func signature(_ name: String = "李娜", minutes: Int64 = 0) -> Signature {
    Signature(name: name, email: "\(name.unicodeScalars.count)@example.com",
              time: 1_714_521_600 + minutes * 60, offsetMinutes: 480)
}

extension Repository {
    /// Test shorthand: commits `files` (path → text; nil removes) on top of
    /// `parents[0]`'s tree and returns the commit, without moving any ref.
    func commitFiles(_ files: [String: String?], parents: [ObjectID], minutes: Int64, message: String = "change\n") throws -> ObjectID {
        let base = try parents.first.map { try commit($0).tree }
        var changes: [TreeChange] = []
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            if let text {
                changes.append(.upsert(path, try writeBlob(Array(text.utf8))))
            } else {
                changes.append(.remove(path))
            }
        }
        let tree = try updatedTree(base: base, changes: changes)
        let sig = signature(minutes: minutes)
        return try createCommit(tree: tree, parents: parents, author: sig, committer: sig, message: message)
    }
}
