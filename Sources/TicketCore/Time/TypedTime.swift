/// Dates and times as people type them on the command line (`set`, the list
/// filters, report periods, `extend --until`), read in the desk's time zone.
///
/// Stored files keep strict ISO 8601 (``Timestamp/parse(_:defaultOffsetMinutes:)``);
/// this is the friendlier reading of what an operator types:
/// - ISO 8601 and `2026-12-05 18:00` (what ``Timestamp`` reads);
/// - `2026/12/05`, `2026.12.05`, `2026-12-5`, `2026年12月5日` (or 号), and
///   `12月5日` in the current year;
/// - `今天` / `today`, `明天` / `tomorrow`, `昨天` / `yesterday`, `后天`, `前天`;
/// - any of those dates followed by a time of day (`明天 18:00`); a date alone
///   means its first minute (00:00), as a bare ISO date does;
/// - `+3d`, `+12h`, `+2w` (`+3天`, `+12小时`, `+2周`): that long from now.
/// Full-width digits and punctuation (`２０２６／１２／０５`) read as ASCII.
public enum TypedTime {
    /// The accepted forms, for error messages.
    public static let forms = "2026-12-05 18:00, 2026/12/05, 2026.12.05, 12月5日, 2026年12月5日, 今天, 明天, 昨天, today, tomorrow, +3d, ISO 8601"

    /// The moment `text` names, or nil. `now` gives "today" and "this
    /// year"; `offsetMinutes` is the desk's UTC offset, the one a value
    /// without its own offset is read in.
    public static func parse(_ text: String, now: Timestamp, offsetMinutes: Int) -> Timestamp? {
        let typed = ascii(text.trimmed())
        if let t = Timestamp.parse(typed, defaultOffsetMinutes: offsetMinutes) { return t }
        if let delta = relative(typed) { return now.adding(seconds: delta).withOffset(offsetMinutes) }
        guard let (day, rest) = datePart(typed, now: now, offsetMinutes: offsetMinutes),
              let second = timeOfDay(rest) else { return nil }
        return Timestamp(seconds: day * 86_400 + Int64(second) - Int64(offsetMinutes) * 60, offsetMinutes: offsetMinutes)
    }

    /// The day (days since 1970-01-01, local) a date-only `text` names, for
    /// report periods: every date form above, without a time of day.
    public static func day(_ text: String, now: Timestamp, offsetMinutes: Int) -> Int64? {
        let typed = ascii(text.trimmed())
        guard let (day, rest) = datePart(typed, now: now, offsetMinutes: offsetMinutes), rest.isEmpty else { return nil }
        return day
    }

    // MARK: - Pieces

    static let dayWords: [String: Int64] = [
        "今天": 0, "今日": 0, "today": 0, "明天": 1, "明日": 1, "tomorrow": 1,
        "昨天": -1, "昨日": -1, "yesterday": -1, "后天": 2, "前天": -2,
    ]

    /// Full-width digits, slash, dot, colon, plus and space as ASCII.
    static func ascii(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u.value {
            case 0xFF10...0xFF19: out.unicodeScalars.append(Unicode.Scalar(u.value - 0xFF10 + 48)!)
            case 0xFF0F: out += "/"
            case 0xFF0E: out += "."
            case 0xFF1A: out += ":"
            case 0xFF0B: out += "+"
            case 0xFF0D: out += "-"
            case 0x3000: out += " "
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// `+3d` and friends, in seconds.
    static func relative(_ s: String) -> Int64? {
        guard s.hasPrefix("+") else { return nil }
        let body = s.dropFirst()
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 5, let n = Int64(digits) else { return nil }
        let unit = body.dropFirst(digits.count).trimmingPrefixSpaces().lowercased()
        let seconds: Int64
        switch unit {
        case "d", "day", "days", "天": seconds = 86_400
        case "h", "hour", "hours", "小时", "时": seconds = 3_600
        case "w", "week", "weeks", "周", "星期": seconds = 7 * 86_400
        case "m", "min", "分钟": seconds = 60
        default: return nil
        }
        return n * seconds
    }

    /// The day a date at the start of `s` names, and what follows it.
    static func datePart(_ s: String, now: Timestamp, offsetMinutes: Int) -> (Int64, Substring)? {
        let today = now.withOffset(offsetMinutes).local
        let todayNumber = CivilTime.daysFromCivil(year: today.year, month: today.month, day: today.day)
        let lower = s.lowercased()
        for (word, delta) in dayWords where lower.hasPrefix(word) {
            let rest = Substring(s).dropFirst(word.count)
            // `todayx` is not `today`.
            if let next = rest.first, next.isLetter, !next.isWhitespace { continue }
            return (todayNumber + delta, rest)
        }
        var r = Substring(s)
        let numbers = s.unicodeScalars.contains("年") || s.unicodeScalars.contains("月")
        if numbers {
            // 2026年12月5日 or 12月5日, 日 or 号.
            var year = today.year
            guard let first = leadingNumber(&r, maxDigits: 4) else { return nil }
            var month = first.value
            if r.first == "年" {
                guard first.digits == 4 else { return nil }
                year = first.value; r = r.dropFirst()
                guard let m = leadingNumber(&r, maxDigits: 2) else { return nil }
                month = m.value
            } else if first.digits > 2 { return nil }
            guard r.first == "月" else { return nil }
            r = r.dropFirst()
            guard let d = leadingNumber(&r, maxDigits: 2), r.first == "日" || r.first == "号" else { return nil }
            r = r.dropFirst()
            return civil(year, month, d.value).map { ($0, r) }
        }
        // 2026/12/05, 2026.12.05, 2026-12-5.
        guard let y = leadingNumber(&r, maxDigits: 4), y.digits == 4, let sep = r.first, "/.-".contains(sep) else { return nil }
        r = r.dropFirst()
        guard let m = leadingNumber(&r, maxDigits: 2), r.first == sep else { return nil }
        r = r.dropFirst()
        guard let d = leadingNumber(&r, maxDigits: 2) else { return nil }
        if r.first == sep || r.first == "." { return nil }
        return civil(y.value, m.value, d.value).map { ($0, r) }
    }

    /// Seconds after midnight for what follows a date: nothing (00:00), or
    /// ` 18:00`, ` 18:00:30`, `T18:00`.
    static func timeOfDay(_ rest: Substring) -> Int? {
        var r = rest
        if r.first == "T" || r.first == "t" { r = r.dropFirst() } else { r = r.trimmingPrefixSpaces() }
        if r.isEmpty { return rest.isEmpty || rest.allSatisfy(\.isWhitespace) ? 0 : nil }
        let parts = r.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m) else { return nil }
        let sec = parts.count == 3 ? Int(parts[2]) ?? 99 : 0
        guard (0...59).contains(sec) else { return nil }
        return h * 3600 + m * 60 + sec
    }

    static func leadingNumber(_ r: inout Substring, maxDigits: Int) -> (value: Int, digits: Int)? {
        let digits = r.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= maxDigits, let v = Int(digits) else { return nil }
        r = r.dropFirst(digits.count)
        return (v, digits.count)
    }

    static func civil(_ y: Int, _ m: Int, _ d: Int) -> Int64? {
        guard (1...12).contains(m), (1...CivilTime.daysIn(month: m, year: y)).contains(d) else { return nil }
        return CivilTime.daysFromCivil(year: y, month: m, day: d)
    }
}

extension Substring {
    fileprivate func trimmingPrefixSpaces() -> Substring { drop { $0 == " " || $0 == "\t" } }
}
