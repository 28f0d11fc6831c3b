import Foundation
import Testing
import GitKit
@testable import TicketStore

/// A private HOME before the first libgit2 call, so no test reads a developer's git config.
enum StoreTestEnvironment {
    static let root: String = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ticketstore-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: dir + "/home", withIntermediateDirectories: true)
        // One directory per test process, removed when the process exits.
        atexit { try? FileManager.default.removeItem(atPath: StoreTestEnvironment.root) }
        setenv("HOME", dir + "/home", 1)
        setenv("XDG_CONFIG_HOME", dir + "/home/.config", 1)
        setenv("GIT_CONFIG_NOSYSTEM", "1", 1)
        return dir
    }()

    static func newRepository() throws -> Repository {
        try Repository.create(at: root + "/" + UUID().uuidString, bare: false)
    }
}

extension Repository {
    func commit(_ files: [String: String], parents: [ObjectID], minute: Int64) throws -> ObjectID {
        let base = try parents.first.map { try commit($0).tree }
        let changes = try files.sorted { $0.key < $1.key }.map { TreeChange.upsert($0.key, try writeBlob(Array($0.value.utf8))) }
        let tree = try updatedTree(base: base, changes: changes)
        let sig = Signature(name: "T", email: "t@example.com", time: 1_714_500_000 + minute * 60, offsetMinutes: 480)
        return try createCommit(tree: tree, parents: parents, author: sig, committer: sig, message: "m\(minute)\n")
    }
}

@Suite struct HistoryIndexTests {
    let a = "tickets/2024/05/A.md", b = "tickets/2024/05/B.md", c = "tickets/2024/06/C.md"

    /// The index answers exactly what the direct walk answers, across a
    /// merge, after catching up, and after history is rewritten.
    @Test func agreesWithTheDirectWalk() throws {
        let repo = try StoreTestEnvironment.newRepository()
        let c1 = try repo.commit([a: "a1", b: "b1"], parents: [], minute: 1)
        let c2 = try repo.commit([a: "a2"], parents: [c1], minute: 2)
        let side = try repo.commit([b: "b2", c: "c1"], parents: [c1], minute: 3)
        let merge = try repo.commit([b: "b2", c: "c1"], parents: [c2, side], minute: 4)
        let c5 = try repo.commit([a: "a3"], parents: [merge], minute: 5)
        let index = HistoryIndex(repository: repo)
        for path in [a, b, c, "tickets/2024/07/none.md"] {
            #expect(try index.commits(touching: path, tip: c5) == (try repo.history(of: path, from: c5).map(\.id)), "\(path)")
        }
        // Catch up by two commits.
        let c6 = try repo.commit([c: "c2"], parents: [c5], minute: 6)
        let c7 = try repo.commit([a: "a4", c: "c3"], parents: [c6], minute: 7)
        for path in [a, b, c] {
            #expect(try index.commits(touching: path, tip: c7) == (try repo.history(of: path, from: c7).map(\.id)))
        }
        // A rewritten branch (not a descendant of the indexed tip) rebuilds.
        let other = try repo.commit([b: "b9"], parents: [c2], minute: 8)
        for path in [a, b, c] {
            #expect(try index.commits(touching: path, tip: other) == (try repo.history(of: path, from: other).map(\.id)))
        }
    }

    @Test func recordingAWriteKeepsTheIndexCurrent() throws {
        let repo = try StoreTestEnvironment.newRepository()
        let c1 = try repo.commit([a: "a1"], parents: [], minute: 1)
        let index = HistoryIndex(repository: repo)
        #expect(try index.commits(touching: a, tip: c1) == [c1])
        let c2 = try repo.commit([a: "a2"], parents: [c1], minute: 2)
        index.record(commit: c2, parent: c1, path: a)
        #expect(try index.commits(touching: a, tip: c2) == [c2, c1])
        // A record whose parent is not the indexed tip is ignored; catch-up fills it in.
        let c3 = try repo.commit([a: "a3"], parents: [c2], minute: 3)
        let c4 = try repo.commit([a: "a4"], parents: [c3], minute: 4)
        index.record(commit: c4, parent: c3, path: a)
        #expect(try index.commits(touching: a, tip: c4) == [c4, c3, c2, c1])
    }
}
