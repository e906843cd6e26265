/// Every figure of one hall in one month with data for a ``Metric``: a row of the long table (contract
/// rules 6–9, where "total" is the metric's denominator and "online" its numerator).
package struct HallMonth: Sendable {
    package let hall: Int
    package let period: Period
    /// The metric's denominator: for 网上办事率, counted transactions (withdrawn excluded).
    package let denominator: Int
    /// The metric's numerator: for 网上办事率, counted transactions handled online or on mobile.
    package let numerator: Int
    /// The transactions the hall is ranked on (rule 8): the denominator, except for a ratio of days
    /// (``Metric/volume``).
    package let volume: Int
    /// Lower bound of the 95 % Wilson score interval of the ratio.
    package let wilsonLow: Double
    package var prevRatio: Double?
    package var deltaPP: Double?
    package var ratio3m: Double
    package var slopePP: Double?
    package var yoyDeltaPP: Double?
    /// Competition rank within tier and month; nil under `min_volume`.
    package var rank: Int?
    /// The rank in the month before (nil when unranked or without data then; contract rule 9).
    package var prevRank: Int?
    package var flags: HallFlags = []
    /// The tier's target in force in the month (contract rule 9).
    package var target: Fraction?
    /// The month is not closed yet (contract rule 13): figures may still change.
    package var provisional = false
    /// The latest day a counted transaction of the hall was accepted on in the month (nil when unknown).
    package var dataCutoff: CalendarDate?

    /// prev_rank − rank: positive when the hall moved up.
    package var rankChange: Int? {
        guard let rank, let prevRank else { return nil }
        return prevRank - rank
    }

    /// numerator / denominator, exactly.
    package var exactRatio: Fraction { Fraction(numerator, denominator) }
    package var ratio: Double { Double(numerator) / Double(denominator) }
}

extension HallMonth {
    /// The indices of `rows` by hall, then month.
    /// - Complexity: O(n) when the rows are in that order already, O(n log n) otherwise.
    static func hallThenMonthOrder(_ rows: [HallMonth]) -> [Int] {
        func before(_ a: HallMonth, _ b: HallMonth) -> Bool {
            a.hall != b.hall ? a.hall < b.hall : a.period.index < b.period.index
        }
        var order = Array(rows.indices)
        if !rows.indices.dropFirst().allSatisfy({ before(rows[$0 - 1], rows[$0]) }) {
            order.sort { before(rows[$0], rows[$1]) }
        }
        return order
    }
}
