internal import CLibGit2

extension Repository {
    /// The value of config `key` (e.g. `user.name`) as libgit2 sees it: the
    /// repository's config over the global and system ones; nil if unset.
    public func configString(_ key: String) throws -> String? {
        var config: OpaquePointer? = nil
        // git_config_get_string needs a snapshot (its result lives as long as the config).
        try check(git_repository_config_snapshot(&config, pointer))
        let snapshot = ConfigHandle(config!)
        var value: UnsafePointer<CChar>? = nil
        let rc = git_config_get_string(&value, snapshot.pointer, key)
        if rc == GIT_ENOTFOUND.rawValue { return nil }
        try check(rc)
        return value.map { String(cString: $0) }
    }
}
