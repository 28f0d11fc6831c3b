import Testing
@testable import GitKit

@Suite struct DiffTests {
    @Test func changedPathsBetweenTrees() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        let one = try repo.writeBlob(Array("1".utf8))
        let two = try repo.writeBlob(Array("2".utf8))
        let old = try repo.updatedTree(base: nil, changes: [
            .upsert("tickets/2024/05/A.md", one),
            .upsert("tickets/2024/05/B.md", one),
            .upsert("team.yaml", one),
        ])
        let new = try repo.updatedTree(base: old, changes: [
            .upsert("tickets/2024/05/A.md", two),
            .remove("tickets/2024/05/B.md"),
            .upsert("tickets/2024/06/C.md", one),
            .upsert("team.yaml", two),
        ])
        #expect(try repo.changedPaths(from: old, to: new) == [
            ChangedPath(path: "team.yaml", oldBlob: one, newBlob: two, newMode: 0o100644),
            ChangedPath(path: "tickets/2024/05/A.md", oldBlob: one, newBlob: two, newMode: 0o100644),
            ChangedPath(path: "tickets/2024/05/B.md", oldBlob: one, newBlob: nil),
            ChangedPath(path: "tickets/2024/06/C.md", oldBlob: nil, newBlob: one, newMode: 0o100644),
        ])
        #expect(try repo.changedPaths(from: old, to: new, under: "tickets/").map(\.path)
                == ["tickets/2024/05/A.md", "tickets/2024/05/B.md", "tickets/2024/06/C.md"])
        #expect(try repo.changedPaths(from: old, to: new, under: "tickets/2024/06/").map(\.path)
                == ["tickets/2024/06/C.md"])
        #expect(try repo.changedPaths(from: nil, to: old).map(\.newBlob) == [one, one, one])
        #expect(try repo.changedPaths(from: new, to: new).isEmpty)
        #expect(try repo.changedPaths(from: old, to: new).allSatisfy { $0.newBlob == nil || $0.newKind == .file })
    }
}
