import Foundation
import GitKit
import TicketCore

/// A desk's settings (config, schema, roster) as decoded from YAML.
struct DeskSettings {
    var config: DeskConfig
    var schema: Schema
    var team: Team
    /// Set only by a lenient read (``Desk/loadSettings(repository:tree:displayPath:lenientRoster:)``).
    var rosterProblem: ConfigurationError? = nil
}

/// Caches decoded settings in `.git/gitdesk/settings.cache`, keyed by the
/// object IDs of `.gitdesk/` and `team.yaml` at the revision read.
///
/// Decoding eight YAML files costs ~7 ms per command (Yams' resolver loads
/// ICU regular expressions); the cache brings that under a millisecond. It is
/// never the source of truth: a missing, stale or unreadable cache is simply
/// rebuilt from the committed YAML.
///
/// The file is the key on one line, an FNV-1a checksum of the rest on the
/// next, then the config and then the schema and roster as records written
/// by hand (``SettingsRecordWriter``: Codable's run-time conformance lookups
/// cost as much as the YAML they replace). A command decodes the small config
/// at once and the rest only when it asks for the schema or the roster
/// (`history` never does).
enum SettingsCache {
    /// Bump when the cached types or the file's layout change.
    static let format = "gitdesk-settings-7"

    /// The part decoded on demand.
    struct Rules {
        var schema: Schema
        var team: Team
    }

    /// A cache file whose key and checksum matched: the config, and the rest still encoded.
    struct Hit {
        var config: DeskConfig
        var rules: SettingsRecordReader
    }

    static func key(repository: Repository, tree: ObjectID) -> String? {
        guard let desk = try? repository.entry(at: ".gitdesk", inTree: tree) else { return nil }
        let team = (try? repository.entry(at: DeskLayout.teamPath, inTree: tree))?.id.hex ?? "-"
        return "\(format):\(desk.id.hex):\(team)"
    }

    /// Far above any desk's settings (a schema and roster of a few hundred KB).
    static let maximumBytes = 16 << 20

    static func path(gitDir: String) -> String {
        (gitDir.hasSuffix("/") ? gitDir : gitDir + "/") + "gitdesk/settings.cache"
    }

    /// The cached config for `key`, with the schema and roster left encoded; nil on any mismatch.
    static func load(gitDir: String, key: String) -> Hit? {
        // The size first: a damaged (say 3 GB sparse) file is rebuilt, never read whole.
        guard let data = BoundedFile.read(path(gitDir: gitDir), maximum: maximumBytes) else { return nil }
        return parse([UInt8](data), key: key)
    }

    /// The config of a cache file's bytes, checked against `key` and the checksum.
    static func parse(_ bytes: [UInt8], key: String) -> Hit? {
        let keyBytes = Array(key.utf8)
        guard bytes.count > keyBytes.count + 18, bytes.starts(with: keyBytes), bytes[keyBytes.count] == 10,
              bytes[keyBytes.count + 17] == 10 else { return nil }
        let body = keyBytes.count + 18
        guard bytes[(keyBytes.count + 1)..<(keyBytes.count + 17)].elementsEqual(hex(checksum(bytes[body...]))) else { return nil }
        var reader = SettingsRecordReader(bytes, offset: body)
        guard let config = try? reader.config() else { return nil }
        return Hit(config: config, rules: reader)
    }

    /// Decodes the schema and roster of a cache hit.
    static func decodeRules(_ hit: Hit) -> Rules? {
        var reader = hit.rules
        guard let schema = try? reader.schema(), let team = try? reader.team(), reader.atEnd else { return nil }
        return Rules(schema: schema, team: team)
    }

    /// The file's bytes for `settings` under `key`.
    static func encode(key: String, settings: DeskSettings) -> [UInt8] {
        var writer = SettingsRecordWriter()
        writer.config(settings.config)
        writer.schema(settings.schema)
        writer.team(settings.team)
        return Array(key.utf8) + [10] + hex(checksum(writer.bytes[...])) + [10] + writer.bytes
    }

    /// Writes the cache atomically; failures (read-only repository) are ignored.
    static func store(gitDir: String, key: String, settings: DeskSettings) {
        try? AtomicFile.replace(path(gitDir: gitDir), with: encode(key: key, settings: settings), makeDirectory: true, durable: false)
    }

    /// 64-bit FNV-1a: catches a damaged byte the record's structure would not.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    /// Sixteen lower-case hex digits.
    static func hex(_ value: UInt64) -> [UInt8] {
        (0..<16).map { i in
            let nibble = UInt8((value >> (60 - 4 * UInt64(i))) & 0xf)
            return nibble < 10 ? 48 + nibble : 87 + nibble
        }
    }
}
