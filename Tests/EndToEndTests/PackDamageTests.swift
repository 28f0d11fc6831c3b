import Foundation
import Testing
import TestSupport

/// A packfile damaged on disk, or an object a tree refers to that the
/// repository lacks: every command that needs it ends in one line naming the
/// object and pointing to `git fsck`.
@Suite("Pack damage and missing objects")
struct PackDamageTests {
    func watched(_ desk: TestDesk, _ args: [String]) throws -> Sandbox.Result {
        try desk.sandbox.run("/usr/bin/timeout", ["60", GitdeskBinary.path] + args, in: desk.dir,
                             env: ["GITDESK_NOW": "2024-05-02T10:00:00+08:00"])
    }

    @Test("a blob a tree refers to is missing: show, validate and list name it and git fsck")
    func missingBlob() throws {
        let desk = try TestDesk()
        let gone = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        let good = try desk.record(title: "询问会员积分兑换", type: "consult", now: "2024-05-01T15:20:00+08:00")
        let blob = try desk.gitOutput(["rev-parse", "HEAD:\(try desk.ticketPath(gone))"])
        try FileManager.default.removeItem(atPath: desk.path(".git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))"))
        expectOneLineRefusal(try watched(desk, ["show", gone]), mentioning: [blob, "git fsck"])
        let validate = try watched(desk, ["validate", "--all"])
        #expect(validate.status == 1 && validate.stderr.contains(blob) && validate.stderr.contains("git fsck"), "\(validate)")
        #expect(!validate.stderr.contains("unknown revision"), "\(validate)")
        let list = try watched(desk, ["list", "--format", "csv"])
        #expect(list.status == 0 && list.stdout.contains(good), "\(list)")
        #expect(list.stderr.contains(blob) && list.stderr.contains("git fsck"), "\(list)")
    }

    @Test("a damaged packfile: show and list end in one line naming an object and git fsck")
    func damagedPack() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "退款未到账", now: "2024-05-01T14:30:00+08:00")
        #expect(try desk.git(["gc", "-q"]).status == 0)
        let packs = try FileManager.default.contentsOfDirectory(atPath: desk.path(".git/objects/pack")).filter { $0.hasSuffix(".pack") }
        let pack = desk.path(".git/objects/pack/\(try #require(packs.first))")
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: pack)))
        for i in stride(from: 32, to: bytes.count - 20, by: 7) { bytes[i] ^= 0x55 }
        chmod(pack, 0o644)
        try Data(bytes).write(to: URL(fileURLWithPath: pack))
        for args in [["show", id], ["list"], ["history", id]] {
            let result = try watched(desk, args)
            expectOneLineRefusal(result, mentioning: ["git fsck"])
            #expect(result.stderr.range(of: "object [0-9a-f]{40}", options: .regularExpression) != nil, "\(args): \(result)")
        }
    }

    /// A desk packed by `git gc`, its ticket's blob and the pack and index files.
    func packedDesk() throws -> (TestDesk, id: String, blob: String, pack: String, idx: String) {
        let desk = try TestDesk()
        let id = try desk.record(title: "退款未到账", now: "2024-05-01T14:30:00+08:00")
        #expect(try desk.git(["gc", "-q"]).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: desk.path(".git/objects/pack"))
        let pack = desk.path(".git/objects/pack/\(try #require(names.first { $0.hasSuffix(".pack") }))")
        let idx = String(pack.dropLast(5)) + ".idx"
        let blob = try desk.gitOutput(["rev-parse", "HEAD:\(try desk.ticketPath(id))"])
        return (desk, id, blob, pack, idx)
    }

    func flip(_ path: String, _ change: (inout [UInt8]) throws -> Void) throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        try change(&bytes)
        chmod(path, 0o644)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test("a flipped byte in a .pack: the error names that pack file, git fsck and recovering from a clone of the server")
    func damagedPackNamed() throws {
        let (desk, id, _, pack, _) = try packedDesk()
        try flip(pack) { bytes in for i in stride(from: 32, to: bytes.count - 20, by: 7) { bytes[i] ^= 0x55 } }
        for args in [["show", id], ["history", id]] {
            expectOneLineRefusal(try watched(desk, args), mentioning: [pack, "damaged", "git fsck", "clone of the server"])
        }
    }

    @Test("a flipped byte in a .idx (the ticket's object ID): the error names the .idx, not a missing object alone")
    func damagedIdxNamed() throws {
        let (desk, id, blob, _, idx) = try packedDesk()
        try flip(idx) { bytes in
            let key = (0..<20).map { UInt8(blob.dropFirst($0 * 2).prefix(2), radix: 16)! }
            let at = try #require((0...(bytes.count - 20)).first { Array(bytes[$0..<($0 + 20)]) == key })
            bytes[at + 19] ^= 0x01
        }
        for args in [["show", id], ["validate"]] {
            let result = try watched(desk, args)
            #expect(result.status == 1, "\(args): \(result)")
            #expect(result.stderr.contains(idx) && result.stderr.contains("damaged") && result.stderr.contains("git fsck"), "\(args): \(result)")
        }
    }
}
