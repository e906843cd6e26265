/// Stage 6c, red and black lists (红黑榜, contract rule 12): the top N and bottom N ranked halls of
/// each tier and month, a tie at the edge taking the whole tie; `bottom_streak` counts consecutive
/// calendar months, up to this one, in the tier's bottom N.
///
/// With fewer than 2N ranked halls a hall can be on both lists, as the contract's rule reads.
enum RedBlackListBuilder {
    static func build(_ rows: [HallMonth], periods: [Period], registry: HallRegistry, size: Int) -> [SupervisionReport.ListEntry] {
        let tiers = registry.tierIndices
        // Ranked rows grouped by tier and month, each group in league order.
        var ranked = rows.indices.filter { rows[$0].rank != nil }
        ranked.sort { a, b in
            let (x, y) = (rows[a], rows[b])
            let (tx, ty) = (tiers[x.hall], tiers[y.hall])
            if tx != ty { return tx < ty }
            if x.period.index != y.period.index { return x.period.index < y.period.index }
            return Ranker.listedBefore(x, y)
        }
        var top: [TierPeriod: [HallMonth]] = [:]
        var bottom: [TierPeriod: [HallMonth]] = [:]
        var inBottom: Set<HallPeriod> = []
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
            let key = TierPeriod(tier: Tier.allCases[tiers[first.hall]], period: first.period)
            start = end
            // In league order, a hall's rank − 1 halls beat it; the halls after its tie trail it.
            // It is in the top N when fewer than N halls beat it, in the bottom N when fewer than N trail it.
            top[key] = ordered.filter { ($0.rank ?? Int.max) - 1 < size }
            var trailing = [Int](repeating: 0, count: ordered.count)
            var tieEnd = ordered.count
            for i in ordered.indices.reversed() {
                if i + 1 < ordered.count, !ordered[i].exactRatio.hasSameValue(as: ordered[i + 1].exactRatio) { tieEnd = i + 1 }
                trailing[i] = ordered.count - tieEnd
            }
            let members = ordered.indices.filter { trailing[$0] < size }.map { ordered[$0] }
                .sorted { a, b in
                    if a.exactRatio.isLess(than: b.exactRatio) { return true }
                    if b.exactRatio.isLess(than: a.exactRatio) { return false }
                    return Ranker.listedBefore(a, b)
                }
            bottom[key] = members
            for row in members { inBottom.insert(HallPeriod(hall: row.hall, period: key.period)) }
        }
        func streak(_ hall: Int, _ period: Period) -> Int {
            var count = 0
            while inBottom.contains(HallPeriod(hall: hall, period: period.advanced(by: -count))) { count += 1 }
            return count
        }
        var entries: [SupervisionReport.ListEntry] = []
        for period in periods {
            for tier in Tier.allCases {
                let key = TierPeriod(tier: tier, period: period)
                for (kind, members) in [(SupervisionReport.ListKind.red, top[key] ?? []), (.black, bottom[key] ?? [])] {
                    for row in members {
                        entries.append(SupervisionReport.ListEntry(kind: kind, tier: tier, period: period, figures: row,
                                                                   bottomStreak: streak(row.hall, period)))
                    }
                }
            }
        }
        return entries
    }
}
