/// Every figure of one hall in one month with data: a row of the long table (contract rules 6–9).
public struct HallMonth: Sendable {
    public let hall: Int
    public let period: Period
    /// Counted transactions (withdrawn excluded).
    public let total: Int
    /// Counted transactions handled online or on mobile.
    public let online: Int
    /// Lower bound of the 95 % Wilson score interval of the ratio.
    public let wilsonLow: Double
    public var prevRatio: Double?
    public var deltaPP: Double?
    public var ratio3m: Double
    public var slopePP: Double?
    public var yoyDeltaPP: Double?
    /// Competition rank within tier and month; nil under `min_volume`.
    public var rank: Int?
    /// The rank in the month before (nil when unranked or without data then; contract rule 9).
    public var prevRank: Int?
    public var flags: HallFlags = []
    /// The tier's target in force in the month (contract rule 9).
    public var target: Fraction?
    /// The month is not closed yet (contract rule 13): figures may still change.
    public var provisional = false
    /// The latest day a counted transaction of the hall was accepted on in the month (nil when unknown).
    public var dataCutoff: CalendarDate?

    /// prev_rank − rank: positive when the hall moved up.
    public var rankChange: Int? {
        guard let rank, let prevRank else { return nil }
        return prevRank - rank
    }

    /// online / total, exactly.
    public var exactRatio: Fraction { Fraction(online, total) }
    public var ratio: Double { Double(online) / Double(total) }
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
