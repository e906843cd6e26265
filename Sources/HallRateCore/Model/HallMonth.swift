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
    public var flags: HallFlags = []

    /// online / total, exactly.
    public var exactRatio: Fraction { Fraction(online, total) }
    public var ratio: Double { Double(online) / Double(total) }
}
