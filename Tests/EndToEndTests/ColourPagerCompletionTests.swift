import Foundation
import Testing
import TestSupport

/// Colour, paging and shell completions, as a git user expects them: colour
/// and the pager only on a terminal, NO_COLOR and --no-color honoured, the
/// pager from GITDESK_PAGER / PAGER, `--no-pager` before or after the
/// subcommand; completion scripts that the shells accept.
@Suite("colour, pager and completions")
struct ColourPagerCompletionTests {
    static let escape = "\u{1B}["

    /// A demo desk (the seeds: statuses of every kind, an urgent overdue ticket).
    static func demoDesk() throws -> Sandbox {
        let sandbox = try Sandbox("colour")
        try sandbox.git(["config", "--global", "user.name", "Tester"])
        try sandbox.git(["config", "--global", "user.email", "tester@example.com"])
        let made = try sandbox.gitdesk(["demo", "desk"])
        try #require(made.status == 0, "\(made)")
        return sandbox
    }

    /// Runs `gitdesk ARGS` on a pseudo-terminal (util-linux `script`), so
    /// standard output is a terminal; returns what the terminal showed.
    struct Screen: CustomStringConvertible {
        var status: Int32
        /// Standard output and standard error, as the terminal showed them.
        var stdout: String
        var description: String { "exit \(status)\n\(stdout)" }
    }

    static func onTerminal(_ sandbox: Sandbox, _ arguments: [String], env: [String: String] = [:]) throws -> Screen {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            Issue.record("util-linux `script` is needed to give gitdesk a terminal (apt-get install bsdutils)")
            return Screen(status: -1, stdout: "")
        }
        let command = ([GitdeskBinary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            .joined(separator: " ")
        var environment = ["TERM": "xterm"]
        environment.merge(env) { _, new in new }
        let result = try sandbox.run("/usr/bin/script", ["-qec", command, "/dev/null"], in: "desk", env: environment)
        return Screen(status: result.status, stdout: result.stdout.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    static func stripped(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }

    @Test("piped output has no colour; --color always colours statuses without moving a column")
    func colourOnlyWhenAsked() throws {
        let sandbox = try Self.demoDesk()
        let plain = try sandbox.gitdesk(["list"], in: "desk", env: ["GITDESK_NOW": "2024-05-21T10:00:00+08:00"])
        try #require(plain.status == 0, "\(plain)")
        #expect(!plain.stdout.contains(Self.escape), "\(plain.stdout)")

        let coloured = try sandbox.gitdesk(["list", "--color", "always"], in: "desk", env: ["GITDESK_NOW": "2024-05-21T10:00:00+08:00"])
        try #require(coloured.status == 0, "\(coloured)")
        // 处理中 (running clock) blue, 已关闭 (terminal) dim, 紧急 bold red, the overdue deadline red.
        #expect(coloured.stdout.contains(Self.escape + "34m处理中"), "\(coloured.stdout)")
        #expect(coloured.stdout.contains(Self.escape + "2m已关闭"), "\(coloured.stdout)")
        #expect(coloured.stdout.contains(Self.escape + "1;31m紧急"), "\(coloured.stdout)")
        #expect(coloured.stdout.contains(Self.escape + "31m2024-05-20 18:30"), "\(coloured.stdout)")
        #expect(Self.stripped(coloured.stdout) == plain.stdout)

        let show = try sandbox.gitdesk(["show", "CS20240501001", "--color", "always"], in: "desk")
        try #require(show.status == 0, "\(show)")
        #expect(show.stdout.contains(Self.escape + "2m已关闭"), "\(show.stdout)")
        let showPlain = try sandbox.gitdesk(["show", "CS20240501001"], in: "desk")
        #expect(Self.stripped(show.stdout) == showPlain.stdout)

        // --no-color and --color never win over always; NO_COLOR does not
        // override an explicit option (no-color.org).
        for args in [["list", "--color", "always", "--no-color"], ["--no-color", "list", "--color", "always"]] {
            let r = try sandbox.gitdesk(args, in: "desk")
            #expect(r.status == 0 && !r.stdout.contains(Self.escape), "\(args): \(r)")
        }
        let explicit = try sandbox.gitdesk(["list", "--color", "always"], in: "desk", env: ["NO_COLOR": "1"])
        #expect(explicit.stdout.contains(Self.escape))
        let bad = try sandbox.gitdesk(["list", "--color", "sometimes"], in: "desk")
        #expect(bad.status != 0 && bad.stderr.contains("sometimes"), "\(bad)")
    }

    @Test("a ticket's own escape sequences stay escaped when colour is on")
    func contentNeverColours() throws {
        let sandbox = try Self.demoDesk()
        let id = "CS20240501001"
        // A hand edit puts a raw ESC into the title (the commands refuse it at input).
        let path = try sandbox.git(["ls-files", "tickets"], in: "desk").stdout
            .split(separator: "\n").first { $0.contains(id) }.map(String.init)
        let file = try #require(path)
        let text = try sandbox.read("desk/" + file)
        try sandbox.write("desk/" + file, text.replacingOccurrences(of: "title: ", with: "title: \u{1B}[31mRED "))
        let committed = try sandbox.git(["-c", "core.hooksPath=/dev/null", "commit", "-qam", "raw escape", "--no-verify"], in: "desk")
        try #require(committed.status == 0, "\(committed)")
        for args in [["show", id, "--color", "always"], ["list", "--color", "always"]] {
            let r = try sandbox.gitdesk(args, in: "desk")
            #expect(r.status == 0 && r.stdout.contains("RED"), "\(args): \(r)")
            #expect(!r.stdout.contains("\u{1B}[31mRED"), "\(args): \(r.stdout)")
        }
    }

    @Test("on a terminal: coloured and through the pager; NO_COLOR, TERM=dumb, --no-pager and cat turn each off")
    func terminalAndPager() throws {
        let sandbox = try Self.demoDesk()
        let pager = ["GITDESK_PAGER": "sed 's/^/|/'"]

        let paged = try Self.onTerminal(sandbox, ["list"], env: pager)
        try #require(paged.status == 0, "\(paged)")
        let lines = paged.stdout.split(separator: "\n")
        #expect(!lines.isEmpty && lines.allSatisfy { $0.hasPrefix("|") }, "\(paged.stdout)")
        #expect(paged.stdout.contains(Self.escape), "colour on a terminal: \(paged.stdout)")

        // PAGER is used when GITDESK_PAGER is not set; LESS=FRX is given to it.
        let viaPager = try Self.onTerminal(sandbox, ["show", "CS20240501001"], env: ["PAGER": "sh -c 'echo LESS=$LESS; cat'"])
        #expect(viaPager.stdout.hasPrefix("LESS=FRX\n"), "\(viaPager.stdout)")

        for args in [["list", "--no-pager"], ["--no-pager", "list"], ["-P", "list"]] {
            let r = try Self.onTerminal(sandbox, args, env: pager)
            #expect(r.status == 0 && !r.stdout.contains("|"), "\(args): \(r)")
        }
        let cat = try Self.onTerminal(sandbox, ["list"], env: ["GITDESK_PAGER": "cat", "PAGER": "sed 's/^/|/'"])
        #expect(!cat.stdout.contains("|") && cat.stdout.contains("CS20240501001"), "\(cat)")

        let noColour = try Self.onTerminal(sandbox, ["list"], env: pager.merging(["NO_COLOR": "1"]) { a, _ in a })
        #expect(noColour.stdout.contains("|") && !noColour.stdout.contains(Self.escape), "\(noColour)")
        let dumb = try Self.onTerminal(sandbox, ["list"], env: pager.merging(["TERM": "dumb"]) { a, _ in a })
        #expect(!dumb.stdout.contains(Self.escape), "\(dumb)")

        // An error before any output reaches the terminal, not the pager.
        let missing = try Self.onTerminal(sandbox, ["show", "CS99999999999"], env: pager)
        #expect(missing.status != 0 && !missing.stdout.contains("|") && missing.stdout.contains("gitdesk:"), "\(missing)")
    }

    @Test("completion scripts: bash completes commands and options; zsh and fish scripts load")
    func completions() throws {
        let sandbox = try Sandbox("completions")
        for shell in ["bash", "zsh", "fish"] {
            let r = try sandbox.gitdesk(["completions", shell])
            try #require(r.status == 0, "\(r)")
            try sandbox.write("gitdesk.\(shell)", r.stdout)
        }
        #expect(try sandbox.read("gitdesk.zsh").hasPrefix("#compdef gitdesk"))
        #expect(try sandbox.read("gitdesk.fish").contains("complete -c 'gitdesk'") || sandbox.read("gitdesk.fish").contains("complete -c gitdesk"))

        func complete(_ words: [String], in directory: String = ".") throws -> [String] {
            let quoted = words.map { "'\($0)'" }.joined(separator: " ")
            let line = words.joined(separator: " ")
            let script = """
                source ./gitdesk.bash
                cd '\(directory)'
                COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); COMP_LINE='\(line)'; COMP_POINT=\(line.utf8.count)
                _gitdesk gitdesk '\(words.last!)' '\(words[words.count - 2])'
                printf '%s\\n' "${COMPREPLY[@]}"
                """
            let r = try sandbox.run("/bin/bash", ["-c", script])
            #expect(r.status == 0, "\(r)")
            return r.stdout.split(separator: "\n").map(String.init)
        }
        #expect(try complete(["gitdesk", "li"]) == ["list"])
        #expect(try complete(["gitdesk", "list", "--sta"]).contains("--status"))
        #expect(try complete(["gitdesk", "completions", "fi"]) == ["fish"])

        // From the desk: ticket IDs, filter values (keys and Chinese labels), directories for -C.
        let made = try sandbox.gitdesk(["demo", "desk"])
        try #require(made.status == 0, "\(made)")
        #expect(try complete(["gitdesk", "show", "CS2024050100"], in: "desk") == ["CS20240501003", "CS20240501002", "CS20240501001"])
        #expect(try complete(["gitdesk", "comment", "CST"], in: "desk") == ["CST-20240520001"])
        #expect(try complete(["gitdesk", "list", "--status", "处"], in: "desk") == ["处理中"])
        #expect(try complete(["gitdesk", "list", "--priority", "ur"], in: "desk") == ["urgent"])
        #expect(try complete(["gitdesk", "list", "-C", "des"]) == ["desk"])
        // Outside a desk: nothing, and no error on the terminal.
        #expect(try complete(["gitdesk", "show", "CS"]).isEmpty)
    }
}
