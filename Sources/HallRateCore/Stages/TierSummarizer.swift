/// Stage 6a, tier summary per month (contract rules 10, 13 and 15): halls with counted transactions,
/// total, online, ratio and halls below target; the tier ratio's slope over the last six months and
/// its trajectory against the target in force; whether the month is provisional, with its cut-off.
/// Every month of the run appears, even one without data.
enum TierSummarizer {
    static func summarize(
        _ rows: [HallMonth], periods: [Period], registry: HallRegistry,
        metric: Metric, closing: MonthClosing
    ) -> [SupervisionReport.TierSummary] {
        let tiers = registry.tierIndices
        let slots = PeriodSlots(periods)
        let tierCount = Tier.allCases.count
        var halls = [Int](repeating: 0, count: periods.count * tierCount)
        var denominator = halls
        var numerator = halls
        var below = halls
        var ranked = halls
        var cutoff = [CalendarDate?](repeating: nil, count: periods.count * tierCount)
        for row in rows {
            guard let slot = slots.slot(row.period) else { continue }
            let cell = slot * tierCount + tiers[row.hall]
            halls[cell] += 1
            denominator[cell] += row.denominator
            numerator[cell] += row.numerator
            if row.flags.contains(.belowTarget) { below[cell] += 1 }
            if row.rank != nil { ranked[cell] += 1 }
            if let day = row.dataCutoff, cutoff[cell].map({ $0 < day }) ?? true { cutoff[cell] = day }
        }
        /// The tier's ratio in `period` as a percentage, when it had data then.
        func percent(_ tier: Int, _ period: Period) -> Double? {
            guard let slot = slots.slot(period) else { return nil }
            let cell = slot * tierCount + tier
            return denominator[cell] > 0 ? Double(numerator[cell]) / Double(denominator[cell]) * 100 : nil
        }
        var summaries: [SupervisionReport.TierSummary] = []
        summaries.reserveCapacity(periods.count * tierCount)
        for period in periods {
            // A month listed twice gets the figures of its first position each time, as a lookup would.
            let slot = slots.slot(period) ?? 0
            let provisional = !closing.isClosed(period)
            for tier in Tier.allCases {
                let cell = slot * tierCount + tier.index
                let points = (period.index - 5...period.index).compactMap { index in
                    percent(tier.index, Period(index: index)).map { (Double(index), $0) }
                }
                // As for a hall (rule 7): a month without data has no slope of its own.
                let slope = denominator[cell] > 0 && points.count >= 3 ? TrendCalculator.slope(points) : nil
                let target = metric.targets.target(tier, in: period)
                let ratio = denominator[cell] > 0 ? Fraction(numerator[cell], denominator[cell]) : nil
                summaries.append(
                    SupervisionReport.TierSummary(
                        tier: tier, period: period, target: target ?? Fraction(0, 1), halls: halls[cell],
                        denominator: denominator[cell], numerator: numerator[cell], hallsBelowTarget: below[cell],
                        ranked: ranked[cell], slopePP: slope,
                        trajectory: TierTrajectory.of(ratio: ratio, target: target, slopePP: slope, metric: metric),
                        provisional: provisional, dataCutoff: provisional ? cutoff[cell] : nil))
            }
        }
        return summaries
    }
}
