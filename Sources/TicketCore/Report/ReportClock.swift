/// The moment a report is computed at, fixed so a report can be made again
/// byte for byte:
/// - a period that has ended (by the clock): its end, 00:00 after its last
///   day — with or without `--at`, so last month's report made today and
///   `--at` an old revision later agree;
/// - a running period with `--at REV`: the commit time of REV;
/// - a running period: the clock (a live report).
/// Never before the period's start (a future period is empty).
public enum ReportClock {
    public static func now(period: ReportPeriod, clock: Timestamp, revisionTime: Timestamp?) -> Timestamp {
        let end = period.end
        let t = clock >= end ? end : min(revisionTime ?? clock, end)
        return max(t, period.start).withOffset(period.offsetMinutes)
    }
}
