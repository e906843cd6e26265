/// Stage 6b, league tables (contract rule 11): every hall of the tier in the registry, ranked halls
/// first in rank order, then unranked halls (total descending, then code), then halls without figures (by code):
/// `no_figure` when the hall had counted transactions that month, none the metric counts, else `no_data`.
enum LeagueTableBuilder {
    static func build(
        _ rows: [HallMonth], periods: [Period], registry: HallRegistry, metric: Metric, reported: Set<HallPeriod> = []
    ) -> [SupervisionReport.LeagueTable] {
        let hallCount = registry.halls.count
        let tiers = registry.tierIndices
        var hallsByTier = [[Int]](repeating: [], count: Tier.allCases.count)
        for hall in 0..<hallCount { hallsByTier[tiers[hall]].append(hall) }
        // rowAt[slot * hallCount + hall]: index + 1 of the hall's row in that month, 0 for none (the last row wins).
        let slots = PeriodSlots(periods)
        var rowAt = [Int](repeating: 0, count: periods.count * hallCount)
        for (i, row) in rows.enumerated() where row.hall >= 0 && row.hall < hallCount {
            if let slot = slots.slot(row.period) { rowAt[slot * hallCount + row.hall] = i + 1 }
        }
        var tables: [SupervisionReport.LeagueTable] = []
        tables.reserveCapacity(periods.count * Tier.allCases.count)
        var ranked: [HallMonth] = []
        var unranked: [HallMonth] = []
        var silent: [Int] = []
        for period in periods {
            let base = (slots.slot(period) ?? 0) * hallCount
            for tier in Tier.allCases {
                let halls = hallsByTier[tier.index]
                guard !halls.isEmpty else { continue }
                ranked.removeAll(keepingCapacity: true)
                unranked.removeAll(keepingCapacity: true)
                silent.removeAll(keepingCapacity: true)
                for hall in halls {
                    let at = rowAt[base + hall]
                    if at == 0 {
                        silent.append(hall)
                    } else if rows[at - 1].rank != nil {
                        ranked.append(rows[at - 1])
                    } else {
                        unranked.append(rows[at - 1])
                    }
                }
                ranked.sort { Ranker.listedBefore($0, $1, metric) }
                unranked.sort { $0.volume != $1.volume ? $0.volume > $1.volume : $0.hall < $1.hall }
                var entries: [SupervisionReport.LeagueEntry] = []
                entries.reserveCapacity(halls.count)
                for row in ranked { entries.append(SupervisionReport.LeagueEntry(hall: row.hall, figures: row)) }
                for row in unranked { entries.append(SupervisionReport.LeagueEntry(hall: row.hall, figures: row)) }
                for hall in silent {
                    let hadTransactions = reported.contains(HallPeriod(hall: hall, period: period))
                    entries.append(SupervisionReport.LeagueEntry(hall: hall, figures: nil, reported: hadTransactions))
                }
                tables.append(SupervisionReport.LeagueTable(tier: tier, period: period, entries: entries))
            }
        }
        return tables
    }
}
