/// The supervision flags of a hall in a month (contract rules 9 and 11).
public struct HallFlags: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// ratio < the tier's target.
    public static let belowTarget = HallFlags(rawValue: 1)
    /// total < min_volume: not ranked.
    public static let insufficientVolume = HallFlags(rawValue: 2)
    /// delta_pp < 0 in each of the last 3 consecutive months.
    public static let declining = HallFlags(rawValue: 4)
    /// No counted transaction that month (league tables only).
    public static let noData = HallFlags(rawValue: 8)

    /// Every flag with its code, in the order they are written.
    public static let named: [(flag: HallFlags, code: String, chinese: String)] = [
        (.belowTarget, "below_target", "低于目标"),
        (.insufficientVolume, "insufficient_volume", "办件量不足"),
        (.declining, "declining", "连续下降"),
        (.noData, "no_data", "无报送"),
    ]
}
