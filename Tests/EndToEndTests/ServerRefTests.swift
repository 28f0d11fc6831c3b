import Foundation
import Testing
import TestSupport

/// Ways around the server's rules through the refs a push names: another
/// ref first, a tag, a namespace gitdesk does not use, several refs in one
/// push, a ref that existed before the hook, an orphan branch, an empty
/// server. Each is tried with plain git and `--no-verify`, as an attacker would.
@Suite(.serialized) struct ServerRefTests {
    /// li (an agent) closes a new ticket by hand: new → closed is no transition.
    static func illegalClose(_ d: HookTestDesk) throws {
        try d.edit { $0.replacingOccurrences(of: "status: new", with: "status: closed")
            + "- 2024-05-01T15:00:00+08:00 li: 关闭 [status: new → closed]\n" }
        try d.commitByHand("close")
    }

    @Test func anIllegalCommitCannotBeLaunderedThroughAnotherRefFirst() throws {
        let d = try HookTestDesk()
        try Self.illegalClose(d)
        let before = try d.serverHead()
        for spec in ["HEAD:refs/tags/x", "HEAD:refs/heads/side", "HEAD:refs/hidden/x"] {
            let r = try d.push([spec], pusher: "li")
            #expect(r.status != 0, "\(spec) accepted: \(r)")
        }
        // A lightweight tag and a branch are judged like main...
        let tag = try d.push(["HEAD:refs/tags/x"], pusher: "li")
        #expect(tag.stderr.contains(": transition: "), "\(tag)")
        // ...and none of them exists on the server afterwards, so main is still judged.
        #expect(try d.rev("refs/tags/x", in: "server.git").isEmpty)
        #expect(try d.rev("refs/heads/side", in: "server.git").isEmpty)
        let main = try d.push(["main"], pusher: "li")
        #expect(main.status != 0)
        #expect(main.stderr.contains(": transition: "), "\(main)")
        #expect(try d.serverHead() == before)
    }

    @Test func anAnnotatedTagIsJudgedByTheCommitItNames() throws {
        let d = try HookTestDesk()
        try Self.illegalClose(d)
        try d.must(d.sandbox.git(["tag", "-a", "-m", "release", "v1"], in: "desk"))
        let r = try d.push(["refs/tags/v1"], pusher: "li")
        #expect(r.status != 0, "\(r)")
        #expect(r.stderr.contains(": transition: "), "\(r)")
        // A tag message carrying a phone number is refused without printing it.
        try d.must(d.sandbox.git(["reset", "-q", "--hard", "origin/main"], in: "desk"))
        try d.must(d.sandbox.git(["tag", "-a", "-m", "客户 13912345678", "v2"], in: "desk"))
        let message = try d.push(["refs/tags/v2"], pusher: "li")
        #expect(message.status != 0, "\(message)")
        #expect(message.stderr.contains("TAG_MSG"), "\(message)")
        #expect(!message.stderr.contains("13912345678"))
        // A clean tag of a judged commit passes.
        try d.must(d.sandbox.git(["tag", "-a", "-m", "五月", "v3"], in: "desk"))
        try d.must(d.push(["refs/tags/v3"], pusher: "li"))
    }

    @Test func refsOutsideTheAcceptedNamespacesAreRefusedUnlessConfigured() throws {
        let d = try HookTestDesk()
        try d.edit { $0 + "- 2024-05-01T15:00:00+08:00 li: 已电话联系客户\n" }
        try d.commitByHand("log a call")
        for ref in ["refs/notes/commits", "refs/pull/1/head", "refs/hidden/x", "refs/replace/abc"] {
            let r = try d.push(["HEAD:\(ref)"], pusher: "li")
            #expect(r.status != 0, "\(ref): \(r)")
            #expect(r.stderr.contains(": ref: this desk accepts pushes to refs/heads/* refs/tags/* only"), "\(r)")
        }
        try d.must(d.sandbox.git(["config", "gitdesk.allowRefs", "refs/heads/* refs/tags/* refs/notes/*"], in: "server.git"))
        try d.must(d.push(["HEAD:refs/notes/commits"], pusher: "li"))
        // A valid commit on an ordinary branch was always fine.
        try d.must(d.push(["HEAD:refs/heads/li-work"], pusher: "li"))
    }

    @Test func onePushOfSeveralRefsCannotMakeItsOwnCommitsExisting() throws {
        let d = try HookTestDesk()
        try Self.illegalClose(d)
        let before = try d.serverHead()
        let r = try d.push(["HEAD:refs/tags/first", "HEAD:refs/heads/side", "HEAD:main"], pusher: "li")
        #expect(r.status != 0, "\(r)")
        #expect(r.stderr.contains(": transition: "), "\(r)")
        #expect(try d.serverHead() == before)
        #expect(try d.rev("refs/tags/first", in: "server.git").isEmpty)
    }

    @Test func aRefThatPredatesTheHookDoesNotVouchForItsCommits() throws {
        let d = try HookTestDesk()
        try Self.illegalClose(d)
        let bad = try d.rev("HEAD")
        // The commit reaches the server without the hook (as if pushed before it was installed).
        try d.must(d.sandbox.git(["fetch", "-q", "../desk", "main:refs/heads/old"], in: "server.git"))
        #expect(try d.rev("refs/heads/old", in: "server.git") == bad)
        // Moving main onto it is judged all the same.
        let r = try d.push(["main"], pusher: "li")
        #expect(r.status != 0, "\(r)")
        #expect(r.stderr.contains(": transition: "), "\(r)")
        // A ref update whose old and new values are equal brings it under judgement too.
        let same = try d.sandbox.gitdesk(["hook", "pre-receive"], in: "server.git",
                                         env: ["GIT_DIR": ".", "GITDESK_PUSHER": "li"], stdin: "\(bad) \(bad) refs/heads/old\n")
        #expect(same.status == 1, "\(same)")
        #expect(same.stderr.contains(": transition: "), "\(same)")
        // A new branch at a commit main already has is fine.
        try d.must(d.push(["origin/main:refs/heads/at-main"], pusher: "li"))
    }

    @Test func anOrphanBranchOnAServerWithAnUnbornHeadIsRefused() throws {
        let d = try HookTestDesk(unbornServer: true)
        // git init --bare named master; install points HEAD at the protected branch (for git clone).
        #expect(try d.sandbox.git(["symbolic-ref", "HEAD"], in: "server.git").stdout == "refs/heads/main\n")
        #expect(try d.sandbox.git(["config", "gitdesk.branch"], in: "server.git").stdout == "main\n")
        // An orphan commit with its own roster (li as admin), no privacy kinds, and raw data in a ticket.
        try d.must(d.sandbox.git(["checkout", "-q", "--orphan", "evil"], in: "desk"))
        let team = try d.sandbox.read("desk/team.yaml")
        try d.sandbox.write("desk/team.yaml", team.replacingOccurrences(of: "roles: [agent]", with: "roles: [admin]"))
        try d.sandbox.write("desk/.gitdesk/schema/privacy.yaml", "kinds: []\n")
        try d.edit { $0.replacingOccurrences(of: "title: 支付成功但订单未生成", with: "title: 客户电话 13700001111") }
        try d.commitByHand("mine now")
        for pusher in ["li", nil] as [String?] {
            let r = try d.push(["evil"], pusher: pusher)
            #expect(r.status != 0, "\(r)")
            #expect(r.stderr.contains(": orphan: "), "\(r)")
            #expect(r.stderr.contains(": pii: "), "judged by main's rules, not its own: \(r)")
            #expect(!r.stderr.contains("13700001111"))
        }
        #expect(try d.rev("refs/heads/evil", in: "server.git").isEmpty)
        // Merged into main as unrelated history, the orphan is still a root commit the push brings.
        try d.must(d.sandbox.git(["checkout", "-q", "main"], in: "desk"))
        try d.must(d.sandbox.git(["merge", "-q", "--no-verify", "--allow-unrelated-histories", "-s", "ours", "-m", "join", "evil"], in: "desk"))
        let joined = try d.push(["main"], pusher: "li")
        #expect(joined.status != 0, "\(joined)")
        #expect(joined.stderr.contains(": orphan: "), "\(joined)")
        // An admin may bring unrelated history (e.g. joining two desks), still judged by main's rules.
        try d.must(d.sandbox.git(["checkout", "-q", "--orphan", "import", "main"], in: "desk"))
        try d.commitByHand("history from the old desk")
        try d.must(d.push(["import"], pusher: "admin"))
    }

    @Test func theFirstPushOfTheProtectedBranchBringsTheRulesAndNothingElseMayComeFirst() throws {
        let sandbox = try Sandbox("bootstrap")
        try sandbox.git(["config", "--global", "user.name", "管理员"])
        try sandbox.git(["config", "--global", "user.email", "admin@desk.example"])
        try sandbox.git(["config", "--global", "init.defaultBranch", "main"])
        try HookTestDesk.must(sandbox.git(["init", "-q", "--bare", "--initial-branch=master", "server.git"]))
        let install = try HookTestDesk.must(sandbox.gitdesk(["hooks", "install", "--server", "--branch", "desk", "-C", "server.git"]))
        #expect(install.stdout.contains("Protected branch: desk (git config gitdesk.branch; its rules judge every push); it does not exist yet"), "\(install)")
        #expect(install.stdout.contains("Accepted refs: refs/heads/* refs/tags/* (git config gitdesk.allowRefs); every other ref is refused"), "\(install)")
        try HookTestDesk.must(sandbox.gitdesk(["init", "work"], env: ["GITDESK_NOW": "2024-05-01T14:30:00+08:00"]))
        try HookTestDesk.must(sandbox.git(["remote", "add", "origin", "../server.git"], in: "work"))
        // Before the protected branch exists nothing else is accepted: its rules do not exist yet.
        let early = try sandbox.git(["push", "origin", "main"], in: "work", env: ["GITDESK_PUSHER": "admin"])
        #expect(early.status != 0, "\(early)")
        #expect(early.stderr.contains("the desk's branch desk does not exist on the server yet"), "\(early)")
        // The bootstrap needs an admin of the roster it brings.
        let agent = try sandbox.git(["push", "origin", "main:desk"], in: "work", env: ["GITDESK_PUSHER": "li"])
        #expect(agent.status != 0, "\(agent)")
        try HookTestDesk.must(sandbox.git(["push", "-q", "origin", "main:desk"], in: "work", env: ["GITDESK_PUSHER": "admin"]))
        try HookTestDesk.must(sandbox.git(["push", "-q", "origin", "main"], in: "work", env: ["GITDESK_PUSHER": "admin"]))
    }

    @Test func installSaysWhichBranchIsProtectedAndWhichRefsAreAccepted() throws {
        let d = try HookTestDesk()
        // Installed on a clone of the desk, the branch HEAD names is protected; it exists, so no bootstrap.
        let again = try d.must(d.sandbox.gitdesk(["hooks", "install", "--server", "-C", "server.git"]))
        #expect(again.stdout.contains("Protected branch: main (git config gitdesk.branch; its rules judge every push)\n"), "\(again)")
        #expect(again.stdout.contains("Accepted refs: refs/heads/* refs/tags/*"), "\(again)")
        let bad = try d.sandbox.gitdesk(["hooks", "install", "--server", "--branch", "refs/heads/main", "-C", "server.git"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("is not a branch name"), "\(bad)")
        #expect(try d.sandbox.gitdesk(["hooks", "install", "--branch", "main", "-C", "desk"]).status == 64)
        #expect(try d.sandbox.git(["config", "gitdesk.branch"], in: "server.git").stdout == "main\n")
    }

    @Test func noRefusalPrintsARawValue() throws {
        let d = try HookTestDesk()
        try d.sandbox.write("desk/tickets/2024/05/13812345678.txt", "客户来电\n")
        try d.sandbox.write("desk/notes/13912345678.md", "回电\n")
        try d.commitByHand("notes")
        let r = try d.push(["main"], pusher: "li")
        #expect(r.status != 0, "\(r)")
        #expect(r.stderr.contains(": layout: "), "\(r)")
        #expect(r.stderr.contains("138****5678"), "\(r)")
        #expect(r.stderr.contains(": pii: the file name holds a mobile number"), "\(r)")
        for raw in ["13812345678", "13912345678"] { #expect(!r.stderr.contains(raw), "\(r)") }
        let ci = try d.sandbox.gitdesk(["validate", "origin/main..HEAD", "--json"], in: "desk")
        #expect(ci.status == 1)
        for raw in ["13812345678", "13912345678"] { #expect(!ci.stdout.contains(raw), "\(ci)") }
        // The whole tree at HEAD says the same.
        let tree = try d.sandbox.gitdesk(["validate"], in: "desk")
        #expect(tree.status == 1)
        #expect(tree.stdout.contains("notes/139****5678.md:1: pii: the file name holds a mobile number"), "\(tree)")
        for raw in ["13812345678", "13912345678"] { #expect(!tree.stdout.contains(raw), "\(tree)") }
    }
}

extension HookTestDesk {
    /// `must` without a desk, for tests that build their own sandbox.
    static func must(_ result: Sandbox.Result, _ line: Int = #line) throws -> Sandbox.Result {
        guard result.status == 0 else { throw Failure(message: "line \(line): \(result)") }
        return result
    }
}
