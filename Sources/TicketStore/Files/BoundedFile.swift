import Foundation

/// Reads one of gitdesk's own small files under `.git/gitdesk/` (the settings
/// cache, the write journal, the index stamp, the hooks) only when it is a
/// regular file of sane size.
///
/// They were read whole: a damaged or planted 3 GB sparse file cost 6 GB of
/// memory before any check, and a FIFO in their place blocked gitdesk forever
/// in open(2). The file is opened with O_NONBLOCK (a FIFO without a writer
/// opens at once instead of waiting for one), then fstat(2) on the open file
/// judges it: not a regular file, or too large, is treated as damaged. So a
/// file swapped in between is judged by what is read.
enum BoundedFile {
    /// The file's bytes, or nil when it is missing, unreadable, not a regular
    /// file or larger than `maximum`.
    static func read(_ path: String, maximum: Int) -> Data? {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) <= maximum else { return nil }
        // One byte more than allowed: a file that grew since fstat is refused too.
        let data: Data
        do { data = try handle.read(upToCount: maximum + 1) ?? Data() } catch { return nil }
        return data.count <= maximum ? data : nil
    }

    /// True when `path` exists and is larger than `maximum`.
    static func isOversize(_ path: String, maximum: Int) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && Int(info.st_size) > maximum
    }

    /// True when `path` exists (not following a final symlink's absence) but
    /// is not a regular file: a FIFO, device, socket or folder.
    static func isNotRegular(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG
    }
}
