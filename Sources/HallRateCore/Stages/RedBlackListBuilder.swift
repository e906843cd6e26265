/// Stage 6c, red and black lists (红黑榜, contract rule 12), per tier and closed month.
///
/// Red list: the top N of the ranked halls that are not below target. Black list: the bottom N of the
/// ranked halls that are below target. So no hall is on both, and a hall at or above its target is never
/// blacklisted. A tie at the edge takes the whole tie. A tier-month with fewer than `minRanked` ranked
/// halls, and every provisional month, has no lists. `black_streak` counts consecutive closed months,
/// up to this one, on the tier's black list.
enum RedBlackListBuilder {
    /// - Parameters:
    ///   - size: N.
    ///   - minRanked: the least ranked halls a tier-month needs to have lists (`list_min_ranked`).
    /// - Returns: per month, per tier (district, township, village), the red list in league order then the
    ///   black list worst first.
    static func build(
        _ rows: [HallMonth], periods: [Period], registry: HallRegistry, size: Int, minRanked: Int, metric: Metric
    )
        -> [SupervisionReport.ListEntry]
    {
        let tiers = registry.tierIndices
        // Ranked rows of closed months grouped by tier and month, each group in league order.
        var ranked = rows.indices.filter { rows[$0].rank != nil && !rows[$0].provisional }
        ranked.sort { a, b in
            let (x, y) = (rows[a], rows[b])
            let (tx, ty) = (tiers[x.hall], tiers[y.hall])
            if tx != ty { return tx < ty }
            if x.period.index != y.period.index { return x.period.index < y.period.index }
            return Ranker.listedBefore(x, y, metric)
        }
        var red: [TierPeriod: [HallMonth]] = [:]
        var black: [TierPeriod: [HallMonth]] = [:]
        var onBlack: Set<HallPeriod> = []
        var start = 0
        while start < ranked.count {
            let first = rows[ranked[start]]
            var end = start + 1
            while end < ranked.count, tiers[rows[ranked[end]].hall] == tiers[first.hall],
                rows[ranked[end]].period == first.period
            {
                end += 1
            }
            let ordered = ranked[start..<end].map { rows[$0] }
            start = end
            guard ordered.count >= minRanked else { continue }
            let key = TierPeriod(tier: Tier.allCases[tiers[first.hall]], period: first.period)
            let meeting = ordered.filter { !$0.flags.contains(.belowTarget) }
            // Worst first: the worse ratio first, inside a tie league order.
            let below = ordered.filter { $0.flags.contains(.belowTarget) }.sorted { a, b in
                if metric.isBetter(b.exactRatio, than: a.exactRatio) { return true }
                if metric.isBetter(a.exactRatio, than: b.exactRatio) { return false }
                return Ranker.listedBefore(a, b, metric)
            }
            red[key] = leading(meeting, size: size)
            let members = leading(below, size: size)
            black[key] = members
            for row in members { onBlack.insert(HallPeriod(hall: row.hall, period: key.period)) }
        }
        func streak(_ hall: Int, _ period: Period) -> Int {
            var count = 0
            while onBlack.contains(HallPeriod(hall: hall, period: period.advanced(by: -count))) { count += 1 }
            return count
        }
        var entries: [SupervisionReport.ListEntry] = []
        for period in periods {
            for tier in Tier.allCases {
                let key = TierPeriod(tier: tier, period: period)
                for row in red[key] ?? [] {
                    entries.append(SupervisionReport.ListEntry(kind: .red, tier: tier, period: period, figures: row, blackStreak: nil))
                }
                for row in black[key] ?? [] {
                    entries.append(
                        SupervisionReport.ListEntry(
                            kind: .black, tier: tier, period: period, figures: row,
                            blackStreak: streak(row.hall, period)))
                }
            }
        }
        return entries
    }

    /// The first `size` of `ordered`, and every later one tied with the last of them (exact ratios).
    /// - Complexity: O(n).
    static func leading(_ ordered: [HallMonth], size: Int) -> [HallMonth] {
        guard ordered.count > size, size > 0 else { return ordered }
        var end = size
        while end < ordered.count, ordered[end].exactRatio.hasSameValue(as: ordered[size - 1].exactRatio) { end += 1 }
        return Array(ordered[..<end])
    }
}
