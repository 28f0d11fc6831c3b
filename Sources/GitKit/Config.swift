internal import CLibGit2

extension Repository {
    /// The value of config `key` (e.g. `user.name`) as libgit2 sees it: the
    /// repository's config over the global and system ones; nil if unset.
    public func configString(_ key: String) throws -> String? {
        var config: OpaquePointer? = nil
        // git_config_get_string needs a snapshot (its result lives as long as the config).
        try check(git_repository_config_snapshot(&config, pointer))
        return try Self.string(key, in: ConfigHandle(config!))
    }

    /// The value of `key` in the user's global and system config (no
    /// repository: e.g. before `init` has made one); nil if unset.
    public static func globalConfigString(_ key: String) throws -> String? {
        Runtime.ensureInitialized()
        var config: OpaquePointer? = nil
        try check(git_config_open_default(&config))
        let all = ConfigHandle(config!)
        var snapshot: OpaquePointer? = nil
        try check(git_config_snapshot(&snapshot, all.pointer))
        return try string(key, in: ConfigHandle(snapshot!))
    }

    /// Sets `key` to a boolean in the repository's own config file
    /// (`.git/config`, or `config` of a bare repository).
    public func setConfig(_ key: String, to value: Bool) throws {
        try withLocalConfig { try check(git_config_set_bool($0, key, value ? 1 : 0)) }
    }

    /// Sets `key` to a string in the repository's own config file.
    public func setConfig(_ key: String, to value: String) throws {
        try withLocalConfig { try check(git_config_set_string($0, key, value)) }
    }

    /// Runs `body` with the repository's own config file (the local level);
    /// the repository's whole config, which it belongs to, lives as long.
    private func withLocalConfig(_ body: (OpaquePointer) throws -> Void) throws {
        var config: OpaquePointer? = nil
        try check(git_repository_config(&config, pointer))
        let all = ConfigHandle(config!)
        var local: OpaquePointer? = nil
        try check(git_config_open_level(&local, all.pointer, GIT_CONFIG_LEVEL_LOCAL))
        let level = ConfigHandle(local!)
        try withExtendedLifetime(all) { try body(level.pointer) }
    }

    /// A string from a config snapshot; nil if unset.
    private static func string(_ key: String, in snapshot: ConfigHandle) throws -> String? {
        var value: UnsafePointer<CChar>? = nil
        let rc = git_config_get_string(&value, snapshot.pointer, key)
        if rc == GIT_ENOTFOUND.rawValue { return nil }
        try check(rc)
        return value.map { String(cString: $0) }
    }
}
