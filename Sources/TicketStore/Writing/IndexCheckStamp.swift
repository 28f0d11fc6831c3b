#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// `.git/gitdesk/index-checked`: the identity (device, inode, size, mtime,
/// ctime) of the `.git/index` a write last verified or last had git write.
///
/// Verifying the index's SHA-1 costs about 8 ms per MiB (1 MiB at 10k
/// tickets), so a write hashes the index only when it is not the one gitdesk
/// last saw: after a person's `git add`, a checkout, or damage. Any change to
/// the file — even one that keeps its size and mtime — changes its ctime,
/// which no tool can set back, so a damaged index is never taken for the one
/// recorded.
struct IndexCheckStamp {
    let path: String
    let index: String

    init(gitDir: String) {
        let git = gitDir.hasSuffix("/") ? String(gitDir.dropLast()) : gitDir
        path = git + "/gitdesk/index-checked"
        index = git + "/index"
    }

    /// The index's identity now, or nil when there is none.
    private func current() -> String? {
        var info = stat()
        guard stat(index, &info) == 0 else { return nil }
        return "\(info.st_dev) \(info.st_ino) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)\n"
    }

    /// True when the index is the one recorded (already verified or written by git for gitdesk).
    var isCurrent: Bool {
        guard let now = current(), let data = BoundedFile.read(path, maximum: 255) else { return false }
        return String(decoding: data, as: UTF8.self) == now
    }

    /// Records the index as it is now (best effort).
    func record() {
        guard let now = current() else { return }
        try? AtomicFile.replace(path, with: Array(now.utf8), makeDirectory: true, durable: false)
    }
}
