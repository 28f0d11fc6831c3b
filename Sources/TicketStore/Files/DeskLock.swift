import Foundation
import TicketCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock that serialises gitdesk writers on one clone
/// (`.git/gitdesk/write.lock`, held with flock(2)).
///
/// The kernel drops the lock when the process dies, so a crash never leaves a
/// stale lock behind. Writers on other clones and plain `git` are still
/// handled by the branch's compare-and-swap; this lock only keeps the working
/// file and index of this clone consistent with HEAD.
///
/// The holder writes who it is into the lock file (`PID<TAB>START<TAB>COMMAND`,
/// the command being only gitdesk's subcommand: its other arguments may hold
/// personal data). A writer that has to wait says so on stderr after
/// ``noticeAfter`` seconds, naming the holder, and gives up after the
/// timeout (``LockTimeout``: `GITDESK_LOCK_TIMEOUT`, `gitdesk.lockTimeout`, 30 s).
final class DeskLock {
    private let fd: Int32

    private init(fd: Int32) { self.fd = fd }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }

    /// When a waiting writer first says on stderr whom it waits for.
    static let noticeAfter = 1.0

    /// Waits up to `timeout` seconds for the lock (``LockTimeout/configured(_:)`` for writers).
    /// `quiet`: no notice while waiting (a lock only gitdesk's own caches use).
    /// `zone`: the desk's time zone, in which the holder's start time is shown (UTC without one).
    static func acquire(gitDir: String, name: String = "write.lock", timeout: Double,
                        quiet: Bool = false, zone: TimeZone? = nil) throws(DeskError) -> DeskLock {
        let dir = gitDir.hasSuffix("/") ? gitDir + "gitdesk" : gitDir + "/gitdesk"
        mkdir(dir, 0o755)
        let file = dir + "/" + name
        let fd = open(file, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .git("cannot open \(file): \(String(cString: strerror(errno)))") }
        var waited = 0.0
        var pause = 0.001
        var noticed = false
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                close(fd)
                throw .git("cannot lock \(file): \(String(cString: strerror(errno)))")
            }
            if waited >= timeout {
                let found = Holder.read(fd: fd)
                let holder = found?.describe(in: zone) ?? "another process"
                close(fd)
                if let found, StoppedProcess.isStopped(found.pid) {
                    throw .said(Message(.lockHolderStopped, ["holder": .text(holder), "file": .text(file),
                                                             "wait": .text(Self.seconds(timeout)), "pid": .number(Int(found.pid))]))
                }
                let stop = found.map { " (or stop it: `kill \($0.pid)`)" } ?? ""
                throw .lockWait("\(holder) still holds \(file) after \(Self.seconds(timeout)); nothing was written: try again when it is done\(stop), or wait longer with GITDESK_LOCK_TIMEOUT=SECONDS")
            }
            if !quiet && !noticed && waited >= noticeAfter {
                noticed = true
                let holder = Holder.read(fd: fd)?.describe(in: zone) ?? "another process"
                FileHandle.standardError.write(Data("gitdesk: waiting for \(holder), which holds \(file); giving up after \(Self.seconds(timeout)) (GITDESK_LOCK_TIMEOUT)\n".utf8))
            }
            usleep(UInt32(pause * 1_000_000))
            waited += pause
            pause = min(pause * 2, 0.05)
        }
        Holder.me.write(fd: fd)
        return DeskLock(fd: fd)
    }

    private static func seconds(_ s: Double) -> String { LockTimeout.describe(s) }

    /// Who holds a lock, as its holder wrote it.
    struct Holder: CustomStringConvertible {
        var pid: Int32
        var since: Int64
        var command: String

        static var me: Holder {
            // Only the subcommand (letters and '-'): the rest may hold personal data.
            var sub = ""
            var arguments = CommandLine.arguments.dropFirst()[...]
            while let argument = arguments.popFirst() {
                // Global options may come first with their values (`gitdesk -C desk comment …`).
                if ["-C", "--as", "--lang"].contains(argument) { _ = arguments.popFirst(); continue }
                if !argument.hasPrefix("-") { sub = argument; break }
            }
            let command = sub.allSatisfy { $0.isASCII && ($0.isLetter || $0 == "-") } && !sub.isEmpty ? "gitdesk \(sub)" : "gitdesk"
            return Holder(pid: getpid(), since: Int64(time(nil)), command: command)
        }

        func write(fd: Int32) {
            let line = Array("\(pid)\t\(since)\t\(command)\n".utf8)
            _ = ftruncate(fd, 0)
            _ = line.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        }

        /// The record in the lock file, if its process still runs.
        static func read(fd: Int32) -> Holder? {
            var buffer = [UInt8](repeating: 0, count: 256)
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 255, 0) }
            guard n > 0 else { return nil }
            let parts = String(decoding: buffer[..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                .split(separator: "\t", maxSplits: 2).map(String.init)
            guard parts.count == 3, let pid = Int32(parts[0]), pid > 0, let since = Int64(parts[1]) else { return nil }
            guard kill(pid, 0) == 0 || errno == EPERM else { return nil }
            let command = parts[2].unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F } ? parts[2] : "?"
            return Holder(pid: pid, since: since, command: command)
        }

        var description: String { describe(in: nil) }

        /// `another writer (pid 42, gitdesk comment, since 10:00:00 +08:00)`: the
        /// time in `zone` (the desk's), UTC without one.
        func describe(in zone: TimeZone?) -> String {
            let offset = zone?.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(since))) ?? 0
            var t = time_t(since + Int64(offset))
            var parts = tm()
            gmtime_r(&t, &parts)
            let sign = offset < 0 ? "-" : "+"
            let suffix = zone == nil ? "UTC" : String(format: "%@%02d:%02d", sign, abs(offset) / 3600, abs(offset) % 3600 / 60)
            let clock = String(format: "%02d:%02d:%02d ", parts.tm_hour, parts.tm_min, parts.tm_sec) + suffix
            return "another writer (pid \(pid), \(command), since \(clock))"
        }
    }
}
