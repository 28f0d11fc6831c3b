internal import CLibGit2

/// One-time libgit2 set-up, paid only by commands that open a repository.
///
/// `git_libgit2_init()` costs ~5 ms (Debian's libgit2 parses the CA bundle),
/// so it runs lazily, once per process, the first time a repository is
/// opened or created. Swift's global `let` initialisation is thread-safe.
enum Runtime {
    private static let token: Void = {
        _ = git_libgit2_init()
        // Like git, don't re-hash every object read (libgit2's default does):
        // it halves the cost of history walks. `git fsck` still verifies.
        // This is not what made a truncated loose object hang (libgit2 1.5
        // loops inside the read itself, before any hash is checked, with the
        // option on or off); LooseObjectGuard reads loose objects instead
        // and checks their hash there, at no cost for packed history.
        _ = gitdesk_set_strict_hash_verification(0)
        // libgit2 caches no tree over 4 KB, but a month folder of a busy
        // desk is ~70 KB (1,400 tickets): keep such trees once read, so the
        // gates that diff one commit after another do not inflate them again.
        _ = gitdesk_set_cache_object_limit(Int32(GIT_OBJECT_TREE.rawValue), 1 << 20)
        // A power cut after a write must not leave a 0-byte tip commit (every
        // command then fails, and an unpushed commit has no other copy): make
        // libgit2 fsync objects, refs and the index like git's core.fsync.
        // Cost per write: BENCHMARKS.md ("fsync").
        _ = gitdesk_set_fsync_gitdir(1)
    }()

    /// Makes sure libgit2 is initialised; cheap after the first call.
    static func ensureInitialized() {
        _ = token
    }

    /// Points libgit2's system, global and XDG config search paths at `directory`.
    ///
    /// For tests: no test may read the developer's or the machine's git config.
    /// Call it before the first repository is opened.
    static func setConfigSearchPath(_ directory: String) throws {
        ensureInitialized()
        for level in [GIT_CONFIG_LEVEL_SYSTEM, GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_GLOBAL,
                      GIT_CONFIG_LEVEL_PROGRAMDATA] {
            try check(gitdesk_set_search_path(level.rawValue, directory))
        }
    }
}
