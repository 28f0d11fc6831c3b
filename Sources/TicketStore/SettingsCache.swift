import Foundation
import GitKit
import TicketCore

/// A desk's settings (config, schema, roster) as decoded from YAML.
struct DeskSettings: Codable {
    var config: DeskConfig
    var schema: Schema
    var team: Team
}

/// Caches decoded settings in `.git/gitdesk/settings.json`, keyed by the
/// object IDs of `.gitdesk/` and `team.yaml` at the revision read.
///
/// Decoding eight YAML files costs ~7 ms per command (Yams' resolver loads
/// ICU regular expressions); the cache brings that under a millisecond. It is
/// never the source of truth: a missing, stale or unreadable cache is simply
/// rebuilt from the committed YAML.
enum SettingsCache {
    /// Bump when the cached types change shape.
    static let format = "gitdesk-settings-4"

    struct Envelope: Codable {
        var key: String
        var settings: DeskSettings
    }

    static func key(repository: Repository, tree: ObjectID) -> String? {
        guard let desk = try? repository.entry(at: ".gitdesk", inTree: tree) else { return nil }
        let team = (try? repository.entry(at: DeskLayout.teamPath, inTree: tree))?.id.hex ?? "-"
        return "\(format):\(desk.id.hex):\(team)"
    }

    static func path(gitDir: String) -> String {
        (gitDir.hasSuffix("/") ? gitDir : gitDir + "/") + "gitdesk/settings.json"
    }

    static func load(gitDir: String, key: String) -> DeskSettings? {
        guard let data = FileManager.default.contents(atPath: path(gitDir: gitDir)),
              let envelope = try? JSONDecoder().decode(Envelope.self, from: data),
              envelope.key == key else { return nil }
        return envelope.settings
    }

    /// Writes the cache atomically; failures (read-only repository) are ignored.
    static func store(gitDir: String, key: String, settings: DeskSettings) {
        guard let data = try? JSONEncoder().encode(Envelope(key: key, settings: settings)) else { return }
        try? AtomicFile.replace(path(gitDir: gitDir), with: data, makeDirectory: true)
    }
}
