/// Stage 6a, tier summary per month (contract rule 10): halls with counted transactions, total,
/// online, ratio and halls below target. Every month of the run appears, even one without data.
enum TierSummarizer {
    static func summarize(_ rows: [HallMonth], periods: [Period], registry: HallRegistry,
                          targets: [Tier: Fraction]) -> [SupervisionReport.TierSummary] {
        let tiers = registry.tierIndices
        let slots = PeriodSlots(periods)
        let tierCount = Tier.allCases.count
        var halls = [Int](repeating: 0, count: periods.count * tierCount)
        var total = halls
        var online = halls
        var below = halls
        for row in rows {
            guard let slot = slots.slot(row.period) else { continue }
            let cell = slot * tierCount + tiers[row.hall]
            halls[cell] += 1
            total[cell] += row.total
            online[cell] += row.online
            if row.flags.contains(.belowTarget) { below[cell] += 1 }
        }
        var summaries: [SupervisionReport.TierSummary] = []
        summaries.reserveCapacity(periods.count * tierCount)
        for period in periods {
            // A month listed twice gets the figures of its first position each time, as a lookup would.
            let slot = slots.slot(period) ?? 0
            for tier in Tier.allCases {
                let cell = slot * tierCount + tier.index
                summaries.append(SupervisionReport.TierSummary(
                    tier: tier, period: period, target: targets[tier] ?? Fraction(0, 1), halls: halls[cell],
                    total: total[cell], online: online[cell], hallsBelowTarget: below[cell]))
            }
        }
        return summaries
    }
}
