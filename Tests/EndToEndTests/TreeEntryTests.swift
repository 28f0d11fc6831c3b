import Foundation
import Testing
import TestSupport

/// Under tickets/ only regular files and folders; `tickets` is a folder; a
/// submodule anywhere is refused with one clear line, never a libgit2 error.
@Suite(.serialized) struct TreeEntryTests {
    /// A blob holding `text`, written into the desk's object store.
    static func blob(_ d: HookTestDesk, _ text: String) throws -> String {
        try d.sandbox.write("blob.txt", text)
        return try d.must(d.sandbox.git(["hash-object", "-w", "../blob.txt"], in: "desk")).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func refused(_ d: HookTestDesk, _ what: String) throws {
        try d.must(d.sandbox.git(["commit", "-q", "--no-verify", "-m", what], in: "desk"))
        let before = try d.serverHead()
        let push = try d.push(["HEAD:main"], pusher: "li")
        #expect(push.status != 0, "\(what): the server accepted it: \(push)")
        #expect(push.stderr.contains(": tree-entry: "), "\(what): \(push)")
        #expect(!push.stderr.lowercased().contains("libgit2") && !push.stderr.contains("object not found"), "\(push)")
        #expect(try d.serverHead() == before)
        try d.must(d.sandbox.git(["reset", "-q", "--hard", "origin/main"], in: "desk"))
    }

    @Test func onlyRegularFilesUnderTickets() throws {
        let d = try HookTestDesk()
        // A symlink whose target text is a valid ticket.
        let text = try d.sandbox.read("desk/\(d.path)")
        let id = String(d.id.dropLast()) + (d.id.hasSuffix("2") ? "3" : "2")
        let linkPath = "tickets/2024/05/\(id).md"
        let target = try Self.blob(d, text.replacingOccurrences(of: d.id, with: id))
        try d.must(d.sandbox.git(["update-index", "--add", "--cacheinfo", "120000,\(target),\(linkPath)"], in: "desk"))
        try Self.refused(d, "symlink ticket")
        // An executable ticket.
        try d.must(d.sandbox.git(["update-index", "--chmod=+x", d.path], in: "desk"))
        try Self.refused(d, "executable ticket")
        // A submodule, under tickets/ and elsewhere.
        let head = try d.rev("HEAD")
        for path in ["tickets/2024/05/sub", "vendor/sub"] {
            try d.must(d.sandbox.git(["update-index", "--add", "--cacheinfo", "160000,\(head),\(path)"], in: "desk"))
            try Self.refused(d, "submodule \(path)")
        }
    }

    @Test func ticketsIsAFolder() throws {
        let d = try HookTestDesk()
        try d.must(d.sandbox.git(["rm", "-r", "-q", "--cached", "tickets"], in: "desk"))
        let target = try Self.blob(d, "../elsewhere")
        try d.must(d.sandbox.git(["update-index", "--add", "--cacheinfo", "120000,\(target),tickets"], in: "desk"))
        try Self.refused(d, "tickets symlink")
    }
}
