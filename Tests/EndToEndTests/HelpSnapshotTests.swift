import Foundation
import Testing
import TestSupport

/// Help text is a contract people read: every command's `gitdesk help
/// COMMAND` is compared with its snapshot in Tests/Fixtures/help/, and no
/// prose line carries the gaps a badly joined multi-line string leaves.
/// After a deliberate change: `GITDESK_UPDATE_HELP=1 swift test --filter HelpSnapshotTests`.
@Suite("help snapshots")
struct HelpSnapshotTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = root.appendingPathComponent("Tests/Fixtures/help")

    /// The subcommands `gitdesk --help` lists.
    static func commands(_ sandbox: Sandbox) throws -> [String] {
        let help = try sandbox.gitdesk(["--help"], env: ["COLUMNS": "100"])
        let lines = help.stdout.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("SUBCOMMANDS:") }) else { return [] }
        // A command's row starts two spaces in; its description's continuation lines further.
        return lines[(start + 1)...].prefix { !$0.isEmpty }.compactMap { line in
            guard line.hasPrefix("  "), line.dropFirst(2).first != " " else { return nil }
            return line.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init)
        }
    }

    /// A synopsis written by hand (to wrap it) names every option the command
    /// has, unless it is argument-parser's short `<options>` form.
    static func expectUsageNamesEveryOption(_ name: String, _ help: String) {
        let lines = help.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("USAGE:") }) else { return }
        let usage = lines[start...].prefix { !$0.isEmpty }.joined(separator: " ")
        guard !usage.contains("<options>"), !usage.contains("<subcommand>"),
              let optionsStart = lines.firstIndex(where: { $0.hasPrefix("OPTIONS:") }) else { return }
        // An option's row: `  -o, --output <file>   Description`; its names are `-o` and `--output`.
        let rows = lines[(optionsStart + 1)...].prefix { !$0.isEmpty }.filter { $0.hasPrefix("  -") }
        for row in rows {
            let names = row.trimmingCharacters(in: .whitespaces).split(separator: " ")
                .prefix { $0.hasPrefix("-") || $0.hasPrefix("<") }.filter { $0.hasPrefix("-") }
                .map { String($0.trimmingCharacters(in: [","])) }
            guard !names.contains("--help"), !names.contains("--version") else { continue }
            #expect(names.contains { usage.contains("[\($0) ") || usage.contains("[\($0)]") || usage.contains(" \($0) ") },
                    "\(name): USAGE lacks \(names): \(usage)")
        }
    }

    /// Subcommands of command groups, snapshotted as `GROUP-SUB.txt` (`gitdesk help GROUP SUB`).
    static let nested = ["add", "list", "show", "edit", "approve", "from", "suggest"].map { "template-\($0)" }

    @Test("every command's help matches its snapshot and wraps cleanly")
    func snapshots() throws {
        let sandbox = try Sandbox("gitdesk-help")
        let commands = try Self.commands(sandbox)
        #expect(commands.count >= 20, "\(commands)")
        let update = ProcessInfo.processInfo.environment["GITDESK_UPDATE_HELP"] == "1"
        if update { try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true) }
        for name in ["gitdesk"] + commands + Self.nested {
            let args = name == "gitdesk" ? ["--help"] : ["help"] + name.split(separator: "-", maxSplits: Self.nested.contains(name) ? 1 : 0).map(String.init)
            let result = try sandbox.gitdesk(args, env: ["COLUMNS": "100"])
            #expect(result.status == 0, "\(name): \(result)")
            let text = result.stdout
            // Discussion paragraphs start at the margin; a run of spaces inside one is
            // the indentation of a multi-line string joined without `\`.
            for line in text.components(separatedBy: "\n") where !line.hasPrefix(" ") && !line.hasPrefix("USAGE:") {
                #expect(!line.contains("   "), "\(name): a gap inside a line of help: '\(line)'")
            }
            // In an 80-column terminal no line is wider than 80 cells, counting a
            // Chinese character as two; the USAGE synopsis included (wrapped by
            // HelpText.usage, argument-parser prints its own on one line).
            let narrow = try sandbox.gitdesk(args, env: ["COLUMNS": "80"]).stdout
            for line in narrow.components(separatedBy: "\n") {
                #expect(displayWidth(line) <= 80, "\(name): \(displayWidth(line)) columns: '\(line)'")
            }
            Self.expectUsageNamesEveryOption(name, narrow)
            let file = Self.folder.appendingPathComponent("\(name).txt")
            if update {
                try Data(text.utf8).write(to: file)
            } else {
                let expected = try? String(contentsOf: file, encoding: .utf8)
                #expect(expected == text, "help for \(name) differs from Tests/Fixtures/help/\(name).txt (GITDESK_UPDATE_HELP=1 to accept):\n\(text)")
            }
        }
        if !update {
            let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".txt") }
            #expect(Set(files) == Set((["gitdesk"] + commands + Self.nested).map { "\($0).txt" }), "snapshots without a command, or commands without one")
        }
    }
}
