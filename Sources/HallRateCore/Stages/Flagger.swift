/// Stage 5b, flag: `below_target` (ratio < the tier's target in force that month, exactly) and
/// `declining` (delta_pp < 0 in each of the last 3 consecutive months) (contract rule 9); for a metric
/// where lower is better, above the target and rising. Each row
/// also learns its target, and whether its month is still provisional (rule 13).
///
/// Both flags apply to halls under min_volume too. A month without data or a delta of exactly 0 breaks
/// a decline. A provisional month gets no `declining` flag (its figures may still change).
enum Flagger {
    /// - Precondition: at most one row per hall and month.
    /// - Complexity: O(n) when `rows` are sorted by hall then month (as ``TrendCalculator`` returns
    ///   them), O(n log n) otherwise.
    static func flag(_ rows: inout [HallMonth], registry: HallRegistry, metric: Metric, closing: MonthClosing) {
        let tiers = registry.halls.map(\.tier)
        let order = HallMonth.hallThenMonthOrder(rows)
        // fell[k]: the row at order[k] has a worse ratio than its hall's row of the month before.
        var fell = [Bool](repeating: false, count: order.count)
        for k in order.indices where k > 0 {
            let (now, earlier) = (rows[order[k]], rows[order[k - 1]])
            fell[k] =
                earlier.hall == now.hall && earlier.period.index == now.period.index - 1
                && metric.isBetter(earlier.exactRatio, than: now.exactRatio)
        }
        var closed: [Int: Bool] = [:]
        for (k, i) in order.enumerated() {
            let period = rows[i].period
            let target = metric.targets.target(tiers[rows[i].hall], in: period)
            rows[i].target = target
            if let target, metric.misses(target, with: rows[i].exactRatio) {
                rows[i].flags.insert(.belowTarget)
            }
            let isClosed = closed[period.index] ?? closing.isClosed(period)
            closed[period.index] = isClosed
            rows[i].provisional = !isClosed
            if isClosed, k >= 2, fell[k], fell[k - 1], fell[k - 2] {
                rows[i].flags.insert(.declining)
            }
        }
    }
}
