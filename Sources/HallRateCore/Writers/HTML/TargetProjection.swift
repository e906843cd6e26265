/// When a hall below its target reaches it if its trend slope (percentage points per month) holds.
enum TargetProjection: Equatable, Sendable {
    /// The target is reached in `period`, `months` months after the month projected from.
    case reaches(Period, months: Int)
    /// The slope is missing or not positive: the target is not reached at the current trend.
    case never

    /// Projects from `ratio` in `period`: months = ⌈(target − ratio) · 100 / slopePP⌉.
    ///
    /// A gap already closed gives `.reaches(period, months: 0)`. Slopes so flat that the target lies more
    /// than a century away count as `.never` (the month would be meaningless).
    static func project(ratio: Double, target: Double, slopePP: Double?, from period: Period) -> TargetProjection {
        guard let slope = slopePP, slope > 0, slope.isFinite, ratio.isFinite, target.isFinite else { return .never }
        let gap = (target - ratio) * 100
        guard gap > 0 else { return .reaches(period, months: 0) }
        guard let whole = TierTrajectory.monthsToClose(gapPP: gap, slopePP: slope) else { return .never }
        return .reaches(period.advanced(by: whole), months: whole)
    }
}
