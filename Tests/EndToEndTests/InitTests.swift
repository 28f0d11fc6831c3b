import Foundation
import Testing
import TestSupport

/// Setting up a desk: in a new directory, or on top of an existing repository.
@Suite("gitdesk init")
struct InitTests {
    @Test("init on a desk refuses clearly and changes nothing")
    func initTwice() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成")
        let head = try desk.head
        let team = try desk.read("team.yaml")
        expectOneLineRefusal(try desk.sandbox.gitdesk(["init", "desk"]), mentioning: ["already a gitdesk desk"])
        expectOneLineRefusal(try desk.sandbox.gitdesk(["init", "--prefix", "IT"], in: "desk"), mentioning: ["already a gitdesk desk"])
        #expect(try desk.head == head)
        #expect(try desk.porcelain == "")
        #expect(try desk.read("team.yaml") == team)
        #expect(try desk.showJSON(id)["id"] as? String == id)
    }

    @Test("init in an existing repository with commits adds the desk in one commit on top")
    func initOnExistingRepository() throws {
        let sandbox = try Sandbox("gitdesk-e2e")
        try #require(try sandbox.git(["init", "-q", "-b", "main", "support"]).status == 0)
        try sandbox.write("support/README.md", "# 客服中心\n")
        try sandbox.write("support/.gitattributes", "*.png binary\n")
        try #require(try sandbox.git(["add", "."], in: "support").status == 0)
        let commit = try sandbox.git(["-c", "user.name=Admin", "-c", "user.email=admin@desk.example", "commit", "-qm", "start"], in: "support")
        try #require(commit.status == 0, "\(commit)")
        let before = try sandbox.git(["rev-parse", "HEAD"], in: "support").stdout.trimmingCharacters(in: .whitespacesAndNewlines)

        let result = try sandbox.gitdesk(["init"], in: "support")
        try #require(result.status == 0, "\(result)")

        #expect(try sandbox.git(["rev-list", "--count", "HEAD"], in: "support").stdout == "2\n")
        #expect(try sandbox.git(["rev-parse", "HEAD^"], in: "support").stdout.trimmingCharacters(in: .whitespacesAndNewlines) == before)
        let added = try sandbox.git(["show", "--format=", "--name-status", "HEAD"], in: "support").stdout
        for file in [".gitdesk/config.yaml", ".gitdesk/schema/fields.yaml", "team.yaml", "templates/README.md"] {
            #expect(added.contains("A\t\(file)"), "\(file) not added: \(added)")
        }
        #expect(!added.contains("M\t"), "init modified existing files: \(added)")
        // What was there stays as it was.
        #expect(try sandbox.read("support/README.md") == "# 客服中心\n")
        #expect(try sandbox.read("support/.gitattributes") == "*.png binary\n")
        #expect(try sandbox.git(["status", "--porcelain"], in: "support").stdout == "")

        // And it is a working desk.
        let id = try sandbox.gitdesk(["new", "--as", "li", "--type", "consult", "--channel", "web", "--title", "询问会员积分兑换"], in: "support")
        #expect(id.status == 0, "\(id)")
        #expect(try sandbox.git(["rev-list", "--count", "HEAD"], in: "support").stdout == "3\n")
    }

    @Test("init refuses a bad prefix or time zone and writes nothing")
    func badSettings() throws {
        let sandbox = try Sandbox("gitdesk-e2e")
        expectOneLineRefusal(try sandbox.gitdesk(["init", "a", "--prefix", "cs-1"]), mentioning: ["prefix"])
        expectOneLineRefusal(try sandbox.gitdesk(["init", "b", "--timezone", "Mars/Olympus"]), mentioning: ["Mars/Olympus"])
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("a/.git")))
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("b/.git")))
    }
}
