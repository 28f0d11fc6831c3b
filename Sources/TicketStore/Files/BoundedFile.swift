import Foundation

/// Reads one of gitdesk's own small files under `.git/gitdesk/` (the settings
/// cache, the write journal, the index stamp) only when its size is sane.
///
/// They were read whole: a damaged or planted 3 GB sparse file cost 6 GB of
/// memory before any check. The size comes from fstat(2) on the open file,
/// so a file swapped in between is judged by what is read.
enum BoundedFile {
    /// The file's bytes, or nil when it is missing, unreadable or larger than `maximum`.
    static func read(_ path: String, maximum: Int) -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let size = size(of: handle.fileDescriptor), size <= maximum else { return nil }
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

    private static func size(of fd: Int32) -> Int? {
        var info = stat()
        return fstat(fd, &info) == 0 ? Int(info.st_size) : nil
    }
}
