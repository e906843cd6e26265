/// Stage 6b, league tables (contract rule 11): every hall of the tier in the registry, ranked halls
/// first in rank order, then unranked halls (total descending, then code), then halls with no data (by code).
enum LeagueTableBuilder {
    static func build(_ rows: [HallMonth], periods: [Period], registry: HallRegistry) -> [SupervisionReport.LeagueTable] {
        var byKey: [HallPeriod: HallMonth] = [:]
        for row in rows { byKey[HallPeriod(hall: row.hall, period: row.period)] = row }
        var tables: [SupervisionReport.LeagueTable] = []
        for period in periods {
            for tier in Tier.allCases {
                let halls = registry.indices(of: tier)
                guard !halls.isEmpty else { continue }
                let reported = halls.compactMap { byKey[HallPeriod(hall: $0, period: period)] }
                let ranked = reported.filter { $0.rank != nil }.sorted { Ranker.listedBefore($0, $1, registry: registry) }
                let unranked = reported.filter { $0.rank == nil }.sorted {
                    $0.total != $1.total ? $0.total > $1.total : registry[$0.hall].code < registry[$1.hall].code
                }
                let silent = halls.filter { byKey[HallPeriod(hall: $0, period: period)] == nil }
                let entries = (ranked + unranked).map { SupervisionReport.LeagueEntry(hall: $0.hall, figures: $0) }
                    + silent.map { SupervisionReport.LeagueEntry(hall: $0, figures: nil) }
                tables.append(SupervisionReport.LeagueTable(tier: tier, period: period, entries: entries))
            }
        }
        return tables
    }
}
