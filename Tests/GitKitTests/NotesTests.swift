import Foundation
import Testing
@testable import GitKit

@Suite struct NotesTests {
    @Test func notesAreAddedOnceInOneCommitAndReadBackByGit() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository(bare: true)
        let first = try repo.commitFiles(["a": "1"], parents: [], minutes: 1)
        let second = try repo.commitFiles(["a": "2"], parents: [first], minutes: 2)
        let third = try repo.commitFiles(["a": "3"], parents: [second], minutes: 3)
        let ref = "refs/notes/arrivals"
        let who = Signature(name: "server", email: "server@example.com", time: 1_700_000_000)
        #expect(try repo.note(on: first, ref: ref) == nil)

        let tip = try #require(try repo.notesCommit(adding: [(first, "arrived: one\n")], onto: nil, signature: who))
        try repo.updateReference(ref, to: tip, expecting: nil, message: nil)
        // A note already there is kept (the first arrival wins); only the new one is added.
        let next = try #require(try repo.notesCommit(adding: [(first, "arrived: again\n"), (second, "arrived: two\n"), (third, "arrived: three\n")],
                                                     onto: tip, signature: who))
        try repo.updateReference(ref, to: next, expecting: tip, message: nil)
        #expect(try repo.note(on: first, ref: ref) == "arrived: one\n")
        #expect(try repo.note(on: second, ref: ref) == "arrived: two\n")
        #expect(try repo.notesCommit(adding: [(second, "x")], onto: next, signature: who) == nil)
        #expect(try git(["notes", "--ref", ref, "show", second.hex], in: repo.path).output == "arrived: two\n")
        // The notes of a call land in one commit on top of the previous one.
        #expect(try repo.note(on: third, ref: ref) == "arrived: three\n")
        #expect(try repo.commit(next).parents == [tip])
        #expect(try git(["rev-list", "--count", ref], in: repo.path).output == "2\n")
    }

    /// A notes tree fanned out into directories (as `git notes` does with many
    /// notes) is extended by libgit2, which follows the fan-out.
    @Test func aFannedOutNotesTreeKeepsItsLayout() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository(bare: true)
        let first = try repo.commitFiles(["a": "1"], parents: [], minutes: 1)
        let second = try repo.commitFiles(["a": "2"], parents: [first], minutes: 2)
        let ref = "refs/notes/arrivals"
        let who = Signature(name: "server", email: "server@example.com", time: 1_700_000_000)
        let hex = first.hex
        let fanned = try repo.updatedTree(base: nil, changes: [.upsert(String(hex.prefix(2)) + "/" + hex.dropFirst(2), repo.writeBlob(Array("arrived: one\n".utf8)))])
        let tip = try repo.createCommit(tree: fanned, parents: [], author: who, committer: who, message: "notes\n")
        try repo.updateReference(ref, to: tip, expecting: nil, message: nil)
        #expect(try repo.note(on: first, ref: ref) == "arrived: one\n")
        let next = try #require(try repo.notesCommit(adding: [(first, "again\n"), (second, "arrived: two\n")], onto: tip, signature: who))
        try repo.updateReference(ref, to: next, expecting: tip, message: nil)
        #expect(try repo.note(on: first, ref: ref) == "arrived: one\n")
        #expect(try repo.note(on: second, ref: ref) == "arrived: two\n")
        #expect(try git(["notes", "--ref", ref, "show", second.hex], in: repo.path).output == "arrived: two\n")
    }

    @Test func aFetchRefspecIsAddedOnce() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        _ = try git(["remote", "add", "origin", "../server.git"], in: repo.path)
        let spec = "+refs/notes/arrivals:refs/notes/arrivals"
        try repo.addFetchRefspec(spec, remote: "origin")
        try repo.addFetchRefspec(spec, remote: "origin")
        #expect(try repo.fetchRefspecs(remote: "origin") == ["+refs/heads/*:refs/remotes/origin/*", spec])
    }
}
