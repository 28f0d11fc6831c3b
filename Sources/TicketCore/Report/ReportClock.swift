/// The moment a report is computed at, fixed so a report can be made again
/// byte for byte:
/// - a period that has ended: its end (00:00 after its last day);
/// - else, with `--at REV`: the commit time of REV (or the period's end if earlier);
/// - else the clock (a live report of the running period).
/// A period that has not started yet is computed at its start (and is empty).
public enum ReportClock {
    public static func now(period: ReportPeriod, clock: Timestamp, revisionTime: Timestamp?) -> Timestamp {
        let reference = revisionTime ?? clock
        let end = period.end
        let t = min(reference, end)
        return max(t, period.start).withOffset(period.offsetMinutes)
    }
}
