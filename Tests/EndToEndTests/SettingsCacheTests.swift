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

    func cache(_ desk: TestDesk) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: URL(fileURLWithPath: desk.path(Self.file))))
    }

    func write(_ desk: TestDesk, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: desk.path(Self.file)))
    }

    @Test("the key on a line, then the config and the schema and roster; history decodes only the config")
    func layoutAndLazyDecoding() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成")
        let bytes = try cache(desk)
        let key = bytes.split(separator: 10, maxSplits: 1).first.map { String(decoding: $0, as: UTF8.self) } ?? ""
        #expect(key.hasPrefix("gitdesk-settings-7:"), "\(key)")
        // The config and the rules are in the binary encoding, not JSON.
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("Asia/Shanghai") && text.contains("supervisor") && !text.contains("\"timezone\""))

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
        let good = try cache(desk)
        let keyEnd = try #require(good.firstIndex(of: 10))
        let configLength = Int(good[keyEnd + 1]) | Int(good[keyEnd + 2]) << 8
        let rulesStart = keyEnd + 5 + configLength
        var hugeLength = good
        hugeLength[keyEnd + 4] = 0x7F
        var flipped = good
        for i in stride(from: rulesStart, to: good.count, by: 97) { flipped[i] ^= 0x5A }
        let damaged: [[UInt8]] = [
            Array(good[..<(good.count - 40)]),                                   // rules truncated
            Array(good[...keyEnd]) + [1, 0, 0, 0, 9] + Array(good[rulesStart...]),  // config unreadable
            Array(good[...keyEnd]),                                             // only the key
            hugeLength,                                                          // a length beyond the file
            flipped,                                                             // rules with bytes changed
            Array("gitdesk-settings-6:abc:def\n{}\n{}\n".utf8),                 // an older format
            [],
        ]
        for (n, bytes) in damaged.enumerated() {
            let shown = try desk.succeed(["show", id, "--json"], now: now)
            let history = try desk.succeed(["history", id])
            try write(desk, bytes)
            #expect(try desk.succeed(["show", id, "--json"], now: now) == shown, "case \(n)")
            // Repaired: the same bytes as a cache written from the settings.
            #expect(try cache(desk).count == good.count && Array(try cache(desk)[...keyEnd]) == Array(good[...keyEnd]), "case \(n)")
            try write(desk, bytes)
            #expect(try desk.succeed(["history", id]) == history, "case \(n)")
            try write(desk, bytes)
            try desk.succeed(["comment", id, "已排查 \(n)"], as: "zhang")
        }
    }
}
