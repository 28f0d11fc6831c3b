import Foundation

/// Whether a process is stopped (SIGSTOP, Ctrl-Z, a debugger): it holds its
/// locks and never lets go until someone resumes it, so waiting longer cannot help.
enum StoppedProcess {
    /// True when /proc says `pid` is in state T (stopped) or t (traced).
    static func isStopped(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        // The state is the first field after the command name in parentheses.
        let state = stat[stat.index(after: close)...].split(separator: " ").first
        return state == "T" || state == "t"
    }
}
