import Foundation
import Testing
@testable import TicketStore

@Suite struct AtomicFileTests {
    let dir = StoreTestEnvironment.root + "/atomic-" + UUID().uuidString

    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".tmp") }
    }

    @Test func replacesTheWholeFileAndLeavesNoTemporaryFile() throws {
        let path = dir + "/a/b/ticket.md"
        try AtomicFile.replace(path, with: Array("第一版\n".utf8), makeDirectory: true)
        try AtomicFile.replace(path, with: Array("第二版\n".utf8))
        #expect(FileManager.default.contents(atPath: path) == Data("第二版\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/a/b") == ["ticket.md"])
    }

    @Test func givesTheModeAskedFor() throws {
        let path = dir + "/pre-receive"
        try AtomicFile.replace(path, with: Array("#!/bin/sh\n".utf8), mode: 0o755, makeDirectory: true)
        let mode = try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode & 0o100 != 0)
    }

    @Test func aFailedWriteNamesThePathAndKeepsTheOldFile() throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let missing = dir + "/no-such-dir/x.md"
        #expect(throws: AtomicFile.Failure.self) { try AtomicFile.replace(missing, with: [1, 2, 3]) }
        do { try AtomicFile.replace(missing, with: [1]) } catch {
            #expect(error.description.hasPrefix("cannot write \(missing): "))
        }
        // A directory in the way of the rename: the old content stays, no temporary file is left.
        let path = dir + "/kept"
        try FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
        #expect(throws: AtomicFile.Failure.self) { try AtomicFile.replace(path, with: [1]) }
        #expect(FileManager.default.fileExists(atPath: path + "/inside"))
        #expect(try leftovers().isEmpty)
    }
}
