import Foundation
import Testing
import TestSupport

/// The common commands skip argument-parser when their arguments are simple;
/// every command line answers exactly as through argument-parser
/// (`GITDESK_NO_FAST_PATH=1`): the same stdout, stderr, exit code and, for a
/// write, the same commit tree.
@Suite("Arguments read directly")
struct DirectArgumentsTests {
    let now = "2024-05-01T16:00:00+08:00"

    struct Run: Equatable, CustomStringConvertible {
        var status: Int32, stdout: String, stderr: String, tree: String
        var description: String { "exit \(status) tree \(tree)\nstdout:\n\(stdout)\nstderr:\n\(stderr)" }
    }

    /// Runs `line` in `directory` (relative to the sandbox), then puts the desk back where it was.
    func run(_ desk: TestDesk, _ line: [String], in directory: String, env: [String: String]) throws -> Run {
        let head = try desk.gitOutput(["rev-parse", "HEAD"])
        var environment = env
        environment["GITDESK_NOW"] = now
        environment["GITDESK_ID_SEED"] = "7"
        let result = try desk.sandbox.gitdesk(line, in: directory, env: environment)
        let tree = try desk.gitOutput(["rev-parse", "HEAD^{tree}"])
        try desk.git(["reset", "-q", "--hard", head])
        return Run(status: result.status, stdout: result.stdout, stderr: result.stderr, tree: tree)
    }

    /// Whether argument-parser was skipped (the trace says so).
    func tookDirectPath(_ desk: TestDesk, _ line: [String], in directory: String) throws -> Bool {
        try run(desk, line, in: directory, env: ["GITDESK_TRACE": "1"]).stderr.contains("trace arguments read directly")
    }

    @Test("common command lines and their refusals answer the same on both paths")
    func bothPathsAnswerAlike() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: now)
        let suffix = String(id.suffix(4))
        // (arguments, run from the sandbox root instead of the desk, expected to take the direct path)
        let lines: [([String], Bool, Bool)] = [
            (["--version"], false, true),
            (["show", id], false, true),
            (["show", suffix, "--json"], false, true),
            (["show", id, "--lang", "zh", "--no-pager", "--color", "never"], false, true),
            (["show", id, "--no-color", "--as", "li"], false, true),
            (["--lang", "zh", "-P", "show", id], false, true),
            (["-C", "desk", "show", id], true, true),
            (["show", "-C", "desk", id], true, true),
            (["history", id], false, true),
            (["history", id, "--json"], false, true),
            (["list"], false, true),
            (["list", "--limit", "20"], false, true),
            (["list", "--status", "new", "--status", "in_progress", "--format", "json"], false, true),
            (["list", "--type", "complaint", "--priority", "medium", "--assignee", "zhang", "--format", "csv"], false, true),
            (["list", "--overdue"], false, true),
            (["comment", id, "已联系用户", "--as", "zhang"], false, true),
            (["--as", "zhang", "comment", id, "已联系用户"], false, true),
            (["move", id, "in_progress", "--as", "zhang"], false, true),
            (["move", id, "resolved", "--reason", "done", "--as", "zhang"], false, true),
            (["set", id, "priority=high", "module=APP-订单支付", "--as", "zhang"], false, true),
            (["new", "--type", "complaint", "--channel", "phone", "--title", "退款未到账", "--as", "li"], false, true),
            (["new", "--type", "投诉", "--channel", "email", "--title", "t", "--priority", "urgent",
              "--description", "说明", "--module", "m", "--customer", "CUST456", "--as", "li"], false, true),
            // Refused by the command itself, on the direct path.
            (["show", "CS-NOPE"], false, true),
            (["show", id, "--lang", "zh", "-C", "nowhere"], false, true),
            (["comment", id, "  ", "--as", "zhang"], false, true),
            (["comment", id, "x", "--as", "nobody"], false, true),
            (["move", id, "flying", "--as", "zhang"], false, true),
            (["set", id, "status=closed", "--as", "zhang"], false, true),
            (["list", "--status", "bogus"], false, true),
            (["list", "--limit", "0"], false, true),
            (["new", "--type", "complaint", "--channel", "phone", "--title", " ", "--as", "li"], false, true),
            // argument-parser's own refusals and help: the direct path steps aside.
            (["show"], false, false),
            (["show", id, id], false, false),
            (["show", id, "--bogus"], false, false),
            (["show", id, "--json", "--json"], false, false),
            (["show", id, "--lang", "fr"], false, false),
            (["show", id, "--color", "sometimes"], false, false),
            (["show", "--help"], false, false),
            (["show", id, "--as"], false, false),
            (["show", id, "--as=li"], false, false),
            (["list", "--limit", "x"], false, false),
            (["list", "--limit", "-1"], false, false),
            (["list", "--format", "xml"], false, false),
            (["list", "--sort", "priority"], false, false),
            (["comment", id], false, false),
            (["set", id, "--as", "zhang"], false, false),
            (["set", id, "priority", "--as", "zhang"], false, false),
            (["new", "--type", "complaint", "--channel", "phone", "--as", "li"], false, false),
            (["new", "--type", "complaint", "--type", "fault", "--channel", "phone", "--title", "t", "--as", "li"], false, false),
            (["move", id, "--", "-x"], false, false),
            (["--version", "--help"], false, false),
            (["help", "show"], false, false),
        ]
        for (line, fromRoot, direct) in lines {
            let directory = fromRoot ? "" : desk.dir
            let fast = try run(desk, line, in: directory, env: [:])
            let slow = try run(desk, line, in: directory, env: ["GITDESK_NO_FAST_PATH": "1"])
            #expect(fast == slow, "gitdesk \(line.joined(separator: " "))\ndirect: \(fast)\nargument-parser: \(slow)")
            #expect(try tookDirectPath(desk, line, in: directory) == direct, "gitdesk \(line.joined(separator: " "))")
        }
    }
}
