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

/// Caches decoded settings in `.git/gitdesk/settings.json`, keyed by the
/// object IDs of `.gitdesk/` and `team.yaml` at the revision read.
///
/// Decoding eight YAML files costs ~7 ms per command (Yams' resolver loads
/// ICU regular expressions); the cache brings that under a millisecond. It is
/// never the source of truth: a missing, stale or unreadable cache is simply
/// rebuilt from the committed YAML.
///
/// The file is three lines: the key, the config as JSON, and the schema and
/// roster as JSON. A command decodes the small config at once and the rest
/// only when it asks for the schema or the roster (`history` never does).
enum SettingsCache {
    /// Bump when the cached types or the file's layout change.
    static let format = "gitdesk-settings-6"

    /// The part decoded on demand.
    struct Rules: Codable {
        var schema: Schema
        var team: Team
    }

    /// A cache file whose key matched: the config, and the rest still encoded.
    struct Hit {
        var config: DeskConfig
        var rules: Data
    }

    static func key(repository: Repository, tree: ObjectID) -> String? {
        guard let desk = try? repository.entry(at: ".gitdesk", inTree: tree) else { return nil }
        let team = (try? repository.entry(at: DeskLayout.teamPath, inTree: tree))?.id.hex ?? "-"
        return "\(format):\(desk.id.hex):\(team)"
    }

    static func path(gitDir: String) -> String {
        (gitDir.hasSuffix("/") ? gitDir : gitDir + "/") + "gitdesk/settings.json"
    }

    /// The cached config for `key`, with the schema and roster left encoded; nil on any mismatch.
    static func load(gitDir: String, key: String) -> Hit? {
        guard let data = FileManager.default.contents(atPath: path(gitDir: gitDir)) else { return nil }
        let lines = data.split(separator: 10, maxSplits: 2, omittingEmptySubsequences: false)
        guard lines.count == 3, lines[0].elementsEqual(key.utf8), !lines[2].isEmpty,
              let config = try? JSONDecoder().decode(DeskConfig.self, from: Data(lines[1])) else { return nil }
        return Hit(config: config, rules: Data(lines[2]))
    }

    /// Decodes the schema and roster of a cache hit.
    static func decodeRules(_ data: Data) -> Rules? {
        try? JSONDecoder().decode(Rules.self, from: data)
    }

    /// Writes the cache atomically; failures (read-only repository) are ignored.
    static func store(gitDir: String, key: String, settings: DeskSettings) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]  // keys in a fixed order (sets still encode in hash order)
        guard let config = try? encoder.encode(settings.config),
              let rules = try? encoder.encode(Rules(schema: settings.schema, team: settings.team)) else { return }
        // JSONEncoder escapes newlines inside strings, so each part is one line.
        let file = Data(key.utf8) + Data([10]) + config + Data([10]) + rules + Data([10])
        try? AtomicFile.replace(path(gitDir: gitDir), with: file, makeDirectory: true)
    }
}
