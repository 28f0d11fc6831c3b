import Foundation
import Testing
import TestSupport

/// `.git/gitdesk/settings.json` saves decoding the YAML settings on every
/// command; it is never the source of truth, so any damage to it only costs
/// a rebuild.
@Suite("The settings cache")
struct SettingsCacheTests {
    let now = "2024-05-01T16:00:00+08:00"

    func cacheLines(_ desk: TestDesk) throws -> [String] {
        try desk.read(".git/gitdesk/settings.json").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test("one line of key, one of config, one of schema and roster; history decodes only the config")
    func layoutAndLazyDecoding() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成")
        let lines = try cacheLines(desk)
        #expect(lines.count == 4 && lines[3].isEmpty, "\(lines.count) lines")
        #expect(lines[0].hasPrefix("gitdesk-settings-6:"))
        #expect(lines[1].contains("\"timezone\""))
        #expect(lines[2].contains("\"schema\"") && lines[2].contains("\"team\""))

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
        let lines = try cacheLines(desk)
        let damaged = [
            lines[0] + "\n" + lines[1] + "\n" + "{\"schema\": garbage\n",        // schema line unreadable
            lines[0] + "\n" + "{not json}\n" + lines[2] + "\n",                  // config line unreadable
            lines[0] + "\n",                                                      // truncated
            "gitdesk-settings-4:abc:def\n{}\n{}\n",                               // an older format
            "",
        ]
        for (n, text) in damaged.enumerated() {
            let shown = try desk.succeed(["show", id, "--json"], now: now)
            let history = try desk.succeed(["history", id])
            try desk.write(".git/gitdesk/settings.json", text)
            #expect(try desk.succeed(["show", id, "--json"], now: now) == shown, "case \(n)")
            // Repaired: the key of the desk's settings, and a schema line that reads.
            let repaired = try cacheLines(desk)
            #expect(repaired.count == 4 && repaired[0] == lines[0] && repaired[2].hasPrefix("{\"schema\":"), "case \(n)")
            try desk.write(".git/gitdesk/settings.json", text)
            #expect(try desk.succeed(["history", id]) == history, "case \(n)")
            try desk.write(".git/gitdesk/settings.json", text)
            try desk.succeed(["comment", id, "已排查 \(n)"], as: "zhang")
        }
    }
}
