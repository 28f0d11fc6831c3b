import Testing
@testable import GitKit

@Suite struct HistoryTests {
    @Test func onlyCommitsThatTouchThePathNewestFirst() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        let x = "tickets/2024/05/X.md", y = "tickets/2024/05/Y.md"
        let c1 = try repo.commitFiles(["team.yaml": "people: []\n"], parents: [], minutes: 1)
        let c2 = try repo.commitFiles([x: "new\n"], parents: [c1], minutes: 2)
        let c3 = try repo.commitFiles([y: "other\n"], parents: [c2], minutes: 3)
        let c4 = try repo.commitFiles([x: "in_progress\n"], parents: [c3], minutes: 4)
        let c5 = try repo.commitFiles([y: "other 2\n"], parents: [c4], minutes: 5)
        #expect(try repo.history(of: x, from: c5).map(\.id) == [c4, c2])
        #expect(try repo.history(of: y, from: c5).map(\.id) == [c5, c3])
        #expect(try repo.history(of: "team.yaml", from: c5).map(\.id) == [c1])
        #expect(try repo.history(of: x, from: c5, limit: 1).map(\.id) == [c4])
        #expect(try repo.history(of: "tickets/2024/05/NEVER.md", from: c5).isEmpty)
        #expect(try repo.history(of: "tickets/2024", from: c5).isEmpty)
    }

    @Test func mergesCountOnlyWhenTheyDifferFromEveryParent() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        let x = "tickets/2024/05/X.md", y = "tickets/2024/06/Y.md"
        let base = try repo.commitFiles([x: "v1\n"], parents: [], minutes: 1)
        let left = try repo.commitFiles([x: "left\n"], parents: [base], minutes: 2)
        let right = try repo.commitFiles([x: "right\n", y: "y\n"], parents: [base], minutes: 3)
        // A merge that resolves X to a new text: it touches X.
        let merged = try repo.commitFiles([x: "left+right\n", y: "y\n"], parents: [left, right], minutes: 4)
        // A merge that takes one side's X as is: it does not.
        let side = try repo.commitFiles(["z": "z\n"], parents: [merged], minutes: 5)
        let plain = try repo.commitFiles(["z": "z\n"], parents: [merged, side], minutes: 6)

        #expect(try repo.history(of: x, from: plain).map(\.id) == [merged, right, left, base])
        #expect(try repo.history(of: y, from: plain).map(\.id) == [right])
        #expect(try repo.history(of: "z", from: plain).map(\.id) == [side])
    }

    @Test func deletionIsAChange() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        let c1 = try repo.commitFiles(["a": "1", "b": "1"], parents: [], minutes: 1)
        let c2 = try repo.commitFiles(["a": nil], parents: [c1], minutes: 2)
        let c3 = try repo.commitFiles(["b": "2"], parents: [c2], minutes: 3)
        #expect(try repo.history(of: "a", from: c2).map(\.id) == [c2, c1])
        // The pruning boundary: absent at c3 and at its parent c2.
        #expect(try repo.history(of: "a", from: c3).isEmpty)
        #expect(try repo.history(of: "a", from: c3, includeDeleted: true).map(\.id) == [c2, c1])
        #expect(try repo.history(of: "never", from: c3, includeDeleted: true).isEmpty)
    }
}
