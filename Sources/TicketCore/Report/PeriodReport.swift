/// The analysis report of a period (客服月度分析报告), computed by
/// `PeriodReport.build` from ticket snapshots: pure values, every format
/// renders this one structure.
public struct PeriodReport: Equatable, Sendable {
    /// One row of a breakdown: a value of a field, its count and share of the valid tickets.
    public struct Count: Equatable, Sendable {
        public var key: String
        public var label: String
        public var count: Int
        public var share: Double
    }
    /// One frequent problem: a module and subtype, with an example ticket.
    public struct Problem: Equatable, Sendable {
        public var module: String
        public var subtype: String
        public var subtypeLabel: String
        public var count: Int
        public var example: String
        public var exampleTitle: String
    }
    /// Wall-clock and working-hours figures of one duration.
    public struct Durations: Equatable, Sendable {
        public var wall: DurationStats
        public var working: DurationStats
    }
    /// Met and breached counts of a priority (or of all).
    public struct SLARow: Equatable, Sendable {
        public var key: String
        public var label: String
        public var met: Int
        public var breached: Int
        /// met / (met + breached); nil when both are 0.
        public var compliance: Double? { met + breached == 0 ? nil : Double(met) / Double(met + breached) }
    }
    public struct Satisfaction: Equatable, Sendable {
        /// Every rating given in the period's tickets (each round's).
        public var count: Int
        public var average: Double?
        /// Share of ratings of 4 or 5 stars.
        public var share45: Double?
        /// Ratings per star, index 0 = 1★.
        public var distribution: [Int]
        /// Tickets with a rating of 1 or 2.
        public var low: [String]
    }
    public struct Backlog: Equatable, Sendable {
        public var count: Int
        public var age: DurationStats
    }
    /// Figures per handler or per department.
    public struct Group: Equatable, Sendable {
        public var key: String
        public var label: String
        public var tickets: Int
        public var resolved: Int
        public var open: Int
        public var resolutionWorkingMean: Double?
        public var slaMet: Int
        public var slaBreached: Int
        public var satisfactionAverage: Double?
    }
    /// Tickets created in one ISO week of the period (for the volume chart).
    public struct Week: Equatable, Sendable {
        public var label: String
        public var count: Int
    }

    public var period: ReportPeriod
    /// The moment the report was computed at (see `ReportClock`).
    public var now: Timestamp
    /// Computed before the period's end: the figures are as of `now` and will still change.
    public var inProgress: Bool { now < period.end }
    /// Years of the period the desk's calendar lists no holidays for (counted as plain weekdays).
    public var uncoveredYears: [Int] = []
    /// Valid tickets created in the period.
    public var total: Int
    /// Tickets created in the period and marked invalid.
    public var invalid: Int
    public var byType: [Count]
    public var bySubtype: [Count]
    public var byChannel: [Count]
    public var byDepartment: [Count]
    public var byModule: [Count]
    public var topProblems: [Problem]
    public var firstResponse: Durations
    public var resolution: Durations
    public var sla: [SLARow]
    public var slaTotal: SLARow
    public var resolvedOnce: Int
    public var reopened: Int
    /// reopened / resolvedOnce; nil when nothing was resolved.
    public var reopenRate: Double? { resolvedOnce == 0 ? nil : Double(reopened) / Double(resolvedOnce) }
    public var satisfaction: Satisfaction
    public var backlog: Backlog
    public var byHandler: [Group]
    public var byDepartmentGroup: [Group]
    public var weekly: [Week]
}
