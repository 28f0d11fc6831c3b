import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Replaces files whole: the bytes go to a temporary file beside the target,
/// which is then renamed over it, so a reader sees the old file or the new
/// one, never half of one. Like git's own lock files (and libgit2's loose
/// objects, which gitdesk writes with the same guarantees) there is no fsync:
/// `FileManager.createFile` would add one, plus a second temporary file and
/// rename, on every write (~0.3 ms each, three per gitdesk write).
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
                        makeDirectory: Bool = false) throws(Failure) {
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
        let failure = ok ? nil : Self.reason()
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
    }

    private static func reason() -> String { String(cString: strerror(errno)) }
}
