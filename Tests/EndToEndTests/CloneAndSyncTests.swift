import Foundation
import Testing
import TestSupport

/// `gitdesk clone`, `sync` and `status` against a real bare server with the
/// server hook, by path, over a real sshd and over smart HTTP (git
/// http-backend behind lighttpd).
@Suite struct CloneAndSyncTests {
    @Test(arguments: SyncTeam.Transport.allCases)
    func twoAgentsCommentOnOneTicketAndBothEntriesArrive(_ transport: SyncTeam.Transport) throws {
        let team = try SyncTeam(over: transport)
        let a = try team.clone("a", over: transport)
        let b = try team.clone("b", over: transport)
        #expect(FileManager.default.isExecutableFile(atPath: team.sandbox.path("a/.git/gitdesk/hooks/pre-commit")))

        let id = try team.record(a, title: "支付成功但订单未生成")
        #expect(try team.succeed(a, ["sync"]).contains("Pushed 1 commit to origin/main"))
        #expect(try team.succeed(b, ["sync"], as: "zhang").contains("Fetched 1 commit from origin/main: fast-forward"))

        try team.succeed(a, ["comment", id, "已电话联系客户"])
        try team.succeed(b, ["comment", id, "技术排查发现接口超时"], as: "zhang")
        try team.succeed(b, ["set", id, "module=APP-订单支付"], as: "zhang")
        #expect(try team.succeed(b, ["sync"], as: "zhang").contains("Pushed 2 commits"))

        let status = try team.succeed(a, ["status", "--fetch", "--json"])
        let counts = try #require(try JSONSerialization.jsonObject(with: Data(status.utf8)) as? [String: Any])
        #expect(counts["unpushed"] as? Int == 1)
        #expect(counts["unmerged"] as? Int == 2)
        #expect(counts["upstream"] as? String == "origin/main")

        let out = try team.succeed(a, ["sync"])
        #expect(out.contains("Fetched 2 commits from origin/main: merged"), "\(out)")
        #expect(out.contains("Pushed 2 commits"), "\(out)")  // the comment and the merge
        #expect(try team.succeed(b, ["sync"], as: "zhang").contains("fast-forward"))

        for clone in [a, b] {
            let text = try team.ticketText(clone, id)
            #expect(text.components(separatedBy: "已电话联系客户").count == 2)
            #expect(text.components(separatedBy: "技术排查发现接口超时").count == 2)
            #expect(text.contains("module: APP-订单支付"))
            try team.expectHealthy(clone)
        }
        #expect(try team.head(a) == team.head(b))
        #expect(try team.head(a) == team.head("server.git", "main"))
        let merge = try team.git(a, ["log", "-1", "--merges", "--format=%an%n%B"])
        #expect(merge.hasPrefix("客服小李\nSync: merge origin/main"), "\(merge)")
        #expect(merge.contains("Operation: sync"))
        #expect(try team.succeed(a, ["sync"]) == "Already in sync with origin/main: nothing to fetch, merge or push\n")
        #expect(try team.succeed(a, ["status"]).contains("0 local changes (commits) not pushed"))
    }

    @Test func cloneRefusesWhatIsNotADeskAndWhatCannotBeReached() throws {
        let team = try SyncTeam()
        try team.must(team.sandbox.git(["init", "-q", "--bare", "plain.git"]), #_sourceLocation)
        let notADesk = try team.sandbox.gitdesk(["clone", team.sandbox.path("plain.git"), "x"])
        expectOneLineRefusal(notADesk, mentioning: ["is not a gitdesk desk"])
        #expect(!FileManager.default.fileExists(atPath: team.sandbox.path("x")), "the non-desk clone was kept")

        let missing = try team.sandbox.gitdesk(["clone", team.sandbox.path("nowhere.git"), "y"])
        expectOneLineRefusal(missing, mentioning: ["cannot clone", "nowhere.git"])
        #expect(!FileManager.default.fileExists(atPath: team.sandbox.path("y")))
    }

    @Test func syncWithoutARemoteOrServerSaysWhatToDo() throws {
        let team = try SyncTeam()
        let alone = try team.sandbox.gitdesk(["sync", "--as", "li"], in: "seed")
        expectOneLineRefusal(alone, mentioning: ["no remote", "gitdesk clone"])

        let a = try team.clone("a")
        try FileManager.default.moveItem(atPath: team.sandbox.path("server.git"), toPath: team.sandbox.path("moved.git"))
        let gone = try team.gitdesk(a, ["sync"])
        expectOneLineRefusal(gone, mentioning: ["cannot reach origin"])
    }

    @Test(arguments: SyncTeam.Transport.allCases)
    func aPushTheServerRefusesPrintsItsReasonsAndKeepsTheLocalBranch(_ transport: SyncTeam.Transport) throws {
        let team = try SyncTeam(over: transport)
        let a = try team.clone("a", over: transport)
        let id = try team.record(a, title: "电话无法接通")
        try team.succeed(a, ["sync"])
        // A hand edit that skips the client hook: the server's hook refuses it.
        let path = try team.git(a, ["ls-files", "tickets"]).split(separator: "\n").first { $0.hasSuffix("\(id).md") }.map(String.init)!
        let text = try team.sandbox.read("a/\(path)")
        try team.sandbox.write("a/\(path)", text.replacingOccurrences(of: "title: 电话无法接通", with: "title: 客户电话 13700001111"))
        _ = try team.git(a, ["-c", "user.name=客服小李", "-c", "user.email=li@desk.example", "commit", "-qam", "hand edit", "--no-verify"])
        let before = try team.head(a)
        let serverBefore = try team.head("server.git", "main")

        let refused = try team.gitdesk(a, ["sync"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("origin refused the push"), "\(refused)")
        #expect(refused.stderr.contains("pii"), "the server's reason is missing: \(refused)")
        // The server's lines as it wrote them, each on its own line, then one verdict line.
        let lines = refused.stderr.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("remote: ") && $0.contains("pii") }, "\(refused)")
        #expect(lines.last?.contains("origin refused the push") == true && lines.last?.contains("pii") == false, "\(refused)")
        #expect(!refused.stderr.contains("13700001111"), "\(refused)")
        #expect(try team.head(a) == before)
        #expect(try team.head("server.git", "main") == serverBefore)
        #expect(try team.succeed(a, ["status"]).contains("1 local change (commits) not pushed"))
        // Plain git push over the same transport shows the hook's reasons too.
        let push = try team.sandbox.git(["push", "origin", "main"], in: a)
        #expect(push.status != 0 && push.stderr.contains("remote:") && push.stderr.contains("pii"), "\(push)")
        #expect(!push.stderr.contains("13700001111"), "the server printed raw personal data: \(push)")
    }

    @Test func aPushThatLosesTheRaceIsMergedAndRetried() throws {
        let team = try SyncTeam()
        let a = try team.clone("a")
        let b = try team.clone("b")
        let id = try team.record(a, title: "退款未到账")
        try team.succeed(a, ["sync"])
        try team.succeed(b, ["sync"], as: "zhang")
        try team.succeed(a, ["comment", id, "已核实退款单"])
        // The first time a pushes, b pushes first: a's pre-push hook runs b's sync.
        let hook = """
            #!/bin/sh
            [ -e "$HOME/raced" ] && exit 0
            touch "$HOME/raced"
            cd "\(team.sandbox.path(b))" && "$GITDESK_BIN" comment \(id) "财务确认已打款" --as zhang >/dev/null && "$GITDESK_BIN" sync --as zhang >/dev/null
            """
        try team.sandbox.write("a/.git/gitdesk/hooks/pre-push", hook)
        chmod(team.sandbox.path("a/.git/gitdesk/hooks/pre-push"), 0o755)

        let out = try team.succeed(a, ["sync"])
        #expect(out.contains("Another push came first 1 time: merged and retried"), "\(out)")
        #expect(out.contains("Pushed"), "\(out)")
        #expect(try team.head(a) == team.head("server.git", "main"))
        let text = try team.ticketText(a, id)
        #expect(text.contains("已核实退款单") && text.contains("财务确认已打款"))
        try team.expectHealthy(a)
    }
}

/// What `gitdesk diff` reads without a range, as a reviewer expects it.
@Suite struct DiffDefaultRangeTests {
    @Test func afterASyncDiffShowsWhatTheSyncBroughtInAndBeforeAPushWhatWouldBePushed() throws {
        let team = try SyncTeam()
        let a = try team.clone("a")
        let b = try team.clone("b")
        let id = try team.record(a, title: "支付成功但订单未生成")
        try team.succeed(a, ["comment", id, "已电话联系客户"])
        try team.succeed(a, ["sync"])
        try team.succeed(b, ["sync"], as: "zhang")
        // In step with the server: the two commits the sync fetched.
        let incoming = try team.succeed(b, ["diff", "--json"], as: nil)
        #expect(incoming.contains(id) && incoming.contains("已电话联系客户") && incoming.contains("支付成功但订单未生成"), "\(incoming)")
        // Unpushed work: only that.
        try team.succeed(b, ["comment", id, "技术排查发现接口超时"], as: "zhang")
        let outgoing = try team.succeed(b, ["diff", "--json"], as: nil)
        #expect(outgoing.contains("技术排查发现接口超时") && !outgoing.contains("已电话联系客户"), "\(outgoing)")
    }
}
