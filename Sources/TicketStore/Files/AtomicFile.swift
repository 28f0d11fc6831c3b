import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Replaces files whole: the bytes go to a temporary file beside the target,
/// which is then renamed over it, so a reader sees the old file or the new
/// one, never half of one. A `durable` file (the default: journals, ticket
/// files, hooks) is fsynced before the rename and its directory after, so a
/// power cut leaves the old file or the new one, never an empty one; caches
/// that are rebuilt when unreadable pass `durable: false` and skip the cost
/// (BENCHMARKS.md, "fsync").
enum AtomicFile {
    enum Failure: Error, CustomStringConvertible {
        case write(path: String, reason: String)
        var description: String {
            switch self {
            case .write(let path, let reason): "cannot write \(path): \(reason)"
            }
        }
    }

    /// Writes `bytes` to `path`, creating its directory when `makeDirectory`.
    /// The file gets `mode` (less the umask).
    static func replace(_ path: String, with bytes: some Collection<UInt8>, mode: mode_t = 0o666,
                        makeDirectory: Bool = false, durable: Bool = true) throws(Failure) {
        if makeDirectory {
            let dir = (path as NSString).deletingLastPathComponent
            do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                throw .write(path: path, reason: "cannot create \(dir)")
            }
        }
        let temp = path + ".gitdesk-\(getpid()).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .write(path: path, reason: Self.reason()) }
        let array = Array(bytes)
        var written = 0
        let ok = array.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 { if errno == EINTR { continue }; return false }
                written += n
            }
            return true
        }
        var failure = ok ? nil : Self.reason()
        if failure == nil, durable, fsync(fd) != 0 { failure = Self.reason() }
        if close(fd) != 0 || failure != nil {
            let reason = failure ?? Self.reason()
            unlink(temp)
            throw .write(path: path, reason: reason)
        }
        guard rename(temp, path) == 0 else {
            let reason = Self.reason()
            unlink(temp)
            throw .write(path: path, reason: reason)
        }
        if durable { syncDirectory(of: path) }
    }

    /// Makes a rename or unlink in `path`'s directory survive a power cut.
    /// Best effort: a file system that cannot fsync a directory still has the file.
    static func syncDirectory(of path: String) {
        let dir = (path as NSString).deletingLastPathComponent
        let fd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    private static func reason() -> String { String(cString: strerror(errno)) }
}
