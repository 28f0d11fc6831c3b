import Foundation
import Testing
@testable import GitKit

@Suite struct IndexTests {
    /// Writes `text` at `path` the gitdesk way: blob + tree + commit + CAS + index.
    private func commitThroughGitKit(_ repo: Repository, path: String, text: String, minutes: Int64) throws {
        let head = try repo.head()
        let base = try head.commit.map { try repo.commit($0).tree }
        try Data(text.utf8).write(to: URL(fileURLWithPath: repo.workdir! + "/" + path))
        let blob = try repo.writeBlob(Array(text.utf8))
        let tree = try repo.updatedTree(base: base, changes: [.upsert(path, blob)])
        let sig = signature(minutes: minutes)
        let commit = try repo.createCommit(tree: tree, parents: head.commit.map { [$0] } ?? [],
                                           author: sig, committer: sig, message: "\(path)\n")
        try repo.updateReference(head.branchName!, to: commit, expecting: head.commit, message: "gitdesk")
        try repo.stageFile(path: path)
    }

    @Test func stageFileLeavesGitStatusClean() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        try FileManager.default.createDirectory(atPath: repo.workdir! + "/tickets/2024/05", withIntermediateDirectories: true)
        try commitThroughGitKit(repo, path: "tickets/2024/05/A.md", text: "new\n", minutes: 1)
        try commitThroughGitKit(repo, path: "tickets/2024/05/A.md", text: "in_progress\n", minutes: 2)
        try commitThroughGitKit(repo, path: "tickets/2024/05/B.md", text: "new\n", minutes: 3)
        let status = try git(["status", "--porcelain"], in: repo.path)
        #expect(status.status == 0)
        #expect(status.output == "")
        let headTree = try repo.commit(try repo.head().commit!).tree
        #expect(try repo.writeIndexTree() == headTree)
    }

    @Test func detectsWhatTheUserStaged() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        try FileManager.default.createDirectory(atPath: repo.workdir! + "/tickets", withIntermediateDirectories: true)
        #expect(try repo.indexMatchesHead(path: "tickets/A.md", headTree: nil))
        try commitThroughGitKit(repo, path: "tickets/A.md", text: "one\n", minutes: 1)
        try commitThroughGitKit(repo, path: "tickets/B.md", text: "one\n", minutes: 2)
        let headTree = try repo.commit(try repo.head().commit!).tree
        #expect(try repo.indexMatchesHead(path: "tickets/A.md", headTree: headTree))
        #expect(try repo.indexEntry("tickets/A.md") == repo.entry(at: "tickets/A.md", inTree: headTree)?.id)

        try sandbox.write("edited by hand\n", to: "repo/tickets/A.md")
        #expect(try repo.indexMatchesHead(path: "tickets/A.md", headTree: headTree))  // unstaged only
        try git(["add", "tickets/A.md"], in: repo.path)
        #expect(try !repo.indexMatchesHead(path: "tickets/A.md", headTree: headTree))
        #expect(try repo.indexMatchesHead(path: "tickets/B.md", headTree: headTree))
        #expect(try repo.indexMatchesHead(path: "tickets/C.md", headTree: headTree))

        let staged = try repo.indexEntries(under: "tickets/")
        #expect(staged.map(\.path) == ["tickets/A.md", "tickets/B.md"])
        #expect(try repo.blob(staged[0].blob) == Array("edited by hand\n".utf8))
        #expect(try repo.indexEntries(under: "templates/").isEmpty)
        let indexTree = try repo.writeIndexTree()
        #expect(try repo.fileContents(at: "tickets/A.md", inTree: indexTree) == Array("edited by hand\n".utf8))

        try FileManager.default.removeItem(atPath: repo.workdir! + "/tickets/B.md")
        try repo.unstageFile(path: "tickets/B.md")
        #expect(try repo.indexEntry("tickets/B.md") == nil)
    }

    @Test func heldIndexLockIsLocked() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        try sandbox.write("x\n", to: "repo/a.txt")
        _ = FileManager.default.createFile(atPath: repo.gitDir + "/index.lock", contents: Data())
        #expect { try repo.stageFile(path: "a.txt") } throws: { ($0 as? GitError)?.code == .locked }
        try FileManager.default.removeItem(atPath: repo.gitDir + "/index.lock")
        try repo.stageFile(path: "a.txt")
        #expect(try repo.indexEntry("a.txt") != nil)
    }

    @Test func bareRepositoryHasNoIndexToStage() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository("bare.git", bare: true)
        #expect { try repo.stageFile(path: "a.txt") } throws: { ($0 as? GitError)?.code == .bareRepo }
    }
}
