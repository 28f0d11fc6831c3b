import Foundation
import Testing
import TestSupport

/// Issue 10 (attacker review, HIGH): a huge blob that git compresses to
/// almost nothing (a sparse file made by `truncate`) was read whole where
/// libgit2 looks objects up itself — a tag naming it (`peel`), a tree entry
/// whose mode says "directory" (the tree walk of `list`, a path lookup) —
/// although `blob()` checked the header. Every full read of an object now
/// passes one size gate in the object database (the loose guard for loose
/// objects, the pack gate for packed ones), so the memory stays bounded.
/// 200 MB proves the point as well as 2 GB (and costs a tenth of the time):
/// a whole read would take more than 200 MB of memory.
@Suite("Huge sparse objects")
struct HugeSparseObjectTests {
    /// The peak memory of a command, in KB, from /usr/bin/time (installed by `make deps`).
    func peakKB(_ desk: TestDesk, _ args: [String], env: [String: String] = [:], stdin: String? = nil,
                in directory: String? = nil) throws -> (kb: Int, result: Sandbox.Result) {
        let report = desk.sandbox.path("time-\(UUID().uuidString).txt")
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/time"), "/usr/bin/time is missing: run make deps")
        let result = try desk.sandbox.run("/usr/bin/time", ["-o", report, "-f", "%M", GitdeskBinary.path] + args,
                                          in: directory ?? desk.dir, env: env, stdin: stdin)
        let text = try String(contentsOfFile: report, encoding: .utf8)
        let kb = try #require(text.split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }, "\(text)")
        return (kb, result)
    }

    /// A tree object written as is from an `ls-tree` listing (`git mktree`
    /// refuses a wrong type, which is the point here): raw entries in git's
    /// order, hashed with `git hash-object -t tree --literally`.
    func mktree(_ desk: TestDesk, _ listing: String) throws -> String {
        var entries: [(key: [UInt8], bytes: [UInt8])] = []
        for line in listing.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            let fields = parts[0].split(separator: " ")
            let mode = String(fields[0]), hex = String(fields[2]), name = String(parts[1])
            let isTree = mode == "040000"
            var bytes = Array((isTree ? "40000" : mode).utf8) + [32] + Array(name.utf8) + [0]
            var i = hex.startIndex
            while i < hex.endIndex {
                let next = hex.index(i, offsetBy: 2)
                bytes.append(UInt8(hex[i..<next], radix: 16)!)
                i = next
            }
            entries.append((Array(name.utf8) + (isTree ? [47] : []), bytes))
        }
        entries.sort { $0.key.lexicographicallyPrecedes($1.key) }
        let file = desk.sandbox.path("tree-\(UUID().uuidString)")
        try Data(entries.flatMap(\.bytes)).write(to: URL(fileURLWithPath: file))
        return try desk.gitOutput(["hash-object", "-t", "tree", "--literally", "-w", file])
    }

    @Test("a tag and a directory entry naming a 200 MB sparse blob are refused from its header, loose or packed",
          arguments: [false, true])
    func hugeBlobBehindLookups(packed: Bool) throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        let sparse = desk.sandbox.path("sparse.bin")
        #expect(FileManager.default.createFile(atPath: sparse, contents: nil))
        #expect(truncate(sparse, 200 << 20) == 0)
        let blob = try desk.gitOutput(["hash-object", "-w", sparse])
        try FileManager.default.removeItem(atPath: sparse)

        // A lightweight tag naming the blob, as a hostile push would bring it.
        #expect(try desk.git(["tag", "huge", blob]).status == 0)
        // A commit whose `tickets/2099` entry says "directory" but names the blob.
        let tickets = try desk.gitOutput(["rev-parse", "HEAD:tickets"])
        let ticketsListing = try desk.gitOutput(["ls-tree", tickets]) + "\n040000 tree \(blob)\t2099\n"
        let badTickets = try mktree(desk, ticketsListing)
        let root = try desk.gitOutput(["rev-parse", "HEAD^{tree}"])
        let entries = try desk.gitOutput(["ls-tree", root]).split(separator: "\n").filter { !$0.hasSuffix("\ttickets") }
        let tree = try mktree(desk, (entries.map(String.init) + ["040000 tree \(badTickets)\ttickets"]).joined(separator: "\n") + "\n")
        let commit = try desk.gitOutput(["-c", "user.name=x", "-c", "user.email=x@desk.example", "commit-tree", tree, "-p", "HEAD", "-m", "bad tree"])
        #expect(try desk.git(["update-ref", "refs/heads/bad", commit]).status == 0)
        if packed {
            // The blob alone into a pack (a repack would refuse the bad tree), its loose copy removed.
            let pack = try desk.sandbox.run("/usr/bin/git", ["pack-objects", "-q", ".git/objects/pack/pack"], in: desk.dir, stdin: blob + "\n")
            #expect(pack.status == 0, "\(pack)")
            #expect(try desk.git(["prune-packed"]).status == 0)
            let loose = desk.path(".git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))")
            #expect(!FileManager.default.fileExists(atPath: loose))
        }

        // The server's hook judging a push of the tag.
        let gitDir = desk.path(".git")
        let hook = try peakKB(desk, ["hook", "pre-receive"], env: ["GIT_DIR": gitDir],
                              stdin: "\(String(repeating: "0", count: 40)) \(blob) refs/tags/huge2\n")
        #expect(hook.result.status != 0, "\(hook.result)")
        #expect(hook.kb < 150_000, "the pre-receive hook took \(hook.kb) KB: it read the blob")

        // Every command reading the bad commit's tree: one line, bounded memory.
        let validate = try peakKB(desk, ["validate", "HEAD..bad"])
        #expect(validate.result.status != 0, "\(validate.result)")
        #expect(validate.kb < 150_000, "validate took \(validate.kb) KB: it read the blob")
        #expect((validate.result.stdout + validate.result.stderr).contains(blob), "\(validate.result)")
        #expect(try desk.git(["symbolic-ref", "HEAD", "refs/heads/bad"]).status == 0)
        for args in [["list"], ["show", id]] {
            let run = try peakKB(desk, args)
            #expect(run.kb < 150_000, "\(args) took \(run.kb) KB: it read the blob")
            #expect(run.result.stderr.split(separator: "\n").count <= 1, "\(run.result)")
            if run.result.status != 0 { #expect(run.result.stderr.contains(blob) && run.result.stderr.contains("16 MiB"), "\(run.result)") }
        }
    }

    @Test("a revision typed as an abbreviated ID of a 200 MB sparse blob is refused from its header, loose or packed",
          arguments: [false, true])
    func abbreviatedID(packed: Bool) throws {
        let desk = try TestDesk()
        _ = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        let sparse = desk.sandbox.path("sparse.bin")
        #expect(FileManager.default.createFile(atPath: sparse, contents: nil))
        #expect(truncate(sparse, 200 << 20) == 0)
        let blob = try desk.gitOutput(["hash-object", "-w", sparse])
        try FileManager.default.removeItem(atPath: sparse)
        if packed {
            let pack = try desk.sandbox.run("/usr/bin/git", ["pack-objects", "-q", ".git/objects/pack/pack"], in: desk.dir, stdin: blob + "\n")
            #expect(pack.status == 0, "\(pack)")
            #expect(try desk.git(["prune-packed"]).status == 0)
        }
        // libgit2 reads an object by a short ID through another path (read_prefix) than by its full ID.
        let short = String(blob.prefix(10))
        for args in [["validate", short], ["validate", "\(short)..HEAD"]] {
            let run = try peakKB(desk, args)
            #expect(run.result.status != 0, "\(args): \(run.result)")
            #expect(run.kb < 150_000, "\(args) took \(run.kb) KB: it read the blob")
            #expect(run.result.stderr.contains(blob) && run.result.stderr.contains("16 MiB"), "\(args): \(run.result)")
            #expect(run.result.stderr.split(separator: "\n").count == 1, "\(args): \(run.result)")
        }
    }
}
