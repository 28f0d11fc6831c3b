#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock that serialises gitdesk writers on one clone
/// (`.git/gitdesk/write.lock`, held with flock(2)).
///
/// The kernel drops the lock when the process dies, so a crash never leaves a
/// stale lock behind. Writers on other clones and plain `git` are still
/// handled by the branch's compare-and-swap; this lock only keeps the working
/// file and index of this clone consistent with HEAD.
final class DeskLock {
    private let fd: Int32

    private init(fd: Int32) { self.fd = fd }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }

    /// Waits up to `timeout` seconds for the lock.
    static func acquire(gitDir: String, name: String = "write.lock", timeout: Double = 30) throws(DeskError) -> DeskLock {
        let dir = gitDir.hasSuffix("/") ? gitDir + "gitdesk" : gitDir + "/gitdesk"
        mkdir(dir, 0o755)
        let fd = open(dir + "/" + name, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .git("cannot open \(dir)/\(name): \(String(cString: strerror(errno)))") }
        var waited = 0.0
        var pause = 0.001
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                close(fd)
                throw .git("cannot lock \(dir)/\(name): \(String(cString: strerror(errno)))")
            }
            if waited >= timeout {
                close(fd)
                throw .busy("this clone (another gitdesk process held \(dir)/\(name) for \(Int(timeout)) s)")
            }
            usleep(UInt32(pause * 1_000_000))
            waited += pause
            pause = min(pause * 2, 0.05)
        }
        return DeskLock(fd: fd)
    }
}
