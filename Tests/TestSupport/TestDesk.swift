import Foundation
import Testing

/// The one end-to-end harness: a desk made by `gitdesk init` in its own
/// sandbox, with the roster `init` writes (li agent, zhang/chen/liu handlers,
/// wang supervisor, zhao qa, admin), and one refusal check
/// (``expectRefusal(_:as:env:mentioning:sourceLocation:)``).
/// `HookTestDesk` in EndToEndTests adds a bare server and push helpers to it.
public final class TestDesk: @unchecked Sendable {
    public let sandbox: Sandbox
    /// The desk directory, relative to the sandbox root.
    public let dir: String

    /// Makes a fresh desk (`gitdesk init desk [--prefix P]`), a clock-override
    /// desk unless `clockOverride` is false (see ``Sandbox/clockOverrideDesks``).
    /// `sandboxName` names the temporary folder; `prepare` runs before
    /// `init` (e.g. a global git identity, a fixed GITDESK_NOW).
    public init(prefix: String? = nil, timezone: String? = nil, clockOverride: Bool = true, language: String = "en",
                sandboxName: String = "gitdesk-e2e", prepare: (Sandbox) throws -> Void = { _ in },
                sourceLocation: SourceLocation = #_sourceLocation) throws {
        sandbox = try Sandbox(sandboxName)
        sandbox.deskLanguage = language
        sandbox.clockOverrideDesks = clockOverride
        try prepare(sandbox)
        dir = "desk"
        var args = ["init", dir]
        if let prefix { args += ["--prefix", prefix] }
        if let timezone { args += ["--timezone", timezone] }
        let result = try sandbox.gitdesk(args)
        try #require(result.status == 0, "gitdesk init failed: \(result)", sourceLocation: sourceLocation)
    }

    /// An absolute path inside the desk.
    public func path(_ relative: String = "") -> String { sandbox.path(relative.isEmpty ? dir : "\(dir)/\(relative)") }

    // MARK: Running gitdesk and git in the desk

    /// Runs `gitdesk ARGS` in the desk, as `operator` (appended as `--as`) when given.
    @discardableResult
    public func gitdesk(_ args: [String], as handle: String? = nil, now: String? = nil, env: [String: String] = [:]) throws -> Sandbox.Result {
        var environment = env
        if let now { environment["GITDESK_NOW"] = now }
        return try sandbox.gitdesk(args + (handle.map { ["--as", $0] } ?? []), in: dir, env: environment)
    }

    /// Runs gitdesk and requires success; returns its stdout.
    @discardableResult
    public func succeed(_ args: [String], as handle: String? = nil, now: String? = nil, env: [String: String] = [:],
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try gitdesk(args, as: handle, now: now, env: env)
        try #require(result.status == 0, "gitdesk \(args.joined(separator: " ")) failed: \(result)", sourceLocation: sourceLocation)
        return result.stdout
    }

    /// Runs git in the desk.
    @discardableResult
    public func git(_ args: [String]) throws -> Sandbox.Result { try sandbox.git(args, in: dir) }

    /// Runs git and returns its trimmed stdout, requiring success.
    public func gitOutput(_ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try git(args)
        try #require(result.status == 0, "git \(args.joined(separator: " ")) failed: \(result)", sourceLocation: sourceLocation)
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Commits whatever is staged as a person editing files by hand would,
    /// bypassing the desk's client hooks (`--no-verify`): these tests plant
    /// files as they might arrive from elsewhere, to see how gitdesk copes.
    public func handCommit(_ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try git(["-c", "user.name=Hand Editor", "-c", "user.email=hand@desk.example", "commit", "--no-verify", "-q", "-m", message])
        try #require(result.status == 0, "git commit failed: \(result)", sourceLocation: sourceLocation)
    }

    /// Writes a file in the desk, adds and commits it by hand.
    public func commitFile(_ relative: String, bytes: [UInt8], message: String = "hand edit",
                    sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = URL(fileURLWithPath: path(relative))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        try #require(try git(["add", relative]).status == 0, sourceLocation: sourceLocation)
        try handCommit(message, sourceLocation: sourceLocation)
    }

    // MARK: Observing the repository

    public var head: String { get throws { try gitOutput(["rev-parse", "HEAD"]) } }
    public var porcelain: String { get throws { try git(["status", "--porcelain"]).stdout } }
    public var commitCount: Int { get throws { Int(try gitOutput(["rev-list", "--count", "HEAD"])) ?? -1 } }

    /// Reads a file of the desk's working tree.
    public func read(_ relative: String) throws -> String { try sandbox.read("\(dir)/\(relative)") }

    /// Replaces a file inside the desk.
    public func write(_ relative: String, _ text: String) throws { try sandbox.write("\(dir)/\(relative)", text) }

    // MARK: Domain shortcuts

    /// Records a ticket (`gitdesk new`) and returns its ID.
    public func record(title: String, type: String = "complaint", channel: String = "phone", priority: String = "medium",
                as handle: String = "li", now: String? = nil, extra: [String] = [],
                sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let out = try succeed(["new", "--type", type, "--channel", channel, "--title", title, "--priority", priority] + extra,
                              as: handle, now: now, sourceLocation: sourceLocation)
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The path of a ticket file, found in HEAD's tree.
    public func ticketPath(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let files = try gitOutput(["ls-tree", "-r", "--name-only", "HEAD", "tickets"]).split(separator: "\n")
        return try #require(files.first { $0.hasSuffix("/\(id).md") }.map(String.init),
                            "no file for \(id) in \(files)", sourceLocation: sourceLocation)
    }

    /// `gitdesk show ID --json` as a dictionary.
    public func showJSON(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let out = try succeed(["show", id, "--json"], sourceLocation: sourceLocation)
        return try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any],
                            sourceLocation: sourceLocation)
    }

    /// A JSON array printed by a command, as dictionaries.
    public func jsonArray(_ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        let out = try succeed(args, sourceLocation: sourceLocation)
        return try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]],
                            "not a JSON array: \(out)", sourceLocation: sourceLocation)
    }

    /// Runs a command that must be refused: exit 1, one line on stderr
    /// starting `gitdesk:`, and nothing written (HEAD, branch and working
    /// tree exactly as before). Returns the result for further checks.
    @discardableResult
    public func expectRefusal(_ args: [String], as handle: String? = nil, env: [String: String] = [:], mentioning words: [String] = [],
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> Sandbox.Result {
        let headBefore = try git(["rev-parse", "-q", "--verify", "HEAD"]).stdout
        let statusBefore = try porcelain
        let result = try gitdesk(args, as: handle, env: env)
        expectOneLineRefusal(result, mentioning: words, sourceLocation: sourceLocation)
        #expect(try git(["rev-parse", "-q", "--verify", "HEAD"]).stdout == headBefore,
                "\(args) moved HEAD", sourceLocation: sourceLocation)
        #expect(try porcelain == statusBefore, "\(args) changed the working tree", sourceLocation: sourceLocation)
        return result
    }
}

/// Exit 1, nothing on stdout, exactly one stderr line starting `gitdesk:`
/// holding `words`: TestSupport's one refusal check, as an expectation.
public func expectOneLineRefusal(_ result: Sandbox.Result, mentioning words: [String] = [],
                          sourceLocation: SourceLocation = #_sourceLocation) {
    let problems = refusalProblems(result, mentioning: words)
    #expect(problems.isEmpty, "\(problems.joined(separator: "; ")): \(result)", sourceLocation: sourceLocation)
}

/// Terminal cells a string occupies: CJK and full-width characters count two.
public func displayWidth(_ s: some StringProtocol) -> Int {
    s.unicodeScalars.reduce(0) { sum, scalar in
        let v = scalar.value
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v)
        return sum + (wide ? 2 : 1)
    }
}
