/// Reads sla.yaml into an `SLAPolicy`, refusing malformed targets, dates and
/// hours, overlapping holidays and a holiday that is also a make-up day,
/// with the file and line to fix.
enum SLAPolicyLoader {
    struct File: Decodable {
        var calendar: CalendarFile
        var targets: [String: TargetsFile]
        var warningAt: String?
        var extensionNotice: String?
        var extensionNoticeShare: String?

        enum CodingKeys: String, CodingKey {
            case calendar, targets
            case warningAt = "warning_at"
            case extensionNotice = "extension_notice"
            case extensionNoticeShare = "extension_notice_share"
        }
    }

    struct CalendarFile: Decodable {
        var utcOffset: String?
        var workingDays: [String]
        var workingHours: [String]
        var holidays: [DayRange]?
        var makeupDays: [DayRange]?

        enum CodingKeys: String, CodingKey {
            case utcOffset = "utc_offset"
            case workingDays = "working_days"
            case workingHours = "working_hours"
            case holidays
            case makeupDays = "makeup_days"
        }
    }

    struct DayRange: Decodable {
        var name: String?
        var date: String?
        var from: String?
        var to: String?
    }

    struct TargetsFile: Decodable {
        var respond: String
        var resolve: String
    }

    static let weekdays = ["mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7]

    static func load(_ doc: YAMLFile, priorities: [EnumValue]) throws(ConfigurationError) -> SLAPolicy {
        let file = try doc.decode(File.self)
        func fail(_ path: [YAMLFile.PathComponent], _ message: Message) -> ConfigurationError {
            ConfigurationError(file: doc.name, line: doc.line(at: path), message)
        }
        let c = file.calendar
        var offset = 480
        if let text = c.utcOffset {
            guard let minutes = parseOffset(text) else {
                throw fail(["calendar", "utc_offset"], Message(.slaBadOffset, ["value": .text(text)]))
            }
            offset = minutes
        }
        var weekdays = Set<Int>()
        for (i, d) in c.workingDays.enumerated() {
            guard let n = SLAPolicyLoader.weekdays[d.lowercased()] else {
                throw fail(["calendar", "working_days", .index(i)], Message(.slaBadWeekday, ["value": .text(d)]))
            }
            weekdays.insert(n)
        }
        var hours: [Range<Int>] = []
        for (i, h) in c.workingHours.enumerated() {
            guard let r = parseHours(h) else {
                throw fail(["calendar", "working_hours", .index(i)], Message(.slaBadHours, ["value": .text(h)]))
            }
            if let overlap = hours.first(where: { $0.overlaps(r) }) {
                throw fail(["calendar", "working_hours", .index(i)],
                           Message(.slaHoursOverlap, ["value": .text(h), "other": .text("\(hhmm(overlap.lowerBound))-\(hhmm(overlap.upperBound))")]))
            }
            hours.append(r)
        }
        guard !hours.isEmpty, !weekdays.isEmpty else {
            throw fail(["calendar"], Message(.slaEmptyCalendar))
        }
        var holidays: [Int64: String] = [:]
        for (i, h) in (c.holidays ?? []).enumerated() {
            let path: [YAMLFile.PathComponent] = ["calendar", "holidays", .index(i)]
            let days = try dayRange(h, path: path, fail: fail)
            let name = h.name ?? days.lowerBound.dateText
            for day in days.lowerBound.days...days.upperBound.days {
                if let other = holidays[day] {
                    throw fail(path, Message(.slaHolidayOverlap, ["name": .text(name), "other": .text(other), "day": .text(dateText(day))]))
                }
                holidays[day] = name
            }
        }
        var makeup = Set<Int64>()
        for (i, m) in (c.makeupDays ?? []).enumerated() {
            let path: [YAMLFile.PathComponent] = ["calendar", "makeup_days", .index(i)]
            let days = try dayRange(m, path: path, fail: fail)
            for day in days.lowerBound.days...days.upperBound.days {
                if let h = holidays[day] {
                    throw fail(path, Message(.slaMakeupInHoliday, ["day": .text(dateText(day)), "name": .text(h)]))
                }
                makeup.insert(day)
            }
        }
        let calendar = BusinessCalendar(offsetMinutes: offset, workingWeekdays: weekdays, hours: hours,
                                        holidays: Set(holidays.keys), makeupDays: makeup)
        var targets: [String: SLAPolicy.Targets] = [:]
        for (priority, t) in file.targets {
            guard priorities.isEmpty || priorities.contains(where: { $0.key == priority }) else {
                throw fail(["targets", .key(priority)],
                           Message(.notAPriority, ["value": .text(priority), "allowed": .values(enumName: "priority", keys: priorities.map(\.key))]))
            }
            guard let respond = SLATarget.parse(t.respond) else {
                throw fail(["targets", .key(priority), "respond"], Message(.slaBadRespond, ["value": .text(t.respond)]))
            }
            guard let resolve = SLATarget.parse(t.resolve) else {
                throw fail(["targets", .key(priority), "resolve"], Message(.slaBadResolve, ["value": .text(t.resolve)]))
            }
            targets[priority] = .init(respond: respond, resolve: resolve)
        }
        var warning = 0.8
        if let text = file.warningAt {
            guard let w = parseShare(text), w > 0, w <= 1 else {
                throw fail(["warning_at"], Message(.slaBadWarningAt, ["value": .text(text)]))
            }
            warning = w
        }
        var notice: Int64 = 4 * 3600
        if let text = file.extensionNotice {
            guard let s = Duration.parse(text) else {
                throw fail(["extension_notice"], Message(.slaBadNotice, ["value": .text(text)]))
            }
            notice = s
        }
        var share = 0.25
        if let text = file.extensionNoticeShare {
            guard let s = parseShare(text), s > 0, s <= 1 else {
                throw fail(["extension_notice_share"], Message(.slaBadNoticeShare, ["value": .text(text)]))
            }
            share = s
        }
        return SLAPolicy(calendar: calendar, targets: targets, warningAt: warning, extensionNotice: notice, extensionNoticeShare: share)
    }

    static func dayRange(_ r: DayRange, path: [YAMLFile.PathComponent],
                         fail: ([YAMLFile.PathComponent], Message) -> ConfigurationError) throws(ConfigurationError) -> ClosedRange<DayBox> {
        let fromText = r.date ?? r.from
        let toText = r.date ?? r.to ?? r.from
        guard let fromText, let toText else { throw fail(path, Message(.slaDayRangeNeeded)) }
        guard let from = parseDate(fromText) else { throw fail(path, Message(.slaBadDate, ["value": .text(fromText)])) }
        guard let to = parseDate(toText) else { throw fail(path, Message(.slaBadDate, ["value": .text(toText)])) }
        guard from <= to else { throw fail(path, Message(.slaFromAfterTo, ["from": .text(fromText), "to": .text(toText)])) }
        return DayBox(days: from, dateText: fromText)...DayBox(days: to, dateText: toText)
    }

    /// A local day with the text it was written as (ordered by day).
    struct DayBox: Comparable {
        var days: Int64
        var dateText: String
        static func < (a: DayBox, b: DayBox) -> Bool { a.days < b.days }
        static func == (a: DayBox, b: DayBox) -> Bool { a.days == b.days }
    }

    static func parseDate(_ text: String) -> Int64? {
        let t = text.trimmed()
        guard t.utf8.count == 10, let ts = Timestamp.parse(t, defaultOffsetMinutes: 0) else { return nil }
        return ts.seconds / 86_400
    }

    static func dateText(_ day: Int64) -> String {
        Timestamp(seconds: day * 86_400, offsetMinutes: 0).dateString
    }

    static func parseOffset(_ text: String) -> Int? {
        let t = text.trimmed()
        if t == "Z" || t == "UTC" { return 0 }
        guard let ts = Timestamp.parse("1970-01-01T00:00" + t), abs(ts.offsetMinutes) <= 14 * 60 else { return nil }
        return ts.offsetMinutes
    }

    /// `09:00-18:00` → minutes after midnight.
    static func parseHours(_ text: String) -> Range<Int>? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { String($0).trimmed() }
        guard parts.count == 2, let a = minutes(parts[0]), let b = minutes(parts[1]), a < b else { return nil }
        return a..<b
    }

    static func minutes(_ hhmm: String) -> Int? {
        let p = hhmm.split(separator: ":")
        guard p.count == 2, let h = Int(p[0]), let m = Int(p[1]), (0...24).contains(h), (0...59).contains(m),
              h * 60 + m <= 1440 else { return nil }
        return h * 60 + m
    }

    static func hhmm(_ minutes: Int) -> String { pad(minutes / 60, 2) + ":" + pad(minutes % 60, 2) }

    static func parseShare(_ text: String) -> Double? {
        let t = text.trimmed()
        if t.hasSuffix("%") { return Double(t.dropLast()).map { $0 / 100 } }
        return Double(t)
    }
}
