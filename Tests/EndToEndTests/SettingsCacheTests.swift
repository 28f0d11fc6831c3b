import Foundation
import Testing
import TestSupport

/// `.git/gitdesk/settings.cache` saves decoding the YAML settings on every
/// command; it is never the source of truth, so any damage to it only costs
/// a rebuild.
@Suite("The settings cache")
struct SettingsCacheTests {
    let now = "2024-05-01T16:00:00+08:00"
    static let file = ".git/gitdesk/settings.cache"

    func cache(_ desk: TestDesk) throws -> String { try desk.read(Self.file) }

    /// 64-bit FNV-1a in 16 hex digits, as the cache's second line.
    static func checksum(_ text: Substring) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The cache with its body replaced and the checksum made to match.
    static func resealed(_ text: String, body: (Substring) -> String) -> String {
        let parts = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        let newBody = body(parts[2])
        return parts[0] + "\n" + checksum(Substring(newBody)) + "\n" + newBody
    }

    @Test("the key, a checksum, the config and then the schema and roster; history decodes only the config")
    func layoutAndLazyDecoding() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成")
        let text = try cache(desk)
        let lines = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("gitdesk-settings-7:"))
        #expect(lines[1] == Self.checksum(lines[2]))
        #expect(lines[2].hasPrefix("2:CS\n13:Asia/Shanghai\n2:en\n"), "\(lines[2].prefix(80))")
        #expect(text.contains("9:处理中\n"), "labels written as they are")

        let trace = ["GITDESK_TRACE": "1"]
        let history = try desk.gitdesk(["history", id], env: trace)
        #expect(history.status == 0)
        #expect(history.stderr.contains("config from cache"), "\(history.stderr)")
        #expect(!history.stderr.contains("schema and roster"), "\(history.stderr)")
        let show = try desk.gitdesk(["show", id], env: trace)
        #expect(show.status == 0)
        #expect(show.stderr.contains("schema and roster from cache"), "\(show.stderr)")
    }

    @Test("a damaged, truncated or foreign cache is rebuilt and every command answers as before")
    func damageIsHarmless() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成")
        let original = try cache(desk)
        let lines = original.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        let damaged = [
            original.replacingOccurrences(of: "处理中", with: "处理仲"),               // a byte changed: the checksum differs
            lines[0] + "\n" + "0123456789abcdef" + "\n" + lines[2],                 // the checksum changed
            Self.resealed(original) { String($0.prefix($0.count * 2 / 3)) },         // schema cut, checksum matching
            Self.resealed(original) { $0.replacingOccurrences(of: "2:en\n", with: "2:fr\n") },  // a language it does not know
            Self.resealed(original) { $0 + "1\n" },                                   // a value too many
            lines[0] + "\n",                                                         // truncated
            "gitdesk-settings-6:abc:def\n{}\n{}\n",                                 // an older format
            "",
        ]
        for (n, text) in damaged.enumerated() {
            let shown = try desk.succeed(["show", id, "--json"], now: now)
            let history = try desk.succeed(["history", id])
            try desk.write(Self.file, text)
            #expect(try desk.succeed(["show", id, "--json"], now: now) == shown, "case \(n)")
            // Repaired: the same bytes as before the damage.
            #expect(try cache(desk) == original, "case \(n)")
            try desk.write(Self.file, text)
            #expect(try desk.succeed(["history", id]) == history, "case \(n)")
            try desk.write(Self.file, text)
            try desk.succeed(["comment", id, "已排查 \(n)"], as: "zhang")
        }
    }
}
