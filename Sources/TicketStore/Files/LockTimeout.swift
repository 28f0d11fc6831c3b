import Foundation
import GitKit
import TicketCore

/// How long a write waits for a lock held by someone else: the desk's write
/// lock and git's `.git/index.lock`. `GITDESK_LOCK_TIMEOUT` (seconds) wins,
/// (empty counts as unset), else git config `gitdesk.lockTimeout`, else ``defaultSeconds``.
///
/// Parsed strictly: a plain decimal number from 0 to ``maximum``. Anything
/// else (`abc`, `-5`, `nan`, `inf`, `1e30`) is refused with one line naming
/// where it came from, rather than silently becoming the default: a person
/// who asked for a wait must learn that it was not taken.
enum LockTimeout {
    static let defaultSeconds = 30.0
    /// An hour: a writer that holds a lock longer is stuck, not busy.
    static let maximum = 3600.0

    /// The wait asked for by the environment or `repository`'s config.
    static func configured(_ repository: Repository?) throws(DeskError) -> Double {
        // Empty (`export GITDESK_LOCK_TIMEOUT=`) is unset, as for most variables.
        if let raw = getenv("GITDESK_LOCK_TIMEOUT").map({ String(cString: $0) }), !raw.trimmed().isEmpty {
            return try value(raw, source: "GITDESK_LOCK_TIMEOUT")
        }
        if let repository, let raw = (try? repository.configString("gitdesk.lockTimeout")) ?? nil {
            return try value(raw, source: "gitdesk.lockTimeout")
        }
        return defaultSeconds
    }

    static func value(_ raw: String, source: String) throws(DeskError) -> Double {
        if let seconds = parse(raw) { return seconds }
        throw .lockTimeoutInvalid(source: source, value: String(raw.prefix(40)))
    }

    /// Seconds in `text` (digits, optionally `.digits`, spaces around allowed), if within 0…``maximum``.
    static func parse(_ text: String) -> Double? {
        let trimmed = text.trimmed()
        let parts = trimmed.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard !trimmed.isEmpty, parts.count <= 2,
              parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }),
              parts[0].utf8.count <= 5,
              let seconds = Double(trimmed), seconds.isFinite, seconds <= maximum else { return nil }
        return seconds
    }

    /// `30 s`, `2.5 s`: never converts an unchecked value to an integer.
    static func describe(_ seconds: Double) -> String {
        seconds == seconds.rounded() && abs(seconds) < 1e9 ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}
