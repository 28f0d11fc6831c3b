import Foundation
import Testing
import TestSupport

/// `gitdesk validate` in its three modes.
@Suite struct ValidateCommandTests {
    @Test func aCleanDeskValidates() throws {
        let d = try HookTestDesk()
        for args in [["validate"], ["validate", "--all"], ["validate", "--staged"], ["validate", "origin/main..HEAD"]] {
            let r = try d.sandbox.gitdesk(args, in: "desk")
            #expect(r.status == 0, "\(args): \(r)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.hasPrefix("gitdesk validate: ok, "), "\(args): \(r)")
        }
    }

    @Test func stagedChecksTheIndexAndPrintsFileLineRuleMessage() throws {
        let d = try HookTestDesk()
        try d.edit { $0.replacingOccurrences(of: "status: new", with: "status: bogus") }
        try d.must(d.sandbox.git(["add", "-A"], in: "desk"))
        let r = try d.sandbox.gitdesk(["validate", "--staged"], in: "desk")
        #expect(r.status == 1)
        #expect(r.stdout.contains("\(d.path):5: field-value: "), "\(r)")
        let json = try d.sandbox.gitdesk(["validate", "--staged", "--json"], in: "desk")
        #expect(json.status == 1)
        let array = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(array?.first?["rule"] as? String == "field-value")
        #expect(array?.first?["file"] as? String == d.path)
    }

    @Test func allScansHistoryAndCommitMessages() throws {
        let d = try HookTestDesk()
        // A raw number committed past the hooks, then removed again: still in history.
        try d.edit { $0.replacingOccurrences(of: "title: 支付成功但订单未生成", with: "title: 电话 13912347777") }
        try d.must(d.sandbox.git(["commit", "-q", "--no-verify", "-am", "oops 13912346666"], in: "desk"))
        try d.edit { $0.replacingOccurrences(of: "title: 电话 13912347777", with: "title: 电话 139****7777") }
        try d.must(d.sandbox.git(["commit", "-q", "--no-verify", "-am", "masked"], in: "desk"))
        #expect(try d.sandbox.gitdesk(["validate"], in: "desk").status == 0)
        let all = try d.sandbox.gitdesk(["validate", "--all"], in: "desk")
        #expect(all.status == 1)
        #expect(all.stdout.contains(":COMMIT_MSG:1: pii: "))
        #expect(all.stdout.contains(":\(d.path):4: pii: "))
        #expect(!all.stdout.contains("13912347777"))
    }

    @Test func hooksInstallIntoACloneAndABareRepository() throws {
        let d = try HookTestDesk()
        for name in ["pre-commit", "commit-msg", "pre-merge-commit"] {
            #expect(FileManager.default.isExecutableFile(atPath: d.sandbox.path("desk/.git/gitdesk/hooks/\(name)")))
        }
        #expect(FileManager.default.isExecutableFile(atPath: d.sandbox.path("server.git/hooks/pre-receive")))
        #expect(FileManager.default.isExecutableFile(atPath: d.sandbox.path("server.git/hooks/post-receive")))
        // The embedded scripts are the files of hooks/.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for name in ["pre-commit", "commit-msg", "pre-merge-commit", "pre-receive", "post-receive"] {
            let installed = try? String(contentsOfFile: d.sandbox.path(name.hasSuffix("-receive") ? "server.git/hooks/\(name)" : "desk/.git/gitdesk/hooks/\(name)"), encoding: .utf8)
            let source = try String(contentsOf: root.appendingPathComponent("hooks/\(name)"), encoding: .utf8)
            #expect(installed == source, "\(name)")
        }
    }
}
