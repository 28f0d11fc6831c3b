import Testing
@testable import GitKit

@Suite struct TreeBuildingTests {
    @Test func nestedUpsertsAndRemovals() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        let a = try repo.writeBlob(Array("a\n".utf8))
        let b = try repo.writeBlob(Array("b\n".utf8))
        let c = try repo.writeBlob(Array("c\n".utf8))
        let first = try repo.updatedTree(base: nil, changes: [
            .upsert("tickets/2024/05/X.md", a),
            .upsert("tickets/2024/05/Y.md", b),
            .upsert("tickets/2024/06/Z.md", c),
            .upsert("team.yaml", a),
        ])
        #expect(try repo.listFiles(inTree: first).map(\.path)
                == ["team.yaml", "tickets/2024/05/X.md", "tickets/2024/05/Y.md", "tickets/2024/06/Z.md"])

        let second = try repo.updatedTree(base: first, changes: [
            .upsert("tickets/2024/05/X.md", c),
            .remove("tickets/2024/06/Z.md"),
        ])
        let files = try repo.listFiles(inTree: second, under: "tickets/")
        #expect(files.map(\.path) == ["tickets/2024/05/X.md", "tickets/2024/05/Y.md"])
        #expect(files.map(\.blob) == [c, b])
        // A directory emptied by a removal disappears, as with git.
        #expect(try repo.entry(at: "tickets/2024/06", inTree: second) == nil)
        // The unchanged sibling subtree is shared, not rewritten.
        #expect(try repo.entry(at: "team.yaml", inTree: second) == repo.entry(at: "team.yaml", inTree: first))
        #expect(try repo.listFiles(inTree: second, under: "tickets/2024/06").isEmpty)
        #expect(try repo.listFiles(inTree: second, under: "team.yaml").isEmpty)
        #expect(try repo.listFiles(inTree: second, under: "tickets/2024/05").count == 2)
    }

    @Test func emptyTreeIsTheWellKnownOne() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        #expect(try repo.writeEmptyTree().hex == "4b825dc642cb6eb9a060e54bf8d69288fbee4904")
        #expect(try repo.updatedTree(base: nil, changes: []).hex == "4b825dc642cb6eb9a060e54bf8d69288fbee4904")
    }
}
