import Foundation
import Testing
@testable import GitKit

@Suite struct ReferenceTests {
    @Test func compareAndSwapMovesTheBranchAndHeadFollows() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        let first = try repo.commitFiles(["a": "1"], parents: [], minutes: 1)
        let second = try repo.commitFiles(["a": "2"], parents: [first], minutes: 2)

        try repo.updateReference("refs/heads/main", to: first, expecting: nil, message: "gitdesk: new")
        #expect(try repo.head() == .branch(name: "refs/heads/main", commit: first))
        #expect(try !repo.isEmpty)
        try repo.updateReference("refs/heads/main", to: second, expecting: first, message: "gitdesk: set")
        #expect(try repo.referenceTarget("refs/heads/main") == second)
        #expect(try repo.referenceTarget("HEAD") == second)

        // HEAD is symbolic to main: libgit2 writes HEAD's reflog too.
        let reflog = try git(["reflog", "show", "--format=%gs", "HEAD"], in: repo.path)
        #expect(reflog.output == "gitdesk: set\ngitdesk: new\n")
    }

    @Test func staleExpectationIsModified() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        let base = try repo.commitFiles(["a": "1"], parents: [], minutes: 1)
        let mine = try repo.commitFiles(["a": "mine"], parents: [base], minutes: 2)
        let theirs = try repo.commitFiles(["a": "theirs"], parents: [base], minutes: 3)
        try repo.updateReference("refs/heads/main", to: base, expecting: nil, message: nil)
        try repo.updateReference("refs/heads/main", to: theirs, expecting: base, message: nil)
        do {
            try repo.updateReference("refs/heads/main", to: mine, expecting: base, message: nil)
            Issue.record("a stale compare-and-swap succeeded")
        } catch let error as GitError {
            #expect(error.code == .modified)
            #expect(!error.message.isEmpty)
        }
        #expect(try repo.referenceTarget("refs/heads/main") == theirs)
    }

    @Test func creatingAnExistingRefIsExists() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        let one = try repo.commitFiles(["a": "1"], parents: [], minutes: 1)
        let two = try repo.commitFiles(["a": "2"], parents: [], minutes: 2)
        try repo.updateReference("refs/heads/main", to: one, expecting: nil, message: nil)
        do {
            try repo.updateReference("refs/heads/main", to: two, expecting: nil, message: nil)
            Issue.record("created a reference that exists")
        } catch let error as GitError {
            #expect(error.code == .exists)
        }
        #expect(try repo.referenceTarget("refs/heads/main") == one)
    }

    @Test func expectingAValueOfAMissingRefIsModified() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        let one = try repo.commitFiles(["a": "1"], parents: [], minutes: 1)
        #expect { try repo.updateReference("refs/heads/gone", to: one, expecting: one, message: nil) }
            throws: { ($0 as? GitError)?.code == .modified }
        #expect(try repo.referenceTarget("refs/heads/gone") == nil)
    }

    @Test func heldLockIsLocked() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        let one = try repo.commitFiles(["a": "1"], parents: [], minutes: 1)
        let two = try repo.commitFiles(["a": "2"], parents: [one], minutes: 2)
        try repo.updateReference("refs/heads/main", to: one, expecting: nil, message: nil)
        let lock = repo.gitDir + "/refs/heads/main.lock"
        _ = FileManager.default.createFile(atPath: lock, contents: Data())
        #expect { try repo.updateReference("refs/heads/main", to: two, expecting: one, message: nil) }
            throws: { ($0 as? GitError)?.code == .locked }
        try FileManager.default.removeItem(atPath: lock)
        try repo.updateReference("refs/heads/main", to: two, expecting: one, message: nil)
        #expect(try repo.referenceTarget("refs/heads/main") == two)
    }

    @Test func listAndDeleteReferences() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        let one = try repo.commitFiles(["a": "1"], parents: [], minutes: 1)
        let two = try repo.commitFiles(["a": "2"], parents: [one], minutes: 2)
        try repo.updateReference("refs/heads/main", to: two, expecting: nil, message: nil)
        try repo.updateReference("refs/heads/side", to: one, expecting: nil, message: nil)
        try repo.updateReference("refs/tags/v1", to: one, expecting: nil, message: nil)
        let heads = try repo.references(matching: "refs/heads/*").sorted { $0.name < $1.name }
        #expect(heads == [Reference(name: "refs/heads/main", target: two),
                          Reference(name: "refs/heads/side", target: one)])
        #expect { try repo.deleteReference("refs/heads/side", expecting: two) }
            throws: { ($0 as? GitError)?.code == .modified }
        try repo.deleteReference("refs/heads/side", expecting: one)
        #expect(try repo.referenceTarget("refs/heads/side") == nil)
    }

    @Test func detachedHead() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        let one = try repo.commitFiles(["a": "1"], parents: [], minutes: 1)
        try repo.updateReference("refs/heads/main", to: one, expecting: nil, message: nil)
        try git(["checkout", "-q", "--detach", "main"], in: repo.path)
        #expect(try repo.head() == .detached(one))
    }

    @Test func mergeBaseAndAncestry() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        let base = try repo.commitFiles(["a": "1"], parents: [], minutes: 1)
        let left = try repo.commitFiles(["a": "2"], parents: [base], minutes: 2)
        let right = try repo.commitFiles(["b": "2"], parents: [base], minutes: 3)
        let lonely = try repo.commitFiles(["c": "1"], parents: [], minutes: 4)
        #expect(try repo.mergeBase(left, right) == base)
        #expect(try repo.mergeBase(left, lonely) == nil)
        #expect(try repo.isAncestor(base, of: left))
        #expect(try repo.isAncestor(left, of: left))
        #expect(try !repo.isAncestor(left, of: base))
        #expect(try !repo.isAncestor(left, of: right))
    }
}
