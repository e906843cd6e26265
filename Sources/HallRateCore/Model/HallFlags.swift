/// The supervision flags of a hall in a month (contract rules 9 and 11).
package struct HallFlags: OptionSet, Hashable, Sendable {
    package let rawValue: Int
    package init(rawValue: Int) { self.rawValue = rawValue }

    /// ratio < the tier's target.
    package static let belowTarget = HallFlags(rawValue: 1)
    /// total < min_volume: not ranked.
    package static let insufficientVolume = HallFlags(rawValue: 2)
    /// delta_pp < 0 in each of the last 3 consecutive months.
    package static let declining = HallFlags(rawValue: 4)
    /// No counted transaction that month (league tables only).
    package static let noData = HallFlags(rawValue: 8)
    /// Counted transactions that month, but none the metric counts — a time-limit metric's hall with no
    /// catalogued (or no finished) transaction (league tables only). Not 无报送: the hall did report.
    package static let noFigure = HallFlags(rawValue: 16)

    /// Every flag with its code, in the order they are written.
    package static let named: [(flag: HallFlags, code: String, chinese: String)] = [
        (.belowTarget, "below_target", "低于目标"),
        (.insufficientVolume, "insufficient_volume", "办件量不足"),
        (.declining, "declining", "连续下降"),
        (.noData, "no_data", "无报送"),
        (.noFigure, "no_figure", "无本项数据"),
    ]
}
