/// A span of time during which the SLA clock does not count (the ticket
/// waited on the customer, or its work was done).
public struct Pause: Equatable, Sendable {
    public var start: Timestamp
    public var end: Timestamp

    public init(start: Timestamp, end: Timestamp) { self.start = start; self.end = end }

    /// Length in seconds (0 if the end precedes the start).
    public var seconds: Int64 { max(0, end.seconds - start.seconds) }
}

extension BusinessCalendar {
    /// The moment `seconds` of counted time have passed after `start`:
    /// round the clock for `calendar`, working hours only for `business`,
    /// and never during a pause. The result keeps `start`'s offset.
    public func advance(from start: Timestamp, by seconds: Int64, basis: SLATarget.Basis,
                        pauses: [Pause] = []) -> Timestamp {
        let spans = BusinessCalendar.merge(pauses)
        var t = start.seconds
        var remaining = seconds
        guard remaining > 0 else { return start }
        while let segment = nextCounting(after: t, basis: basis, pauses: spans) {
            let length = segment.upperBound - segment.lowerBound
            if length >= remaining {
                return Timestamp(seconds: segment.lowerBound + remaining, offsetMinutes: start.offsetMinutes)
            }
            remaining -= length
            t = segment.upperBound
        }
        return Timestamp(seconds: BusinessCalendar.farFuture, offsetMinutes: start.offsetMinutes)
    }

    /// The moment a target is met when counting starts at `start`.
    public func deadline(from start: Timestamp, target: SLATarget, pauses: [Pause] = []) -> Timestamp {
        advance(from: start, by: target.countedSeconds(on: self), basis: target.basis, pauses: pauses)
    }

    /// Counted seconds between two moments (0 if `end` is not after `start`):
    /// the time in `[start, end)` less the time of each pause within it
    /// (pauses are merged first, so none is subtracted twice).
    public func counted(from start: Timestamp, to end: Timestamp, basis: SLATarget.Basis,
                        pauses: [Pause] = []) -> Int64 {
        let (a, b) = (start.seconds, end.seconds)
        guard b > a else { return 0 }
        func span(_ from: Int64, _ to: Int64) -> Int64 {
            switch basis {
            case .calendar: max(0, to - from)
            case .business: workingSeconds(from: from, to: to)
            }
        }
        var total = span(a, b)
        for pause in BusinessCalendar.merge(pauses) where pause.upperBound > a && pause.lowerBound < b {
            total -= span(max(pause.lowerBound, a), min(pause.upperBound, b))
        }
        return total
    }

    static let farFuture: Int64 = 253_402_300_799  // 9999-12-31T23:59:59Z

    /// The next stretch of counted time at or after `t`.
    func nextCounting(after start: Int64, basis: SLATarget.Basis, pauses: [Range<Int64>]) -> Range<Int64>? {
        var t = start
        while t < BusinessCalendar.farFuture {
            var segment: Range<Int64>
            switch basis {
            case .calendar: segment = t..<BusinessCalendar.farFuture
            case .business:
                guard let s = nextWorkingInterval(after: t) else { return nil }
                segment = s
            }
            guard let pause = pauses.first(where: { $0.upperBound > segment.lowerBound && $0.lowerBound < segment.upperBound }) else {
                return segment
            }
            if pause.lowerBound <= segment.lowerBound {
                t = pause.upperBound
            } else {
                return segment.lowerBound..<pause.lowerBound
            }
        }
        return nil
    }

    /// Pauses as sorted, disjoint ranges of UTC seconds.
    static func merge(_ pauses: [Pause]) -> [Range<Int64>] {
        let sorted = pauses.filter { $0.end.seconds > $0.start.seconds }
            .map { $0.start.seconds..<$0.end.seconds }
            .sorted { $0.lowerBound < $1.lowerBound }
        var out: [Range<Int64>] = []
        for r in sorted {
            if let last = out.last, r.lowerBound <= last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        return out
    }
}
