/// Everything the pipeline computed, ready to be written.
public struct SupervisionReport: Sendable {
    /// One row of the tier summary (contract rule 10).
    public struct TierSummary: Sendable {
        public let tier: Tier
        public let period: Period
        public let target: Fraction
        /// Halls with counted transactions that month.
        public let halls: Int
        public let total: Int
        public let online: Int
        public let hallsBelowTarget: Int
        public var ratio: Double? { total > 0 ? Double(online) / Double(total) : nil }
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
        /// Consecutive months, up to this one, in the tier's bottom N.
        public let bottomStreak: Int
    }

    public let registry: HallRegistry
    /// Every month from the first to the last with data.
    public let periods: [Period]
    /// The long table: halls with data, by hall code then month.
    public let hallMonths: [HallMonth]
    public let tierSummaries: [TierSummary]
    public let leagueTables: [LeagueTable]
    public let lists: [ListEntry]
}
