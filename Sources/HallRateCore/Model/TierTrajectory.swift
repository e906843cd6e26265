/// Where a tier's rate is heading against its target (contract rule 15).
package enum TierTrajectory: Sendable, Equatable {
    /// The tier's ratio is at or above its target.
    case atTarget
    /// Below target with a positive slope: ⌈(target − ratio)·100 / slope_pp⌉ months at this trend.
    case reaches(months: Int)
    /// Below target and the slope is ≤ 0, or so flat that the target lies more than a century away.
    case notAtThisTrend

    /// More months than this count as not reaching the target.
    static let horizon = 1200

    /// The trajectory of a ratio against its target; nil when it misses the target without a slope
    /// (fewer than 3 months with data among the last 6) or without a ratio. For a metric where lower is
    /// better, the gap and the slope that closes it are both of the other sign.
    static func of(ratio: Fraction?, target: Fraction?, slopePP: Double?, metric: Metric) -> TierTrajectory? {
        guard let ratio, let target else { return nil }
        guard metric.misses(target, with: ratio) else { return .atTarget }
        guard let slope = slopePP, slope.isFinite else { return nil }
        let sign = metric.better == .higher ? 1.0 : -1.0
        guard let months = monthsToClose(gapPP: sign * (target.doubleValue - ratio.doubleValue) * 100, slopePP: sign * slope) else {
            return .notAtThisTrend
        }
        return .reaches(months: months)
    }

    /// ⌈gapPP / slopePP⌉ months, at least 1, for a positive gap and slope; nil when the slope is not
    /// positive or the target lies beyond ``horizon`` (shared with the halls' projection in the report).
    static func monthsToClose(gapPP: Double, slopePP: Double) -> Int? {
        guard slopePP > 0, slopePP.isFinite, gapPP.isFinite else { return nil }
        // The tolerance keeps a quotient such as 2.0000000000004 (binary rounding of an exact 2) at 2.
        let months = (gapPP / slopePP - 1e-9).rounded(.up)
        guard months.isFinite, months <= Double(horizon) else { return nil }
        return max(1, Int(months))
    }

    /// The months to target, when it is reached at this trend.
    package var monthsToTarget: Int? {
        if case .reaches(let months) = self { return months }
        return nil
    }
}
