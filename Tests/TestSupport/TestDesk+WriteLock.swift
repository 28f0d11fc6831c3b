import Foundation
import Testing

extension TestDesk {
    /// Holds `.git/gitdesk/write.lock` with flock(1) for `seconds`, recording
    /// itself in the lock file as a gitdesk writer does (`PID TAB TIME TAB
    /// gitdesk comment`). One process from start to end (sh execs sleep,
    /// keeping fd 9): terminating it frees the lock.
    public func holdWriteLock(seconds: Int = 60) throws -> Process {
        let lock = path(".git/gitdesk/write.lock")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec 9<>'\(lock)'; flock 9; printf '%s\\t%s\\tgitdesk comment\\n' $$ $(date +%s) > '\(lock)'; echo held; exec sleep \(seconds)"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        // Wait until the holder has the lock and has written its record.
        let first = out.fileHandleForReading.availableData
        try #require(String(decoding: first, as: UTF8.self).contains("held"), "flock did not take the lock")
        return process
    }
}
