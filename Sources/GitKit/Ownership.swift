internal import CLibGit2

/// git's ownership check (CVE-2022-24765) as git applies it: a repository
/// owned by another user is refused unless `safe.directory` in the user's
/// global or system config names it, or is `*`.
///
/// libgit2 1.5 makes the check itself but (a) reports a missing
/// `safe.directory` as "config value not found" instead of GIT_EOWNER and
/// (b) does not know the `*` wildcard. GitKit mends both and never turns
/// the check off otherwise.
enum Ownership {
    /// True when `error` is libgit2 refusing a repository that belongs to another user.
    static func isRefusal(_ error: GitError) -> Bool {
        error.code == .owner || (error.code == .notFound && error.message.contains("safe.directory"))
    }

    /// The refusal as git words it, with `GitError.Code.owner`.
    static func refusal(_ error: GitError, path: String?) -> GitError {
        if error.code == .owner { return error }
        return GitError(code: .owner, returnCode: GIT_EOWNER.rawValue, errorClass: error.errorClass,
                        message: "repository at '\(path ?? ".")' is not owned by current user")
    }

    /// True when `safe.directory = *` is in effect in the global or system
    /// config (the repository's own config is not asked, as git does not);
    /// an empty value resets the list, as in git.
    static func allowsEveryDirectory() -> Bool {
        var config: OpaquePointer? = nil
        guard git_config_open_default(&config) == 0, let config else { return false }
        defer { git_config_free(config) }
        var iterator: OpaquePointer? = nil
        guard git_config_multivar_iterator_new(&iterator, config, "safe.directory", nil) == 0 else { return false }
        defer { git_config_iterator_free(iterator) }
        var every = false
        var entry: UnsafeMutablePointer<git_config_entry>? = nil
        while git_config_next(&entry, iterator) == 0, let entry {
            let value = String(cString: entry.pointee.value)
            if value.isEmpty { every = false } else if value == "*" { every = true }
        }
        return every
    }
}
