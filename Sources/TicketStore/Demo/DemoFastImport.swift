#if canImport(Glibc)
import Glibc
#endif
import TicketCore

/// One `git fast-import` child that writes a generated desk's commits in
/// bulk: gitdesk streams each commit (author, message, the one ticket file)
/// and git writes them into one pack with its index, moving the branch at
/// the end.
///
/// Why git rather than libgit2: a commit of a 100k-ticket desk rewrites a
/// month tree of up to ~4k entries (~200 KB). libgit2 writes every such tree
/// whole (a zlib-compressed loose object, or an undeltified object in a
/// mempack dump), which is hundreds of gigabytes of deflate for 700k commits;
/// fast-import stores each tree as a delta against its previous version and
/// writes the pack index itself (README, "A 100k-ticket desk").
final class DemoFastImport {
    private var pid: pid_t = 0
    private var input: Int32 = -1
    private var buffer: [UInt8] = []
    private let branch: String
    private var first: String?
    /// Commits streamed so far.
    private(set) var commits = 0

    /// Starts git for `gitDir`; the first commit's parent is `tip`.
    init(gitDir: String, branch: String, tip: String) throws(DeskError) {
        self.branch = branch
        first = tip
        guard let git = Self.gitExecutable else { throw .git("git is not on PATH: the demo generator writes its commits with git fast-import") }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw .git("cannot make a pipe for git fast-import: \(String(cString: strerror(errno)))") }
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        signal(SIGPIPE, SIG_IGN)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[0], 0)
        posix_spawn_file_actions_addclose(&actions, ends[0])
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let arguments = ["git", "--git-dir=" + gitDir, "fast-import", "--quiet", "--done"]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let rc = posix_spawn(&pid, git, &actions, nil, &argv, environ)
        close(ends[0])
        guard rc == 0 else {
            close(ends[1])
            throw .git("cannot start git fast-import: \(String(cString: strerror(rc)))")
        }
        input = ends[1]
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        if input >= 0 { close(input) }
        if pid > 0 { var status: Int32 = 0; _ = waitpid(pid, &status, 0) }
    }

    /// Queues one commit that sets `path` to `bytes`.
    func commit(author: Signature, message: String, path: String, bytes: [UInt8]) throws(DeskError) {
        append("commit \(branch)\n")
        let who = "\(author.name) <\(author.email)> \(author.time) \(author.zone)\n"
        append("author " + who)
        append("committer " + who)
        data(Array(message.utf8))
        if let from = first {
            append("from \(from)\n")
            first = nil
        }
        append("M 100644 inline \(path)\n")
        data(bytes)
        commits += 1
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Ends the stream and waits for git to write the pack and move the branch.
    func finish() throws(DeskError) {
        append("done\n")
        try flush()
        close(input)
        input = -1
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        pid = 0
        let exited = status & 0x7f == 0
        guard exited, (status >> 8) & 0xff == 0 else {
            throw .git("git fast-import failed (\(exited ? "exit \((status >> 8) & 0xff)" : "signal \(status & 0x7f)")); nothing was added to the branch")
        }
    }

    private func append(_ text: String) { buffer.append(contentsOf: text.utf8) }

    private func data(_ bytes: [UInt8]) {
        append("data \(bytes.count)\n")
        buffer.append(contentsOf: bytes)
        buffer.append(10)
    }

    private func flush() throws(DeskError) {
        var written = 0
        while written < buffer.count {
            let n = buffer.withUnsafeBytes { write(input, $0.baseAddress! + written, buffer.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .git("git fast-import stopped reading (\(String(cString: strerror(errno))))")
            }
            written += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

extension DemoFastImport {
    /// A commit's author as fast-import reads it.
    struct Signature {
        var name: String
        var email: String
        var time: Int64
        /// `+0800`.
        var zone: String

        init(_ person: Person, at time: Timestamp) {
            name = person.name
            email = person.email
            self.time = time.seconds
            let m = abs(time.offsetMinutes)
            let hh = m / 60, mm = m % 60
            zone = (time.offsetMinutes < 0 ? "-" : "+") + (hh < 10 ? "0" : "") + String(hh) + (mm < 10 ? "0" : "") + String(mm)
        }
    }
}

extension DemoFastImport {
    /// Brings the index and working tree from commit `old` to `new` with
    /// `git read-tree -m -u` (a two-tree fast-forward: it refuses rather than
    /// overwrite a file the user changed).
    static func checkout(gitDir: String, workdir: String, from old: String, to new: String) throws(DeskError) {
        guard let git = gitExecutable else { throw .git("git is not on PATH") }
        let arguments = ["git", "--git-dir=" + gitDir, "--work-tree=" + workdir, "-C", workdir, "read-tree", "-m", "-u", old, new]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        var child: pid_t = 0
        let rc = posix_spawn(&child, git, &actions, nil, &argv, environ)
        guard rc == 0 else { throw .git("cannot start git read-tree: \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 else {
            throw .git("the demo's commits are written, but git read-tree could not update the working tree; run `git reset --hard` in \(workdir)")
        }
    }

    private static var gitExecutable: String? { IndexUpdater.gitExecutable }
}
