/// Stage 6d, halls not reporting (未报送, contract rule 14): a hall that had counted transactions in
/// P−1 and none in a closed month P. Provisional months list nobody: their data may still arrive.
enum NotReportingFinder {
    /// - Returns: by month, then tier, then hall code.
    /// - Complexity: O(n log n) in the number of hall-months.
    static func find(
        _ rows: [HallMonth], periods: [Period], registry: HallRegistry, closing: MonthClosing
    )
        -> [SupervisionReport.NotReporting]
    {
        let inRange = PeriodSlots(periods)
        var reported: Set<HallPeriod> = []
        for row in rows { reported.insert(HallPeriod(hall: row.hall, period: row.period)) }
        var found: [SupervisionReport.NotReporting] = []
        for row in rows {
            let next = row.period.advanced(by: 1)
            guard inRange.slot(next) != nil, closing.isClosed(next),
                !reported.contains(HallPeriod(hall: row.hall, period: next))
            else { continue }
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
