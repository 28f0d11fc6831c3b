#if canImport(Glibc)
import Glibc
#endif
internal import CLibGit2

/// Naming a damaged index file (`.git/index`): truncated, overwritten, or
/// with a checksum that does not match.
///
/// The index cannot be repaired without guessing: it is where a person's
/// staged hand edits live, and a damaged one no longer says which they were.
/// So gitdesk never rebuilds it itself; the error says how (`git reset`
/// rebuilds it from HEAD and leaves the working files as they are).
extension Repository {
    /// The index file's path.
    public var indexPath: String { gitDir + "/index" }

    /// The one-line error for a damaged index, with libgit2's or our own reason.
    func damagedIndex(_ reason: String) -> GitError {
        GitError(code: .invalid, errorClass: .index, message:
            "the index \(indexPath) is damaged (\(reason)); rebuild it from HEAD with `rm \(indexPath) && git -C \(workdir ?? gitDir) reset` (working files stay as they are; stage your hand edits again with git add)")
    }

    /// Checks the header (`DIRC`, version 2–4), that the file is long enough
    /// for the entries it announces, and (unless `verifyChecksum` is false)
    /// its SHA-1 checksum. Every write runs it before it commits; a missing
    /// index (a fresh clone) passes.
    public func checkIndexHeader(verifyChecksum: Bool = true) throws {
        guard workdir != nil else { return }
        let fd = Glibc.open(indexPath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return }
            throw damagedIndex("cannot be opened: \(String(cString: strerror(errno)))")
        }
        defer { Glibc.close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw damagedIndex("cannot be read: \(String(cString: strerror(errno)))") }
        var header = [UInt8](repeating: 0, count: 12)
        let n = header.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, 12) }
        guard n == 12 else { throw damagedIndex("\(info.st_size) bytes, shorter than its header") }
        guard header[0...3] == [0x44, 0x49, 0x52, 0x43] else { throw damagedIndex("it does not start with DIRC") }
        let version = header[4...7].reduce(0) { $0 << 8 | UInt32($1) }
        guard (2...4).contains(version) else { throw damagedIndex("unknown version \(version)") }
        let entries = header[8...11].reduce(0) { $0 << 8 | Int64($1) }
        // An entry takes at least 62 bytes and a path byte; the file ends with a 20-byte checksum.
        guard 12 + entries * 63 + 20 <= Int64(info.st_size) else {
            throw damagedIndex("truncated: \(info.st_size) bytes cannot hold its \(entries) entries")
        }
        // The checksum covers every entry: a flipped byte anywhere (a path, a
        // blob ID, the checksum itself) is caught before the branch moves.
        // git skips this check since 2.13, but a write must not stage onto an
        // index whose entries may be wrong. All zeros: written with index.skipHash.
        guard verifyChecksum else { return }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        let got = bytes.withUnsafeMutableBytes { Glibc.pread(fd, $0.baseAddress, $0.count, 0) }
        guard got == bytes.count else { throw damagedIndex("cannot be read: \(String(cString: strerror(errno)))") }
        if !bytes.suffix(20).allSatisfy({ $0 == 0 }) && !SHA1.trailerMatches(bytes) {
            throw damagedIndex("its checksum does not match its content: an entry or the checksum was changed")
        }
    }

    /// The repository's index, read fresh from disk; a damaged file is named.
    func readIndex() throws -> IndexHandle {
        do {
            let index = try openIndex()
            try check(git_index_read(index.pointer, 0))
            return index
        } catch let error as GitError where error.errorClass == .index && error.code != .locked {
            throw damagedIndex(error.message)
        }
    }
}
