#if canImport(Glibc)
import Glibc
#endif
import GitKit

/// Brings one path's index entry up to date with its working file.
///
/// libgit2 reads and rewrites the whole index with its collision-detecting
/// SHA-1, which at 10k tickets costs ~10 ms per command; `git update-index`
/// does the same in ~3 ms. So gitdesk runs `git update-index --add -- PATH`
/// when a git executable is on PATH, and falls back to libgit2 otherwise or
/// when git fails (e.g. its index.lock is held by the user's own git).
enum IndexUpdater {
    static func stage(path: String, in repository: Repository) throws {
        if let workdir = repository.workdir, let git = gitExecutable,
           run(git, ["git", "--git-dir=" + repository.gitDir, "--work-tree=" + workdir,
                     "update-index", "--add", "--", path]) == 0 {
            return
        }
        var tries = 0
        while true {
            do {
                try repository.stageFile(path: path)
                return
            } catch let error as GitError where error.code == .locked && tries < 100 {
                tries += 1
                usleep(10_000)
            }
        }
    }

    /// The first `git` on PATH.
    static let gitExecutable: String? = {
        let path = String(cString: getenv("PATH") ?? strdup("/usr/bin:/bin"))
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = String(dir) + "/git"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }()

    /// Runs a program with stdout/stderr silenced; returns its exit status.
    static func run(_ executable: String, _ arguments: [String]) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, nil, &argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : -1
    }
}
