import Foundation
import GitKit
import TicketCore

/// A desk's settings (config, schema, roster) as decoded from YAML.
struct DeskSettings {
    var config: DeskConfig
    var schema: Schema
    var team: Team
}

/// Caches decoded settings in `.git/gitdesk/settings.cache`, keyed by the
/// object IDs of `.gitdesk/` and `team.yaml` at the revision read.
///
/// Decoding eight YAML files costs ~7 ms per command (Yams' resolver loads
/// ICU regular expressions); the cache brings that under a millisecond. It is
/// never the source of truth: a missing, stale or unreadable cache is simply
/// rebuilt from the committed YAML.
///
/// The file is the key on a line, then the config and then the schema and
/// roster in ``CompactCoder``'s encoding (the config preceded by its length).
/// A command decodes the small config at once and the rest only when it asks
/// for the schema or the roster (`history` never does). Not JSON: the first
/// JSONDecoder use in a process costs ~3 ms of runtime conformance scans.
enum SettingsCache {
    /// Bump when the cached types or the file's layout change.
    static let format = "gitdesk-settings-7"

    /// The part decoded on demand.
    struct Rules: Codable {
        var schema: Schema
        var team: Team
    }

    /// A cache file whose key matched: the config, and the rest still encoded.
    struct Hit {
        var config: DeskConfig
        var rules: [UInt8]
    }

    static func key(repository: Repository, tree: ObjectID) -> String? {
        guard let desk = try? repository.entry(at: ".gitdesk", inTree: tree) else { return nil }
        let team = (try? repository.entry(at: DeskLayout.teamPath, inTree: tree))?.id.hex ?? "-"
        return "\(format):\(desk.id.hex):\(team)"
    }

    static func path(gitDir: String) -> String {
        (gitDir.hasSuffix("/") ? gitDir : gitDir + "/") + "gitdesk/settings.cache"
    }

    /// The cached config for `key`, with the schema and roster left encoded; nil on any mismatch.
    static func load(gitDir: String, key: String) -> Hit? {
        guard let data = FileManager.default.contents(atPath: path(gitDir: gitDir)) else { return nil }
        let bytes = [UInt8](data)
        let keyBytes = Array(key.utf8)
        let start = keyBytes.count + 1 + 4
        guard bytes.count > start, bytes.starts(with: keyBytes), bytes[keyBytes.count] == 10 else { return nil }
        let length = bytes[(keyBytes.count + 1)..<start].reversed().reduce(0) { $0 << 8 | Int($1) }
        guard length > 0, bytes.count - start > length,
              let config = try? CompactCoder.decode(DeskConfig.self, from: Array(bytes[start..<(start + length)]))
        else { return nil }
        return Hit(config: config, rules: Array(bytes[(start + length)...]))
    }

    /// Decodes the schema and roster of a cache hit.
    static func decodeRules(_ bytes: [UInt8]) -> Rules? {
        try? CompactCoder.decode(Rules.self, from: bytes)
    }

    /// Writes the cache atomically; failures (read-only repository) are ignored.
    static func store(gitDir: String, key: String, settings: DeskSettings) {
        guard let config = try? CompactCoder.encode(settings.config),
              let rules = try? CompactCoder.encode(Rules(schema: settings.schema, team: settings.team)) else { return }
        var file = Array(key.utf8) + [10]
        withUnsafeBytes(of: UInt32(config.count).littleEndian) { file += $0 }
        file += config + rules
        try? AtomicFile.replace(path(gitDir: gitDir), with: Data(file), makeDirectory: true)
    }
}
