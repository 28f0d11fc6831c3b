import Testing
@testable import GitKit

@Suite struct TreeComparerTests {
    /// Random edits (add, change, remove, nested folders) must give the same
    /// changed paths as libgit2's own tree diff.
    @Test func agreesWithLibgit2DiffOnRandomEdits() throws {
        let box = Sandbox()
        let repo = try box.makeRepository()
        var rng = SystemRandomNumberGenerator()
        var files: [String: String] = [:]
        var parent: ObjectID? = nil
        let comparer = TreeComparer(repository: repo)
        for round in 0..<40 {
            var edits: [String: String?] = [:]
            let committed = files
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let month = Int.random(in: 1...3, using: &rng)
                let path = "tickets/2024/0\(month)/T\(Int.random(in: 0..<12, using: &rng)).md"
                if committed[path] != nil && files[path] != nil && Bool.random(using: &rng) {
                    edits[path] = .some(nil)
                    files[path] = nil
                } else {
                    let text = "v\(round)-\(Int.random(in: 0..<1000, using: &rng))"
                    edits[path] = text
                    files[path] = text
                }
            }
            if Bool.random(using: &rng) { edits["team.yaml"] = "people: \(round)" }
            let commit = try repo.commitFiles(edits, parents: parent.map { [$0] } ?? [], minutes: Int64(round))
            let newTree = try repo.commit(commit).tree
            let oldTree = try parent.map { try repo.commit($0).tree }
            let expected = try repo.libgit2ChangedPaths(from: oldTree, to: newTree, under: "tickets/")
            let actual = try comparer.changes(from: oldTree, to: newTree, under: "tickets/")
            #expect(actual == expected, "round \(round)")
            #expect(!actual.contains { $0.path == "team.yaml" })
            #expect(try comparer.changes(from: oldTree, to: newTree, under: "team.yaml")
                    == (try repo.libgit2ChangedPaths(from: oldTree, to: newTree, under: "team.yaml")))
            #expect(try comparer.changes(from: oldTree, to: newTree)
                    == (try repo.libgit2ChangedPaths(from: oldTree, to: newTree)))
            parent = commit
        }
    }

    @Test func identicalTreesHaveNoChanges() throws {
        let box = Sandbox()
        let repo = try box.makeRepository()
        let c = try repo.commitFiles(["tickets/2024/05/A.md": "a"], parents: [], minutes: 1)
        let tree = try repo.commit(c).tree
        #expect(try TreeComparer(repository: repo).changedFiles(from: tree, to: tree, under: "tickets/").isEmpty)
        #expect(try TreeComparer(repository: repo).changedFiles(from: nil, to: tree, under: "tickets/") == ["tickets/2024/05/A.md"])
    }
}
