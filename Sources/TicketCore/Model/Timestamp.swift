/// A point in time with the UTC offset it was written in, to the second.
///
/// Ticket files store times as ISO 8601 with an explicit offset
/// (`2024-05-01T14:30:00+08:00`) so a reader sees the local time the operator
/// saw. Parsing and formatting are hand-written: they sit on every command's
/// hot path and Foundation's formatters cost milliseconds to set up.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var seconds: Int64
    /// Offset from UTC in minutes (+480 for China Standard Time).
    public var offsetMinutes: Int

    public init(seconds: Int64, offsetMinutes: Int) {
        self.seconds = seconds
        self.offsetMinutes = offsetMinutes
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.seconds < rhs.seconds
    }

    public static func == (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.seconds == rhs.seconds && lhs.offsetMinutes == rhs.offsetMinutes
    }

    /// The same instant shown with another offset.
    public func withOffset(_ minutes: Int) -> Timestamp {
        Timestamp(seconds: seconds, offsetMinutes: minutes)
    }

    /// This instant plus a number of seconds, keeping the offset.
    public func adding(seconds delta: Int64) -> Timestamp {
        Timestamp(seconds: seconds + delta, offsetMinutes: offsetMinutes)
    }

    /// The local calendar fields at this timestamp's own offset.
    public var local: CivilTime {
        CivilTime(localSeconds: seconds + Int64(offsetMinutes) * 60)
    }

    /// Canonical form: `2024-05-01T14:30:00+08:00` (`Z` is written as `+00:00`).
    public var iso8601: String {
        let c = local
        var s = ""
        s.reserveCapacity(25)
        s += pad(c.year, 4); s += "-"; s += pad(c.month, 2); s += "-"; s += pad(c.day, 2)
        s += "T"; s += pad(c.hour, 2); s += ":"; s += pad(c.minute, 2); s += ":"; s += pad(c.second, 2)
        let off = abs(offsetMinutes)
        s += offsetMinutes < 0 ? "-" : "+"
        s += pad(off / 60, 2); s += ":"; s += pad(off % 60, 2)
        return s
    }

    /// A short form for tables: `2024-05-01 14:30`.
    public var shortDisplay: String {
        let c = local
        return pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2) + " "
            + pad(c.hour, 2) + ":" + pad(c.minute, 2)
    }

    /// The local date as `YYYY-MM-DD`.
    public var dateString: String {
        let c = local
        return pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2)
    }

    public var description: String { iso8601 }

    /// Parses ISO 8601 date-times as people type them.
    ///
    /// Accepts `2024-05-01T14:30:00+08:00`, `2024-05-01T14:30+08:00`,
    /// `2024-05-01 14:30`, `2024-05-01T06:30:00Z`, fractional seconds
    /// (dropped) and a bare date `2024-05-01` (midnight). A value without an
    /// offset is read in `defaultOffsetMinutes` (the desk's time zone).
    public static func parse(_ text: String, defaultOffsetMinutes: Int? = nil) -> Timestamp? {
        var p = Scanner8(Array(text.utf8))
        p.skipSpaces()
        guard let year = p.digits(4), p.eat(UInt8(ascii: "-")),
              let month = p.digits(2), p.eat(UInt8(ascii: "-")),
              let day = p.digits(2) else { return nil }
        var hour = 0, minute = 0, second = 0
        if p.eat(UInt8(ascii: "T")) || p.eat(UInt8(ascii: " ")) || p.eat(UInt8(ascii: "t")) {
            guard let h = p.digits(2), p.eat(UInt8(ascii: ":")), let m = p.digits(2) else { return nil }
            hour = h; minute = m
            if p.eat(UInt8(ascii: ":")) {
                guard let s = p.digits(2) else { return nil }
                second = s
                if p.eat(UInt8(ascii: ".")) || p.eat(UInt8(ascii: ",")) {
                    while let c = p.peek, c >= 48 && c <= 57 { p.index += 1 }
                }
            }
        }
        p.skipSpaces()
        var offset: Int? = nil
        if p.eat(UInt8(ascii: "Z")) || p.eat(UInt8(ascii: "z")) {
            offset = 0
        } else if let sign = p.peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            p.index += 1
            guard let oh = p.digits(2) else { return nil }
            _ = p.eat(UInt8(ascii: ":"))
            let om = p.digits(2) ?? 0
            offset = (oh * 60 + om) * (sign == UInt8(ascii: "-") ? -1 : 1)
        }
        p.skipSpaces()
        guard p.atEnd else { return nil }
        guard (1...12).contains(month), (1...CivilTime.daysIn(month: month, year: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        guard let off = offset ?? defaultOffsetMinutes, abs(off) <= 18 * 60 else { return nil }
        let days = CivilTime.daysFromCivil(year: year, month: month, day: day)
        let local = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return Timestamp(seconds: local - Int64(off) * 60, offsetMinutes: off)
    }
}

/// Broken-down local time (proleptic Gregorian calendar).
public struct CivilTime: Hashable, Sendable {
    public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    /// 1 = Monday … 7 = Sunday (ISO weekday).
    public var weekday: Int

    public init(localSeconds: Int64) {
        var days = localSeconds / 86_400
        var rem = localSeconds % 86_400
        if rem < 0 { rem += 86_400; days -= 1 }
        let (y, m, d) = CivilTime.civilFromDays(days)
        year = y; month = m; day = d
        hour = Int(rem / 3600); minute = Int(rem % 3600 / 60); second = Int(rem % 60)
        // 1970-01-01 was a Thursday (4).
        let w = Int((days % 7 + 7) % 7)  // 0 = Thursday
        weekday = (w + 3) % 7 + 1
    }

    /// Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm).
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    public static func civilFromDays(_ z0: Int64) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(m <= 2 ? y + 1 : y), Int(m), Int(d))
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

@inline(__always)
func pad(_ value: Int, _ width: Int) -> String {
    let s = String(value)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

/// A tiny cursor over UTF-8 bytes for hand-written parsers.
struct Scanner8 {
    let bytes: [UInt8]
    var index = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    var atEnd: Bool { index >= bytes.count }
    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }
    mutating func eat(_ b: UInt8) -> Bool {
        if peek == b { index += 1; return true }
        return false
    }
    mutating func skipSpaces() { while peek == 32 || peek == 9 { index += 1 } }
    mutating func digits(_ n: Int) -> Int? {
        guard index + n <= bytes.count else { return nil }
        var v = 0
        for i in index..<index + n {
            let c = bytes[i]
            guard c >= 48 && c <= 57 else { return nil }
            v = v * 10 + Int(c - 48)
        }
        index += n
        return v
    }
}
