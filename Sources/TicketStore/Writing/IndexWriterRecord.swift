#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// `.git/gitdesk/index-writer`: which gitdesk process (PID and start time)
/// is running a `git update-index` on this clone. Written just before git is
/// started and removed once it is reaped, always under the desk's write lock.
///
/// It lets the next writer tell an `index.lock` left by a gitdesk write killed
/// together with its git child (kill -9 of the process group, as `timeout`
/// does) from one another program holds: the record's process is gone and the
/// lock is younger than the record, so the lock was that dead write's child's
/// and can be removed at once (``CrashLeftovers/removeAbandonedIndexLock(gitDir:)``)
/// instead of after the two seconds an unknown lock must rest.
struct IndexWriterRecord {
    let path: String

    init(gitDir: String) {
        path = (gitDir.hasSuffix("/") ? String(gitDir.dropLast()) : gitDir) + "/gitdesk/index-writer"
    }

    /// Records this process as the index's writer (best effort: without the
    /// record a lock is only recovered after its two seconds).
    func begin() {
        let me = ProcessIdentity.current
        let bytes = Array("\(me.pid) \(me.startTime.map(String.init) ?? "-")\n".utf8)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    func end() { unlink(path) }

    /// When the record was written, if its process is gone (nil: no record,
    /// an unreadable one, or a writer still running).
    var deadWriterTime: timespec? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_size < 64,
              let data = BoundedFile.read(path, maximum: 63),
              let text = String(data: data, encoding: .utf8) else { return nil }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard words.count == 2, let pid = pid_t(words[0]) else { return nil }
        let owner = ProcessIdentity(pid: pid, startTime: UInt64(words[1]))
        return owner.isRunning ? nil : info.st_mtim
    }

    /// Removes the record when its process is gone.
    func clearIfDead() {
        if deadWriterTime != nil { end() }
    }
}
