import Foundation

/// Phase timings on stderr when `GITDESK_TRACE=1`, for measuring start-up.
/// With `GITDESK_TRACE_FILE=PATH` they are appended to that file instead: a
/// server hook's stderr goes back to the pusher's git, which sync does not show.
public enum StartupTrace {
    // getenv, not ProcessInfo: `--version` and the direct argument path mark
    // before anything else has built ProcessInfo's environment dictionary.
    static let enabled = getenv("GITDESK_TRACE").map { String(cString: $0) == "1" } ?? false
    static let file = ProcessInfo.processInfo.environment["GITDESK_TRACE_FILE"].flatMap { $0.isEmpty ? nil : $0 }
    nonisolated(unsafe) static var last = DispatchTime.now().uptimeNanoseconds

    /// Prints the time since the previous mark.
    public static func mark(_ phase: String) {
        guard enabled else { return }
        let previous = last
        let now = DispatchTime.now().uptimeNanoseconds
        let micros = (now &- previous) / 1000
        let line = Data("trace \(phase): \(micros / 1000).\(String(micros % 1000 + 1000).dropFirst()) ms\n".utf8)
        if let file, let handle = FileHandle(forWritingAtPath: file) ?? create(file) {
            handle.seekToEndOfFile()
            handle.write(line)
            handle.closeFile()
        } else {
            FileHandle.standardError.write(line)
        }
        last = now
    }

    private static func create(_ path: String) -> FileHandle? {
        FileManager.default.createFile(atPath: path, contents: nil)
        return FileHandle(forWritingAtPath: path)
    }
}
