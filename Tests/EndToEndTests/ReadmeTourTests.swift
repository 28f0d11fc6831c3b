import Foundation
import Testing
import TestSupport

/// The README is a test: its tour runs verbatim, as a new user would type it,
/// on a machine where git knows who they are and gitdesk is on PATH.
@Suite("README tour")
struct ReadmeTourTests {
    /// The `sh` block under "## A short tour" in README.md.
    static func tourScript() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## A short tour"), "README.md has no tour")
        let rest = readme[section.upperBound...]
        let open = try #require(rest.range(of: "```sh\n"), "the tour has no sh block")
        let close = try #require(rest[open.upperBound...].range(of: "```"), "the tour's sh block is not closed")
        return String(rest[open.upperBound..<close.lowerBound])
    }

    @Test("the tour runs verbatim and does what it says")
    func tourRunsVerbatim() throws {
        let sandbox = try Sandbox("gitdesk-tour")
        // A new user's machine: git knows their name and e-mail.
        try sandbox.write("home/.gitconfig", "[user]\n\tname = 新用户\n\temail = newcomer@corp.example\n")
        // Their editor adds one person to the roster.
        try sandbox.write("editor.sh", """
            #!/bin/sh
            cat >> "$1" <<'ROSTER'
              - handle: sun
                name: 客服小孙
                email: sun@corp.example
                roles: [agent]
                department: customer_service
            ROSTER

            """)
        #expect(chmod(sandbox.path("editor.sh"), 0o755) == 0)
        let script = "set -euo pipefail\n" + (try Self.tourScript()) + "\necho \"TOUR-ID=$ID\"\n"
        try sandbox.write("tour.sh", script)

        let run = try sandbox.run("/bin/bash", [sandbox.path("tour.sh")], env: ["EDITOR": sandbox.path("editor.sh")])
        try #require(run.status == 0, "the README's tour failed: \(run)")

        // What the tour claims happened.
        let id = try #require(run.stdout.components(separatedBy: "TOUR-ID=").last?.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(id.hasPrefix("CS-"), "\(run.stdout)")
        let log = try sandbox.git(["log", "--format=%an|%s"], in: "desk").stdout
        #expect(log.contains("新用户|Our team"), "the roster commit is the user's own: \(log)")
        #expect(log.contains("技术小张|\(id): "), "zhang's changes are authored by zhang: \(log)")
        let team = try sandbox.read("desk/team.yaml")
        #expect(team.contains("handle: newcomer") && team.contains("roles: [admin, supervisor]"))
        #expect(team.contains("handle: sun"))
        #expect(!team.contains("admin@desk.example"), "the example admin stays beside the real one: anyone could commit as them")
        let show = try sandbox.gitdesk(["show", id, "--json"], in: "desk")
        #expect(show.stdout.contains("\"module\": \"APP-支付\""), "\(show)")
        #expect(show.stdout.contains("技术排查发现接口超时"))
        #expect(!show.stdout.contains("13800001234"), "the contact is stored masked")
        #expect(try sandbox.git(["status", "--porcelain"], in: "desk").stdout == "")
    }

    @Test("init says who was put on the roster, or that nobody could be")
    func initNamesTheFounder() throws {
        let sandbox = try Sandbox("gitdesk-tour")
        let anonymous = try sandbox.gitdesk(["init", "a"])
        try #require(anonymous.status == 0, "\(anonymous)")
        #expect(anonymous.stdout.contains("No git user.email is set"))
        #expect(!(try sandbox.read("a/team.yaml")).contains("You, who ran gitdesk init"))

        let named = try sandbox.gitdesk(["init", "b", "--admin", "boss", "--name", "老板", "--email", "boss@corp.example"])
        try #require(named.status == 0, "\(named)")
        #expect(named.stdout.contains("Added you to team.yaml as 'boss' (admin, supervisor)"))
        // The founder may change the roster with plain git at once.
        let team = try sandbox.read("b/team.yaml")
        try sandbox.write("b/team.yaml", team + "  - {handle: sun, name: 孙, email: sun@corp.example, roles: [agent], department: customer_service}\n")
        let commit = try sandbox.git(["-c", "user.name=老板", "-c", "user.email=boss@corp.example", "commit", "-qam", "Our team"], in: "b")
        #expect(commit.status == 0, "\(commit)")

        // A handle that clashes with an example person is numbered.
        try sandbox.write("home/.gitconfig", "[user]\n\tname = Li\n\temail = li@corp.example\n")
        let clash = try sandbox.gitdesk(["init", "c"])
        try #require(clash.status == 0, "\(clash)")
        #expect(clash.stdout.contains("as 'li2'"), "\(clash)")

        expectOneLineRefusal(try sandbox.gitdesk(["init", "d", "--admin", "x y", "--email", "x@corp.example"]), mentioning: ["handle"])
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("d/.gitdesk")))
    }

    @Test("global options before the subcommand, as in git")
    func leadingOptions() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成")
        let list = try desk.sandbox.gitdesk(["-C", "desk", "--lang", "en", "list"])
        try #require(list.status == 0, "\(list)")
        #expect(list.stdout.contains(id) && list.stdout.contains("Status"))
        let comment = try desk.sandbox.gitdesk(["-C", "desk", "--as", "zhang", "comment", id, "已联系"])
        #expect(comment.status == 0, "\(comment)")
        #expect(try desk.gitOutput(["log", "-1", "--format=%an"]) == "技术小张")
        let joined = try desk.sandbox.gitdesk(["-Cdesk", "--as=li", "show", id])
        #expect(joined.status == 0, "\(joined)")
        expectOneLineRefusal(try desk.sandbox.gitdesk(["-C", "nowhere", "list"]), mentioning: ["nowhere"])
    }
}
