/// Mean, median and 90th percentile of a list of durations, in hours.
///
/// Median: the middle value, or the mean of the two middle values. P90: the
/// nearest rank, the ⌈0.9·n⌉-th smallest value. Nil figures when there are none.
public struct DurationStats: Equatable, Sendable {
    public var count: Int
    public var mean: Double?
    public var median: Double?
    public var p90: Double?

    public init(seconds: [Int64]) {
        count = seconds.count
        guard !seconds.isEmpty else { mean = nil; median = nil; p90 = nil; return }
        let hours = seconds.sorted().map { Double($0) / 3600 }
        mean = hours.reduce(0, +) / Double(hours.count)
        let n = hours.count
        median = n % 2 == 1 ? hours[n / 2] : (hours[n / 2 - 1] + hours[n / 2]) / 2
        let rank = (9 * n + 9) / 10  // ⌈0.9·n⌉ in integers
        p90 = hours[max(rank, 1) - 1]
    }
}

extension Double {
    /// Rounded to two decimals for every report format (so formats agree).
    public var reportRounded: Double { (self * 100).rounded() / 100 }
}
