/// Stage 6d, halls not reporting (未报送, contract rule 14): a hall that had counted transactions in
/// P−1 and none in a closed month P. Provisional months list nobody: their data may still arrive.
enum NotReportingFinder {
    /// - Returns: by month, then tier, then hall code.
    /// - Precondition: at most one row per hall and month.
    /// - Complexity: one pass over rows by hall then month (as ``TrendCalculator`` returns them; sorted
    ///   first otherwise), then sorting the halls found.
    static func find(
        _ rows: [HallMonth], periods: [Period], registry: HallRegistry, closing: MonthClosing
    )
        -> [SupervisionReport.NotReporting]
    {
        let inRange = PeriodSlots(periods)
        // By hall then month: whether a hall reported the month after a row is whether its next row is that month.
        let order = HallMonth.hallThenMonthOrder(rows)
        var found: [SupervisionReport.NotReporting] = []
        for (k, i) in order.enumerated() {
            let row = rows[i]
            let next = row.period.advanced(by: 1)
            guard inRange.slot(next) != nil, closing.isClosed(next) else { continue }
            if k + 1 < order.count, rows[order[k + 1]].hall == row.hall, rows[order[k + 1]].period == next { continue }
            found.append(SupervisionReport.NotReporting(hall: row.hall, period: next, previous: row))
        }
        let tiers = registry.tierIndices
        return found.sorted { a, b in
            if a.period != b.period { return a.period < b.period }
            if tiers[a.hall] != tiers[b.hall] { return tiers[a.hall] < tiers[b.hall] }
            return a.hall < b.hall
        }
    }
}
