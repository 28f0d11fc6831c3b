import Foundation
import Testing
import TestSupport

/// A ticket file that holds no ticket — empty, `---\n---\n`, or front matter
/// without an ID — is never passed over in silence.
@Suite("Hollow ticket files")
struct HollowTicketFileTests {
    static let hollow: [(name: String, text: String)] = [
        ("CS-20240501-EMPTY1", ""),
        ("CS-20240501-EMPTY2", "---\n---\n"),
        ("CS-20240501-EMPTY3", "---\ntitle: 只有标题\n---\n"),
    ]

    @Test("validate --all reports each, list warns once per file on stderr, the pre-commit hook refuses each")
    func reportedEverywhere() throws {
        let desk = try TestDesk()
        let good = try desk.record(title: "询问会员积分兑换", type: "consult", now: "2024-05-01T15:20:00+08:00")
        for file in Self.hollow {
            let path = "tickets/2024/05/\(file.name).md"
            try desk.write(path, file.text)
            #expect(try desk.git(["add", path]).status == 0)
            let commit = try desk.git(["-c", "user.name=客服小李", "-c", "user.email=li@desk.example", "commit", "-q", "-m", "hand edit"])
            #expect(commit.status != 0 && commit.stderr.contains(path), "the hook let \(file.name) in: \(commit)")
            try desk.handCommit("plant \(file.name)")
        }
        let validate = try desk.gitdesk(["validate", "--all"])
        #expect(validate.status == 1, "\(validate)")
        for file in Self.hollow {
            #expect((validate.stdout + validate.stderr).contains("\(file.name).md"), "\(file.name): \(validate)")
        }
        for args in [["list"], ["list", "--format", "json"], ["list", "--status", "new"]] {
            let list = try desk.gitdesk(args)
            #expect(list.status == 0, "\(list)")
            #expect(list.stdout.contains(good), "\(list)")
            for file in Self.hollow {
                #expect(list.stderr.components(separatedBy: "\(file.name).md").count == 2,
                        "\(args): want one warning naming \(file.name): \(list)")
            }
        }
    }
}

/// gitdesk run from inside `.git` or from a ticket folder writes into the
/// desk's work tree and index, so `git status` is clean afterwards.
@Suite("Writes from any directory")
struct WriteFromAnyDirectoryTests {
    @Test("a comment from .git, from .git/refs and from tickets/2024/05 leaves git status clean")
    func indexInStepWhateverTheDirectory() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        for (n, dir) in [".git", ".git/refs", "tickets/2024/05"].enumerated() {
            let result = try desk.sandbox.gitdesk(["comment", id, "第\(n)次跟进", "--as", "li"], in: "\(desk.dir)/\(dir)",
                                                   env: ["GITDESK_NOW": "2024-05-01T15:0\(n):00+08:00"])
            #expect(result.status == 0, "\(dir): \(result)")
            let status = try desk.porcelain
            #expect(status.isEmpty, "from \(dir): \(status)")
            #expect(try desk.read(try desk.ticketPath(id)).contains("第\(n)次跟进"), "from \(dir)")
            #expect(!FileManager.default.fileExists(atPath: desk.path("\(dir)/tickets")), "wrote a work tree under \(dir)")
        }
    }
}
