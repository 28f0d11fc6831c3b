#if canImport(Glibc)
import Glibc
#endif
import GitKit

/// Brings index entries up to date with their working files.
///
/// libgit2 reads and rewrites the whole index with its collision-detecting
/// SHA-1, which at 10k tickets costs ~12 ms per command; `git update-index`
/// does the same in ~7 ms, of which ~2.5 ms are its start-up and the read of
/// the index. So a write starts `git update-index --add --stdin -z` as soon as
/// it holds the desk's lock — git starts and reads the index while gitdesk
/// builds and commits the change — and hands it the path once the working
/// file holds the committed bytes; ``finish()`` waits for git to write the
/// index (`GITDESK_TRACE=1` says which did the update). Without git on
/// PATH, or when git fails (e.g. the user's own git holds `index.lock`),
/// libgit2 does the update instead.
///
/// git takes `index.lock` when it starts and releases it when it exits,
/// writing nothing if it was given no path (a refused or unchanged write).
final class IndexUpdater {
    private let repository: Repository
    private var pid: pid_t = 0
    private var input: Int32 = -1
    private var paths: [String] = []
    /// git's outcome once reaped: true if it exited with status 0.
    private var gitResult: Bool? = nil
    /// Set while git runs: who made `index.lock` (``IndexWriterRecord``).
    private var record: IndexWriterRecord? = nil

    /// Starts git for the repository's index (nothing for a bare repository).
    init(repository: Repository) {
        self.repository = repository
        guard let workdir = repository.workdir, let git = Self.gitExecutable else { return }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        // Neither end may leak into other children (the background gc).
        for fd in ends { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        // A git that exits early must not kill gitdesk with SIGPIPE: the write fails instead.
        signal(SIGPIPE, SIG_IGN)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[0], 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // `-C workdir`: git reads the paths relative to its current directory,
        // which is the user's (maybe `.git/` or a ticket folder), not the work tree.
        let arguments = ["git", "-C", workdir, "--git-dir=" + repository.gitDir, "--work-tree=" + workdir,
                         "update-index", "--add", "-z", "--stdin"]  // --stdin must come last
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        // Names this write as the lock's maker, should both die before git is done.
        record = IndexWriterRecord(gitDir: repository.gitDir)
        record?.begin()
        let spawned = posix_spawn(&child, git, &actions, nil, &argv, environ) == 0
        close(ends[0])
        if spawned {
            pid = child
            input = ends[1]
        } else {
            close(ends[1])
            record?.end()
        }
    }

    deinit { _ = waitForGit() }

    /// Queues `path` (its working file already written) for the index.
    func stage(_ path: String) {
        paths.append(path)
        guard input >= 0 else { return }
        let bytes = Array(path.utf8) + [0]
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(input, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                close(input)  // git is gone: finish() falls back to libgit2
                input = -1
                return
            }
            written += n
        }
    }

    /// Waits until every staged path is in the index: git's exit, or libgit2
    /// when git is missing or failed.
    func finish() throws {
        if waitForGit() {
            if !paths.isEmpty { StartupTrace.mark("index by git") }
            return
        }
        let pending = paths
        paths = []
        defer { if !pending.isEmpty { StartupTrace.mark("index by libgit2") } }
        for path in pending {
            var tries = 0
            while true {
                do {
                    try repository.stageFile(path: path)
                    break
                } catch let error as GitError where error.code == .locked && tries < 100 {
                    tries += 1
                    usleep(10_000)
                }
            }
        }
    }

    /// Closes git's input and reaps it (once); true if git exited with status 0.
    private func waitForGit() -> Bool {
        if let gitResult { return gitResult }
        if input >= 0 { close(input); input = -1 }
        var result = false
        if pid > 0 {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            result = (status & 0x7F) == 0 && (status >> 8) & 0xFF == 0  // WIFEXITED && WEXITSTATUS == 0
        }
        record?.end()
        gitResult = result
        return result
    }

    /// Brings one path's index entry up to date now.
    static func stage(path: String, in repository: Repository) throws {
        let updater = IndexUpdater(repository: repository)
        updater.stage(path)
        try updater.finish()
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
}
