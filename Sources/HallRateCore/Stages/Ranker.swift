/// Stage 5a, rank: within each tier and month, halls with total ≥ min_volume are ranked by ratio,
/// descending, compared exactly as fractions; equal ratios share a rank (1, 2, 2, 4). Halls under
/// min_volume get no rank and the flag `insufficient_volume` (contract rule 8).
enum Ranker {
    /// Sets `rank` and `insufficientVolume` on every row.
    static func rank(_ rows: inout [HallMonth], registry: HallRegistry, minVolume: Int) {
        var groups: [TierPeriod: [Int]] = [:]
        for i in rows.indices {
            if rows[i].total < minVolume {
                rows[i].flags.insert(.insufficientVolume)
                rows[i].rank = nil
            } else {
                groups[TierPeriod(tier: registry[rows[i].hall].tier, period: rows[i].period), default: []].append(i)
            }
        }
        for members in groups.values {
            let ordered = members.sorted { listedBefore(rows[$0], rows[$1], registry: registry) }
            for (position, index) in ordered.enumerated() {
                if position > 0, let previous = Optional(ordered[position - 1]),
                    rows[previous].exactRatio.hasSameValue(as: rows[index].exactRatio)
                {
                    rows[index].rank = rows[previous].rank
                } else {
                    rows[index].rank = position + 1
                }
            }
        }
    }

    /// League order: ratio descending (exact), then total descending, then hall code ascending.
    static func listedBefore(_ a: HallMonth, _ b: HallMonth, registry: HallRegistry) -> Bool {
        if b.exactRatio.isLess(than: a.exactRatio) { return true }
        if a.exactRatio.isLess(than: b.exactRatio) { return false }
        if a.total != b.total { return a.total > b.total }
        return registry[a.hall].code < registry[b.hall].code
    }
}

/// A tier in a month: the group within which halls are ranked.
struct TierPeriod: Hashable {
    let tier: Tier
    let period: Period
}
