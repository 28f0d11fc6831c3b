import Foundation
import Testing
import TestSupport

/// A fresh desk in a sandbox for the workflow command tests: runs
/// `gitdesk ARGS --as WHO` at a fixed GITDESK_NOW, reads JSON, and tells
/// whether a command wrote anything (HEAD, commit count, clean working copy).
struct WorkflowDesk {
    let sandbox: Sandbox
    let dir = "desk"

    /// `language`: the desk's (tests of Chinese output ask for zh).
    init(language: String = "en") throws {
        sandbox = try Sandbox("gitdesk-workflow")
        sandbox.deskLanguage = language
        let made = try sandbox.gitdesk(["init", dir])
        try #require(made.status == 0, "\(made)")
    }

    /// `gitdesk ARGS [--as WHO]` at `time` (China Standard Time unless an offset is given).
    @discardableResult
    func run(_ args: [String], as who: String? = nil, at time: String) throws -> Sandbox.Result {
        try sandbox.gitdesk(args + (who.map { ["--as", $0] } ?? []), in: dir, env: ["GITDESK_NOW": time])
    }

    /// Runs a command that must succeed.
    @discardableResult
    func ok(_ args: [String], as who: String? = nil, at time: String,
            sourceLocation: SourceLocation = #_sourceLocation) throws -> Sandbox.Result {
        let r = try run(args, as: who, at: time)
        try #require(r.status == 0, "gitdesk \(args.joined(separator: " ")): \(r)", sourceLocation: sourceLocation)
        return r
    }

    /// Records a ticket and returns its ID.
    func new(type: String = "complaint", priority: String = "urgent", title: String = "支付成功但订单未生成",
             as who: String = "li", at time: String) throws -> String {
        let r = try ok(["new", "--type", type, "--channel", "phone", "--priority", priority, "--title", title], as: who, at: time)
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `show ID --json` as a dictionary.
    func show(_ id: String, at time: String = "2024-05-06T12:00:00+08:00") throws -> [String: Any] {
        let r = try ok(["show", id, "--json"], at: time)
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    /// Parses a command's JSON output.
    func json(_ result: Sandbox.Result) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// The commit HEAD points at.
    func head() throws -> String {
        try sandbox.git(["rev-parse", "HEAD"], in: dir).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Commits on the branch.
    func commitCount() throws -> Int {
        Int(try sandbox.git(["rev-list", "--count", "HEAD"], in: dir).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// Expects a refusal: exit 1, one line on stderr containing `message`, nothing written.
    func expectRefused(_ args: [String], as who: String? = nil, at time: String, _ message: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try head()
        let r = try run(args, as: who, at: time)
        expectOneLineRefusal(r, mentioning: [message], sourceLocation: sourceLocation)
        #expect(try head() == before, "HEAD moved", sourceLocation: sourceLocation)
        #expect(try sandbox.git(["status", "--porcelain"], in: dir).stdout == "", sourceLocation: sourceLocation)
    }
}
