import Testing
@testable import GitKit

/// Sizes like a busy desk: generous limits (debug build, shared machine),
/// the measured times are printed.
@Suite struct PerformanceTests {
    private func ticketPath(_ n: Int) -> String {
        "tickets/2024/\(n % 12 + 1 < 10 ? "0" : "")\(n % 12 + 1)/CS-\(100_000 + n).md"
    }

    @Test func listTenThousandFiles() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        var changes: [TreeChange] = []
        for n in 0..<10_000 {
            changes.append(.upsert(ticketPath(n), try repo.writeBlob(Array("ticket \(n)\n".utf8))))
        }
        let tree = try repo.updatedTree(base: nil, changes: changes)
        let clock = ContinuousClock()
        var files: [(path: String, blob: ObjectID)] = []
        let elapsed = try clock.measure { files = try repo.listFiles(inTree: tree, under: "tickets/") }
        print("listFiles 10k: \(elapsed)")
        #expect(files.count == 10_000)
        #expect(elapsed < .milliseconds(200))

        let one = try repo.writeBlob(Array("changed\n".utf8))
        let update = try clock.measure {
            _ = try repo.updatedTree(base: tree, changes: [.upsert(ticketPath(5_000), one)])
        }
        print("updatedTree in 10k: \(update)")
        #expect(update < .milliseconds(50))
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
        let clock = ContinuousClock()
        var found: [CommitInfo] = []
        let elapsed = try clock.measure { found = try repo.history(of: watched, from: head) }
        print("history over 3001 commits: \(elapsed), \(found.count) commits")
        #expect(found.count == expected)
        #expect(found.map(\.committer.time) == found.map(\.committer.time).sorted(by: >))
        #expect(elapsed < .milliseconds(1_500))
    }
}
