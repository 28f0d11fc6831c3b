/// The roster (team.yaml): who may act on the desk, with which roles.
public struct Team: Codable, Equatable, Sendable {
    public var people: [Person]

    public init(people: [Person]) { self.people = people }

    /// The person with a handle (case-sensitive).
    public func person(_ handle: String) -> Person? { people.first { $0.handle == handle } }

    /// The person whose e-mail or name matches (for git config identities).
    public func person(email: String?, name: String?) -> Person? {
        if let email, !email.isEmpty, let p = people.first(where: { $0.email.lowercased() == email.lowercased() }) { return p }
        if let name, !name.isEmpty, let p = people.first(where: { $0.handle == name || $0.name == name }) { return p }
        return nil
    }

    /// Reads team.yaml, checking handles are well-formed and unique.
    public static func load(yaml: String, file: String = "team.yaml") throws(ConfigurationError) -> Team {
        let doc = try YAMLFile(name: file, text: yaml)
        let team = try doc.decode(Team.self)
        var seen = Set<String>()
        for (i, p) in team.people.enumerated() {
            let line = doc.line(at: ["people", .index(i), "handle"])
            guard TicketFile.isHandle(p.handle) else {
                throw ConfigurationError(file: file, line: line, Message(.rosterBadHandle, ["handle": .text(p.handle)]))
            }
            guard seen.insert(p.handle).inserted else {
                throw ConfigurationError(file: file, line: line, Message(.rosterHandleTwice, ["handle": .text(p.handle)]))
            }
        }
        return team
    }
}

/// One person on the roster.
public struct Person: Codable, Equatable, Sendable {
    public var handle: String
    public var name: String
    public var email: String
    public var roles: [String]
    public var department: String?

    public init(handle: String, name: String, email: String, roles: [String], department: String? = nil) {
        self.handle = handle; self.name = name; self.email = email; self.roles = roles; self.department = department
    }

    public func has(role: String) -> Bool { roles.contains(role) || roles.contains("admin") }
}

/// `.gitdesk/config.yaml`: the desk's settings.
public struct DeskConfig: Codable, Equatable, Sendable {
    /// ID prefix, e.g. `CS`.
    public var prefix: String
    /// IANA time zone of the desk, e.g. `Asia/Shanghai`.
    public var timezone: String
    /// Default label language.
    public var language: Language
    /// Version of the schema layout the desk was made with.
    public var schemaVersion: Int
    /// A test or demo desk (`init --clock-override`, every `demo` desk):
    /// anyone may set GITDESK_NOW and the server's time rules are off.
    public var clockOverride: Bool
    /// How much older than its arrival at the server a commit may be (work
    /// done offline) before only a `backdate` holder may push it.
    public var maxOfflineHours: Int
    /// How many new commits one push may bring (pre-receive judges each):
    /// a longer history is pushed in parts, or by an admin raising this.
    public var maxCommitsPerPush: Int

    /// The per-push cap when config.yaml names none.
    public static let defaultMaxCommitsPerPush = 1000
    /// The offline window when config.yaml names none.
    public static let defaultMaxOfflineHours = 72

    enum CodingKeys: String, CodingKey {
        case prefix, timezone, language
        case schemaVersion = "schema_version"
        case clockOverride = "clock_override"
        case maxOfflineHours = "max_offline_hours"
        case maxCommitsPerPush = "max_commits_per_push"
    }

    public init(prefix: String = "CS", timezone: String = "Asia/Shanghai", language: Language = .zh, schemaVersion: Int = 1,
                clockOverride: Bool = false, maxOfflineHours: Int = DeskConfig.defaultMaxOfflineHours) {
        self.prefix = prefix; self.timezone = timezone; self.language = language; self.schemaVersion = schemaVersion
        self.clockOverride = clockOverride; self.maxOfflineHours = maxOfflineHours
        self.maxCommitsPerPush = Self.defaultMaxCommitsPerPush
    }

    /// Desks made before the time settings existed read as trusted-clock desks with the default window.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        prefix = try c.decode(String.self, forKey: .prefix)
        timezone = try c.decode(String.self, forKey: .timezone)
        language = try c.decode(Language.self, forKey: .language)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        clockOverride = try c.decodeIfPresent(Bool.self, forKey: .clockOverride) ?? false
        maxOfflineHours = try c.decodeIfPresent(Int.self, forKey: .maxOfflineHours) ?? Self.defaultMaxOfflineHours
        maxCommitsPerPush = try c.decodeIfPresent(Int.self, forKey: .maxCommitsPerPush) ?? Self.defaultMaxCommitsPerPush
    }

    public static func load(yaml: String, file: String = ".gitdesk/config.yaml") throws(ConfigurationError) -> DeskConfig {
        let doc = try YAMLFile(name: file, text: yaml)
        let config = try doc.decode(DeskConfig.self)
        guard isValidPrefix(config.prefix) else {
            throw ConfigurationError(file: file, line: doc.line(at: ["prefix"]), Message(.configBadPrefix, ["prefix": .text(config.prefix)]))
        }
        guard config.maxOfflineHours >= 0 else {
            throw ConfigurationError(file: file, line: doc.line(at: ["max_offline_hours"]), Message(.configMaxOfflineHours))
        }
        guard config.maxCommitsPerPush >= 1 else {
            throw ConfigurationError(file: file, line: doc.line(at: ["max_commits_per_push"]), Message(.configMaxCommitsPerPush))
        }
        return config
    }

    public static func isValidPrefix(_ p: String) -> Bool {
        (1...8).contains(p.utf8.count) && p.utf8.allSatisfy { $0 >= 65 && $0 <= 90 }
    }

    /// The YAML `init` writes.
    public var yaml: String {
        """
        # gitdesk desk settings
        prefix: \(prefix)          # ticket ID prefix: \(prefix)-YYYYMMDD-XXXXXX
        timezone: \(timezone)      # IANA time zone for dates, SLA clocks and reports
        language: \(language.rawValue)              # default label language (zh | en); --lang overrides
        schema_version: \(schemaVersion)
        # Time (docs/validation.md, "Time"): who may write a time other than the clock's.
        clock_override: \(clockOverride)     # true: a test/demo desk, anyone may set GITDESK_NOW
        max_offline_hours: \(maxOfflineHours)     # a commit may reach the server this long after it was made

        """
    }
}

extension Team {
    /// How reports show a person: the roster name, with the handle where two
    /// people share the name (or the handle alone when not on the roster).
    public func displayName(_ handle: String) -> String {
        guard let p = person(handle), !p.name.isEmpty else { return handle }
        return people.filter { $0.name == p.name }.count > 1 ? "\(p.name) (\(handle))" : p.name
    }
}
