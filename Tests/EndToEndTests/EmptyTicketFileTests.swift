import Foundation
import Testing
import TestSupport

/// A ticket file of 0 bytes (a `touch`, a truncated copy, a failed editor
/// save) is called what it is — "empty ticket file" on the line naming the
/// file — by validate, show, list and the hooks, not "a ticket file starts
/// with a '---' line" at a line the file does not have.
@Suite("Empty ticket files")
struct EmptyTicketFileTests {
    @Test("validate, validate --all, show, list and the pre-commit hook name an empty ticket file as empty")
    func emptyFileNamed() throws {
        let desk = try TestDesk()
        let good = try desk.record(title: "询问会员积分兑换", type: "consult", now: "2024-05-01T15:20:00+08:00")
        let path = "tickets/2024/05/CS-20240501-EMPTY1.md"
        let said = "empty ticket file"
        try desk.write(path, "")
        #expect(try desk.git(["add", path]).status == 0)
        let commit = try desk.git(["-c", "user.name=客服小李", "-c", "user.email=li@desk.example", "commit", "-q", "-m", "hand edit"])
        #expect(commit.status != 0, "\(commit)")
        #expect(commit.stderr.split(separator: "\n").contains { $0.contains(path) && $0.contains(said) }, "hook: \(commit)")
        try desk.handCommit("plant an empty file")

        func named(_ result: Sandbox.Result) -> Bool {
            (result.stdout + result.stderr).split(separator: "\n").contains { $0.contains(path + ":1") && $0.contains(said) }
        }
        for args in [["validate"], ["validate", "--all"], ["show", "CS-20240501-EMPTY1"]] {
            let result = try desk.gitdesk(args)
            #expect(result.status == 1 && named(result), "\(args): \(result)")
            #expect(!(result.stdout + result.stderr).contains("'---'"), "\(args): \(result)")
        }
        let list = try desk.gitdesk(["list"])
        #expect(list.status == 0 && list.stdout.contains(good) && named(list), "\(list)")
    }
}
