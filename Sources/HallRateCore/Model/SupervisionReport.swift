/// Everything the pipeline computed, ready to be written.
public struct SupervisionReport: Sendable {
    /// One row of the tier summary (contract rule 10).
    public struct TierSummary: Sendable {
        public let tier: Tier
        public let period: Period
        /// The target in force in the month.
        public let target: Fraction
        /// Halls with counted transactions that month.
        public let halls: Int
        public let total: Int
        public let online: Int
        public let hallsBelowTarget: Int
        /// Halls ranked (total ≥ min_volume).
        public let ranked: Int
        /// Least-squares slope of the tier's ratio·100 over P−5…P (contract rule 15); nil under 3 points.
        public let slopePP: Double?
        public let trajectory: TierTrajectory?
        /// The month is not closed yet (contract rule 13).
        public let provisional: Bool
        /// For a provisional month, the latest day a counted transaction of the tier was accepted on.
        public let dataCutoff: CalendarDate?
        public var ratio: Double? { total > 0 ? Double(online) / Double(total) : nil }
    }

    /// A hall that reported in the month before and not in this closed month (未报送, contract rule 14).
    public struct NotReporting: Sendable {
        public let hall: Int
        public let period: Period
        /// Its figures of the month before.
        public let previous: HallMonth
    }

    /// One line of a league table: a hall of the tier, with its figures when it reported.
    public struct LeagueEntry: Sendable {
        public let hall: Int
        /// nil when the hall had no counted transaction that month (flag `no_data`).
        public let figures: HallMonth?
        public var flags: HallFlags { figures?.flags ?? .noData }
    }

    /// A league table for one tier and month (contract rule 11).
    public struct LeagueTable: Sendable {
        public let tier: Tier
        public let period: Period
        public let entries: [LeagueEntry]
    }

    /// The red (top) or black (bottom) list.
    public enum ListKind: String, Sendable { case red, black }

    /// One hall on a red or black list (contract rule 12).
    public struct ListEntry: Sendable {
        public let kind: ListKind
        public let tier: Tier
        public let period: Period
        public let figures: HallMonth
        /// Black list only: consecutive closed months, up to this one, on the tier's black list.
        public let blackStreak: Int?
    }

    public let registry: HallRegistry
    /// Which months are closed, as of which day.
    public let closing: MonthClosing
    /// The targets the months were judged by.
    public let targets: TargetSchedule
    /// How halls were ranked and listed: min_volume per tier, list_size (N), list_min_ranked.
    public let rules: ListRules

    /// The pipeline settings that decide ranks and lists, for the sentences that explain them.
    public struct ListRules: Sendable {
        public let minVolume: [Tier: Int]
        public let listSize: Int
        public let listMinRanked: Int
    }
    /// Every month from the first to the last with data.
    public let periods: [Period]
    /// The long table: halls with data, by hall code then month.
    public let hallMonths: [HallMonth]
    public let tierSummaries: [TierSummary]
    public let leagueTables: [LeagueTable]
    public let lists: [ListEntry]
    public let notReporting: [NotReporting]

    /// The month a report is written for by default: the latest closed month with data, else nil.
    public var latestClosedPeriod: Period? { periods.last { closing.isClosed($0) } }

    /// The months with data that are still provisional (at most the last one or two).
    public var provisionalPeriods: [Period] { periods.filter { !closing.isClosed($0) } }
}
