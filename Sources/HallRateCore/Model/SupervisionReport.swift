/// Everything the pipeline computed, ready to be written.
package struct SupervisionReport: Sendable {
    /// One row of the tier summary (contract rule 10).
    package struct TierSummary: Sendable {
        package let tier: Tier
        package let period: Period
        /// The target in force in the month.
        package let target: Fraction
        /// Halls with figures that month (a denominator above 0).
        package let halls: Int
        /// The sums of the metric's denominator and numerator over those halls.
        package let denominator: Int
        package let numerator: Int
        package let hallsBelowTarget: Int
        /// Halls ranked (total ≥ min_volume).
        package let ranked: Int
        /// Least-squares slope of the tier's ratio·100 over P−5…P (contract rule 15); nil under 3 points.
        package let slopePP: Double?
        package let trajectory: TierTrajectory?
        /// The month is not closed yet (contract rule 13).
        package let provisional: Bool
        /// For a provisional month, the latest day a counted transaction of the tier was accepted on.
        package let dataCutoff: CalendarDate?
        package var ratio: Double? { denominator > 0 ? Double(numerator) / Double(denominator) : nil }
    }

    /// A hall that reported in the month before and not in this closed month (未报送, contract rule 14).
    package struct NotReporting: Sendable {
        package let hall: Int
        package let period: Period
        /// Its figures of the month before.
        package let previous: HallMonth
    }

    /// One line of a league table: a hall of the tier, with its figures when it reported.
    package struct LeagueEntry: Sendable {
        package let hall: Int
        /// nil when the metric has no figure for the hall that month.
        package let figures: HallMonth?
        /// The hall had counted transactions that month: without figures it is `no_figure`, not `no_data`.
        package let reported: Bool
        package init(hall: Int, figures: HallMonth?, reported: Bool = false) {
            self.hall = hall
            self.figures = figures
            self.reported = reported
        }
        package var flags: HallFlags { figures?.flags ?? (reported ? .noFigure : .noData) }
    }

    /// A league table for one tier and month (contract rule 11).
    package struct LeagueTable: Sendable {
        package let tier: Tier
        package let period: Period
        package let entries: [LeagueEntry]
    }

    /// A township's own hall and its villages counted together in one month (乡镇统筹, contract rule 16).
    package struct TownshipRollup: Sendable {
        /// The township hall (registry index).
        package let township: Int
        package let period: Period
        /// The metric's denominator and numerator, summed over the township's hall and its villages.
        package let denominator: Int
        package let numerator: Int
        /// The metric's volume, summed likewise: what the township tier's min_volume applies to.
        package let volume: Int
        /// Its villages with counted transactions that month.
        package let villages: Int
        /// Of those, the ones below the village target in force (the flag `below_target`).
        package let villagesBelowTarget: Int
        /// Its villages not reporting that month (rule 14: reported the month before, none now).
        package let villagesNotReporting: Int
        /// Rank among the townships of the month, as rule 8 with the township tier's min_volume.
        package var rank: Int?
        /// The month is not closed yet (rule 13).
        package let provisional: Bool
        package var ratio: Double { Double(numerator) / Double(denominator) }
        package var exactRatio: Fraction { Fraction(numerator, denominator) }
    }

    /// The red (top) or black (bottom) list.
    package enum ListKind: String, Sendable { case red, black }

    /// One hall on a red or black list (contract rule 12).
    package struct ListEntry: Sendable {
        package let kind: ListKind
        package let tier: Tier
        package let period: Period
        package let figures: HallMonth
        /// Black list only: consecutive closed months, up to this one, on the tier's black list.
        package let blackStreak: Int?
    }

    package let registry: HallRegistry
    /// Which months are closed, as of which day.
    package let closing: MonthClosing
    /// The metric every figure is of (网上办事率 for the pipeline's first).
    package let metric: Metric
    /// The targets the months were judged by.
    package var targets: TargetSchedule { metric.targets }
    /// How halls were ranked and listed: min_volume per tier, list_size (N), list_min_ranked.
    package let rules: ListRules

    /// The pipeline settings that decide ranks and lists, for the sentences that explain them.
    package struct ListRules: Sendable {
        package let minVolume: [Tier: Int]
        package let listSize: Int
        package let listMinRanked: Int
    }
    /// Every month from the first to the last with data.
    package let periods: [Period]
    /// The long table: halls with data, by hall code then month.
    package let hallMonths: [HallMonth]
    package let tierSummaries: [TierSummary]
    package let leagueTables: [LeagueTable]
    package let lists: [ListEntry]
    package let notReporting: [NotReporting]
    /// Per month, every township with transactions (its own or its villages'), in league order.
    package var townshipRollups: [TownshipRollup] = []
    /// By item, then by department: per month and tier, by total descending (contract rule 17).
    package var breakdowns: [Breakdown] = []
    /// With an item catalogue: per hall and month of acceptance, the time-limit counts (rules 19–21); nil without one.
    package var timeLimits: [HallPeriod: TimeLimitCounts]?
    /// With an item catalogue: the exception lists' rows (超期办结, 在办超期 红牌, 临近期限 黄牌), in list
    /// order (``TimeLimitException/precedes(_:_:)``), and how many rows they leave out beyond their limit.
    package var exceptions: [TimeLimitException] = []
    /// The item catalogue the time-limit figures were judged by.
    package var catalogue: ItemCatalogue?
    package var exceptionsLeftOut = 0
    /// A federated run (issue 15): the exception lists and the rejects name cases and rows, which stay with
    /// each member; the outputs say where they are instead of showing empty lists.
    package var casesStayWithMembers = false

    /// The month a report is written for by default: the latest closed month with data, else nil.
    package var latestClosedPeriod: Period? { periods.last { closing.isClosed($0) } }

    /// The months with data that are still provisional (at most the last one or two).
    package var provisionalPeriods: [Period] { periods.filter { !closing.isClosed($0) } }
}
