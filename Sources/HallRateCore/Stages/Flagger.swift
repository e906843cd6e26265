/// Stage 5b, flag: `below_target` (ratio < the tier's target, exactly) and `declining`
/// (delta_pp < 0 in each of the last 3 consecutive months) (contract rule 9).
///
/// Both apply to halls under min_volume too. A month without data or a delta of exactly 0 breaks a decline.
enum Flagger {
    /// - Precondition: at most one row per hall and month.
    /// - Complexity: O(n) when `rows` are sorted by hall then month (as ``TrendCalculator`` returns
    ///   them), O(n log n) otherwise.
    static func flag(_ rows: inout [HallMonth], registry: HallRegistry, targets: [Tier: Fraction]) {
        let tiers = registry.tierIndices
        let targetByTier = Tier.allCases.map { targets[$0] }
        func before(_ a: HallMonth, _ b: HallMonth) -> Bool {
            a.hall != b.hall ? a.hall < b.hall : a.period.index < b.period.index
        }
        var order = Array(rows.indices)
        if !rows.indices.dropFirst().allSatisfy({ before(rows[$0 - 1], rows[$0]) }) {
            order.sort { before(rows[$0], rows[$1]) }
        }
        // fell[k]: the row at order[k] has a lower ratio than its hall's row of the month before.
        var fell = [Bool](repeating: false, count: order.count)
        for k in order.indices where k > 0 {
            let (now, earlier) = (rows[order[k]], rows[order[k - 1]])
            fell[k] = earlier.hall == now.hall && earlier.period.index == now.period.index - 1
                && now.exactRatio.isLess(than: earlier.exactRatio)
        }
        for (k, i) in order.enumerated() {
            if let target = targetByTier[tiers[rows[i].hall]], rows[i].exactRatio.isLess(than: target) {
                rows[i].flags.insert(.belowTarget)
            }
            if k >= 2, fell[k], fell[k - 1], fell[k - 2] {
                rows[i].flags.insert(.declining)
            }
        }
    }
}
