/// Stage 6a, tier summary per month (contract rule 10): halls with counted transactions, total,
/// online, ratio and halls below target. Every month of the run appears, even one without data.
enum TierSummarizer {
    static func summarize(_ rows: [HallMonth], periods: [Period], registry: HallRegistry,
                          targets: [Tier: Fraction]) -> [SupervisionReport.TierSummary] {
        var grouped: [TierPeriod: [HallMonth]] = [:]
        for row in rows { grouped[TierPeriod(tier: registry[row.hall].tier, period: row.period), default: []].append(row) }
        var summaries: [SupervisionReport.TierSummary] = []
        for period in periods {
            for tier in Tier.allCases {
                let members = grouped[TierPeriod(tier: tier, period: period)] ?? []
                summaries.append(SupervisionReport.TierSummary(
                    tier: tier, period: period, target: targets[tier] ?? Fraction(0, 1), halls: members.count,
                    total: members.reduce(0) { $0 + $1.total }, online: members.reduce(0) { $0 + $1.online },
                    hallsBelowTarget: members.filter { $0.flags.contains(.belowTarget) }.count))
            }
        }
        return summaries
    }
}
