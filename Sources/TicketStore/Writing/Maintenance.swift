#if canImport(Glibc)
import Glibc
#endif

/// Keeps the object database packed.
///
/// libgit2 writes loose objects and, unlike git, never runs `gc --auto`; a
/// desk gets ~6 loose objects per change, and at tens of thousands of them
/// every ref update and lookup slows down (measured at 10k tickets: 424 MB
/// loose vs 14 MB packed, ref update 7 ms vs 1 ms). After a write gitdesk
/// applies git's own estimate (more than gc.auto/256 = 27 files in
/// objects/17) and, when it is exceeded, starts `git gc --auto --quiet` in
/// the background, detached, as git does after a commit.
enum Maintenance {
    static let looseThreshold = 27
    /// How old an unreachable loose object must be before gitdesk's gc removes it (git's default).
    static let safePruneExpire = "2.weeks.ago"

    static func afterWrite(gitDir: String) {
        let dir = (gitDir.hasSuffix("/") ? gitDir : gitDir + "/") + "objects/17"
        guard let stream = opendir(dir) else { return }
        var count = 0
        while let entry = readdir(stream) {
            if entry.pointee.d_name.0 != 46 { count += 1 }  // skip "." entries
            if count > looseThreshold { break }
        }
        closedir(stream)
        guard count > looseThreshold, let git = IndexUpdater.gitExecutable else { return }
        // Never prune young objects, whatever gc.pruneExpire says: a `now` there
        // lets gc delete the objects of a write in progress (or one that just
        // moved the branch) and so lose it; git documents --prune=now as unsafe
        // while anything writes.
        spawnDetached(git, ["git", "--git-dir=" + gitDir, "-c", "gc.pruneExpire=\(safePruneExpire)", "gc", "--auto", "--quiet"])
    }

    private static func spawnDetached(_ executable: String, _ arguments: [String]) {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(0x80) /* POSIX_SPAWN_SETSID */)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0) }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        _ = posix_spawn(&pid, executable, &actions, &attributes, &argv, environ)
    }
}
