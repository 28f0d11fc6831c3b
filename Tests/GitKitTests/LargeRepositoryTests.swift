import Testing
@testable import GitKit

/// Trees and histories of the size a busy desk reaches. Correctness only:
/// speed is measured by `make bench`, never asserted in a test.
@Suite struct LargeRepositoryTests {
    private func ticketPath(_ n: Int) -> String {
        "tickets/2024/\(n % 12 + 1 < 10 ? "0" : "")\(n % 12 + 1)/CS-\(100_000 + n).md"
    }

    @Test func tenThousandFilesListAndUpdateOnePath() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        var changes: [TreeChange] = []
        for n in 0..<10_000 {
            changes.append(.upsert(ticketPath(n), try repo.writeBlob(Array("ticket \(n)\n".utf8))))
        }
        let tree = try repo.updatedTree(base: nil, changes: changes)
        let files = try repo.listFiles(inTree: tree, under: "tickets/")
        #expect(files.count == 10_000)
        #expect(Set(files.map(\.path)) == Set((0..<10_000).map(ticketPath)))

        let one = try repo.writeBlob(Array("changed\n".utf8))
        let updated = try repo.updatedTree(base: tree, changes: [.upsert(ticketPath(5_000), one)])
        let after = try repo.listFiles(inTree: updated, under: "tickets/")
        #expect(after.count == 10_000)
        let changed = Dictionary(uniqueKeysWithValues: after.map { ($0.path, $0.blob) })
        let before = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.blob) })
        #expect(changed[ticketPath(5_000)] == one)
        #expect(changed.filter { before[$0.key] != $0.value }.map(\.key) == [ticketPath(5_000)])
    }

    @Test func historyOfOneTicketInALongHistory() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        var changes: [TreeChange] = []
        for n in 0..<2_000 {
            changes.append(.upsert(ticketPath(n), try repo.writeBlob(Array("ticket \(n)\n".utf8))))
        }
        let sig = signature(minutes: 0)
        var tree = try repo.updatedTree(base: nil, changes: changes)
        var head = try repo.createCommit(tree: tree, parents: [], author: sig, committer: sig, message: "import\n")
        let watched = ticketPath(7)
        var expected = 1
        for step in 1...3_000 {
            let n = step % 97 == 0 ? 7 : (step * 31) % 2_000
            if n == 7 { expected += 1 }
            let blob = try repo.writeBlob(Array("ticket \(n) step \(step)\n".utf8))
            tree = try repo.updatedTree(base: tree, changes: [.upsert(ticketPath(n), blob)])
            let time = signature(minutes: Int64(step))
            head = try repo.createCommit(tree: tree, parents: [head], author: time, committer: time, message: "step\n")
        }
        let found = try repo.history(of: watched, from: head)
        #expect(found.count == expected)
        #expect(found.map(\.committer.time) == found.map(\.committer.time).sorted(by: >))
    }
}
