/// Stage 5a, rank: within each tier and month, halls with total ≥ their tier's min_volume are ranked
/// by ratio, best first (descending, or ascending for a metric where lower is better), compared exactly
/// as fractions; equal ratios share a rank (1, 2, 2, 4). Halls
/// under min_volume get no rank and the flag `insufficient_volume` (contract rule 8). Each row then
/// gets the hall's rank of the month before (`prev_rank`, rule 9).
enum Ranker {
    /// Sets `rank`, `prevRank` and `insufficientVolume` on every row.
    /// - Parameter minVolume: per tier.
    /// - Complexity: O(n log n): one sort of the rankable rows by tier, month and league order.
    static func rank(_ rows: inout [HallMonth], registry: HallRegistry, minVolume: [Tier: Int], metric: Metric) {
        let tiers = registry.tierIndices
        let least = Tier.allCases.map { minVolume[$0] ?? 30 }
        var members: [Int] = []
        members.reserveCapacity(rows.count)
        for i in rows.indices {
            if rows[i].volume < least[tiers[rows[i].hall]] {
                rows[i].flags.insert(.insufficientVolume)
                rows[i].rank = nil
            } else {
                members.append(i)
            }
        }
        rows.withUnsafeMutableBufferPointer { rows in
            members.sort { a, b in
                let (x, y) = (rows[a], rows[b])
                let (tx, ty) = (tiers[x.hall], tiers[y.hall])
                if tx != ty { return tx < ty }
                if x.period.index != y.period.index { return x.period.index < y.period.index }
                return listedBefore(x, y, metric)
            }
            var groupStart = 0
            for (position, index) in members.enumerated() {
                if position > 0 {
                    let previous = members[position - 1]
                    if tiers[rows[previous].hall] != tiers[rows[index].hall] || rows[previous].period != rows[index].period {
                        groupStart = position
                    }
                }
                if position > groupStart, rows[members[position - 1]].exactRatio.hasSameValue(as: rows[index].exactRatio) {
                    rows[index].rank = rows[members[position - 1]].rank
                } else {
                    rows[index].rank = position - groupStart + 1
                }
            }
        }
        setPreviousRanks(&rows)
    }

    /// `prevRank` of each row: the rank of the same hall's row of the calendar month before.
    /// - Complexity: O(n) when `rows` are sorted by hall then month (as ``TrendCalculator`` returns
    ///   them), O(n log n) otherwise.
    static func setPreviousRanks(_ rows: inout [HallMonth]) {
        let order = HallMonth.hallThenMonthOrder(rows)
        for k in order.indices {
            let i = order[k]
            rows[i].prevRank = nil
            guard k > 0 else { continue }
            let earlier = rows[order[k - 1]]
            if earlier.hall == rows[i].hall, earlier.period.index == rows[i].period.index - 1 { rows[i].prevRank = earlier.rank }
        }
    }

    /// League order: the better ratio first (exact), then total (the metric's volume) descending, then hall
    /// code ascending.
    ///
    /// The registry keeps its halls in code order, so comparing codes is comparing hall indices.
    @inline(__always)
    static func listedBefore(_ a: HallMonth, _ b: HallMonth, _ metric: Metric) -> Bool {
        let (ra, rb) = (a.exactRatio, b.exactRatio)
        if metric.isBetter(ra, than: rb) { return true }
        if metric.isBetter(rb, than: ra) { return false }
        if a.volume != b.volume { return a.volume > b.volume }
        return a.hall < b.hall
    }
}

/// A tier in a month: the group within which halls are ranked.
struct TierPeriod: Hashable {
    let tier: Tier
    let period: Period
}

extension Tier {
    /// Position in ``Tier/allCases`` (the order of `<`).
    var index: Int {
        switch self {
        case .district: return 0
        case .township: return 1
        case .village: return 2
        }
    }
}

extension HallRegistry {
    /// The tier index (``Tier/index``) of every hall, by registry index.
    var tierIndices: [Int] { halls.map(\.tier.index) }
}
