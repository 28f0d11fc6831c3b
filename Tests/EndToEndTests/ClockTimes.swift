import Foundation

/// Times relative to the real clock, as GITDESK_NOW and GIT_AUTHOR_DATE take
/// them (China Standard Time): the rules about back-dating are about the
/// distance from the clock, so these tests cannot use fixed dates.
enum ClockTimes {
    /// The ISO 8601 time `seconds` from now (negative: in the past), e.g. `2026-11-21T09:13:44+08:00`.
    static func iso(_ seconds: TimeInterval) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ssxxx"
        return f.string(from: Date().addingTimeInterval(seconds))
    }

    static let hour: TimeInterval = 3600
    static let day: TimeInterval = 86_400
}
