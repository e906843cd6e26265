/// Stage 6b, league tables (contract rule 11): every hall of the tier in the registry, ranked halls
/// first in rank order, then unranked halls (total descending, then code), then halls without figures (by code):
/// `no_figure` when the hall had counted transactions that month, none the metric counts, else `no_data`.
enum LeagueTableBuilder {
    /// - Parameter reported: whether a hall had counted transactions in a month (asked only of halls without figures).
    static func build(
        _ rows: [HallMonth], periods: [Period], registry: HallRegistry, metric: Metric,
        reported: (HallPeriod) -> Bool = { _ in false }
    ) -> [SupervisionReport.LeagueTable] {
        let hallCount = registry.halls.count
        let tiers = registry.tierIndices
        var hallsByTier = [[Int]](repeating: [], count: Tier.allCases.count)
        for hall in 0..<hallCount { hallsByTier[tiers[hall]].append(hall) }
        let index = HallMonthIndex(rows, periods: periods, hallCount: hallCount)
        var tables: [SupervisionReport.LeagueTable] = []
        tables.reserveCapacity(periods.count * Tier.allCases.count)
        var ranked: [HallMonth] = []
        var unranked: [HallMonth] = []
        var silent: [Int] = []
        for period in periods {
            for tier in Tier.allCases {
                let halls = hallsByTier[tier.index]
                guard !halls.isEmpty else { continue }
                ranked.removeAll(keepingCapacity: true)
                unranked.removeAll(keepingCapacity: true)
                silent.removeAll(keepingCapacity: true)
                for hall in halls {
                    if let at = index.row(hall: hall, period: period) {
                        if rows[at].rank != nil { ranked.append(rows[at]) } else { unranked.append(rows[at]) }
                    } else {
                        silent.append(hall)
                    }
                }
                ranked.sort { Ranker.listedBefore($0, $1, metric) }
                unranked.sort { $0.volume != $1.volume ? $0.volume > $1.volume : $0.hall < $1.hall }
                var entries: [SupervisionReport.LeagueEntry] = []
                entries.reserveCapacity(halls.count)
                for row in ranked { entries.append(SupervisionReport.LeagueEntry(hall: row.hall, figures: row)) }
                for row in unranked { entries.append(SupervisionReport.LeagueEntry(hall: row.hall, figures: row)) }
                for hall in silent {
                    let hadTransactions = reported(HallPeriod(hall: hall, period: period))
                    entries.append(SupervisionReport.LeagueEntry(hall: hall, figures: nil, reported: hadTransactions))
                }
                tables.append(SupervisionReport.LeagueTable(tier: tier, period: period, entries: entries))
            }
        }
        return tables
    }
}
