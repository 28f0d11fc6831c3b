import Foundation

/// Phase timings on stderr when `GITDESK_TRACE=1`, for measuring start-up.
public enum StartupTrace {
    static let enabled = ProcessInfo.processInfo.environment["GITDESK_TRACE"] == "1"
    nonisolated(unsafe) static var last = DispatchTime.now().uptimeNanoseconds

    /// Prints the time since the previous mark.
    public static func mark(_ phase: String) {
        guard enabled else { return }
        let previous = last
        let now = DispatchTime.now().uptimeNanoseconds
        let micros = (now &- previous) / 1000
        FileHandle.standardError.write(Data("trace \(phase): \(micros / 1000).\(String(micros % 1000 + 1000).dropFirst()) ms\n".utf8))
        last = now
    }
}
