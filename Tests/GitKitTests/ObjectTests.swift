import Testing
@testable import GitKit

@Suite struct ObjectTests {
    @Test func objectIDHexRoundTrip() {
        let hex = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
        let id = ObjectID(hex: hex)
        #expect(id?.hex == hex)
        #expect(ObjectID(hex: hex.uppercased()) == id)
        #expect(id?.bytes.count == 20)
        #expect(ObjectID(bytes: id!.bytes) == id)
        #expect(id?.shortHex() == "4b825dc")
        #expect(ObjectID(hex: "4b825dc") == nil)
        #expect(ObjectID(hex: String(repeating: "g", count: 40)) == nil)
    }

    @Test func writeBlobTreeAndCommitWithoutMovingRefs() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        let text = Array("标题: 打印机无法连接\n".utf8)
        let blob = try repo.writeBlob(text)
        #expect(try repo.blob(blob) == text)
        let empty = try repo.writeBlob([])
        #expect(empty.hex == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")
        #expect(try repo.blob(empty) == [])

        let tree = try repo.updatedTree(base: nil, changes: [
            .upsert("tickets/2024/05/CS-20240501-7K3FQ2.md", blob),
            .upsert("hooks/pre-commit", empty, executable: true),
        ])
        let author = signature("李娜", minutes: 1)
        let committer = signature("王芳", minutes: 2)
        let id = try repo.createCommit(tree: tree, parents: [], author: author, committer: committer,
                                       message: "CS-20240501-7K3FQ2: 新建\n\nTicket: CS-20240501-7K3FQ2\n")
        let info = try repo.commit(id)
        #expect(info.id == id)
        #expect(info.tree == tree)
        #expect(info.parents.isEmpty)
        #expect(info.author == author)
        #expect(info.committer == committer)
        #expect(info.summary == "CS-20240501-7K3FQ2: 新建")
        #expect(info.message.hasSuffix("Ticket: CS-20240501-7K3FQ2\n"))
        // createCommit touches no reference.
        #expect(try repo.head() == .unborn(name: "refs/heads/main"))

        #expect(try repo.entry(at: "tickets/2024/05/CS-20240501-7K3FQ2.md", inTree: tree)
                == TreeEntry(id: blob, mode: 0o100644))
        #expect(try repo.entry(at: "hooks/pre-commit", inTree: tree)?.kind == .executable)
        #expect(try repo.entry(at: "tickets/2024", inTree: tree)?.kind == .tree)
        #expect(try repo.entry(at: "tickets/2024/06/nope.md", inTree: tree) == nil)
        #expect(try repo.fileContents(at: "tickets/2024/05/CS-20240501-7K3FQ2.md", inTree: tree) == text)
        #expect(try repo.fileContents(at: "tickets", inTree: tree) == nil)
    }

    @Test func writtenObjectsPassGitFsck() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        let first = try repo.commitFiles(["tickets/2024/05/A.md": "a\n", "team.yaml": "people: []\n"],
                                         parents: [], minutes: 1)
        let second = try repo.commitFiles(["tickets/2024/05/A.md": nil, "tickets/2024/06/B.md": "b\n"],
                                          parents: [first], minutes: 2)
        try repo.updateReference("refs/heads/main", to: second, expecting: nil, message: "test")
        let fsck = try git(["fsck", "--strict", "--no-dangling"], in: repo.path)
        #expect(fsck.status == 0, "\(fsck.output)")
        let log = try git(["log", "--format=%an|%cn|%s", "main"], in: repo.path)
        #expect(log.output == "李娜|李娜|change\n李娜|李娜|change\n")
    }
}
