/// Stage 6e, the township roll-up (乡镇统筹, contract rule 16): per township hall T and month, the
/// transactions of T and of every village whose parent_code is T, counted together, with how many of
/// its villages reported, are below their target and are not reporting; ranked among the townships as
/// rule 8 ranks halls, with the township tier's min_volume.
enum TownshipRollupBuilder {
    /// - Returns: by month, then league order (ranked by rank, then unranked by total descending, then
    ///   township code); townships with no transaction of their own or their villages' are left out.
    /// - Complexity: O(n + t·p·v) for n hall-months, t townships, p months and v villages per township.
    static func build(
        _ rows: [HallMonth], periods: [Period], registry: HallRegistry,
        notReporting: [SupervisionReport.NotReporting], minVolume: Int, closing: MonthClosing,
        metric: Metric
    )
        -> [SupervisionReport.TownshipRollup]
    {
        // Flat tables, not dictionaries keyed by HallPeriod: a province has a million hall-months.
        let index = HallMonthIndex(rows, periods: periods, hallCount: registry.halls.count)
        var silent = Set<HallPeriod>(minimumCapacity: notReporting.count)  // 未报送: few
        for entry in notReporting { silent.insert(HallPeriod(hall: entry.hall, period: entry.period)) }
        let townships = registry.indices(of: .township)
        let villagesOf = registry.villagesByTownship()
        var rollups: [SupervisionReport.TownshipRollup] = []
        for period in periods {
            func figures(_ hall: Int) -> HallMonth? { index.row(hall: hall, period: period).map { rows[$0] } }
            var month: [SupervisionReport.TownshipRollup] = []
            for township in townships {
                let villages = villagesOf[township] ?? []
                let own = figures(township)
                let reported = villages.compactMap(figures)
                let denominator = (own?.denominator ?? 0) + reported.reduce(0) { $0 + $1.denominator }
                guard denominator > 0 else { continue }
                month.append(
                    SupervisionReport.TownshipRollup(
                        township: township, period: period, denominator: denominator,
                        numerator: (own?.numerator ?? 0) + reported.reduce(0) { $0 + $1.numerator },
                        volume: (own?.volume ?? 0) + reported.reduce(0) { $0 + $1.volume },
                        villages: reported.count,
                        villagesBelowTarget: reported.filter { $0.flags.contains(.belowTarget) }.count,
                        villagesNotReporting: villages.filter { silent.contains(HallPeriod(hall: $0, period: period)) }.count,
                        rank: nil, provisional: !closing.isClosed(period)))
            }
            rollups += ranked(month, minVolume: minVolume, metric: metric)
        }
        return rollups
    }

    /// The month's roll-ups in league order with their competition ranks (equal ratios, compared exactly,
    /// share a rank); those under `minVolume` unranked, after the ranked.
    static func ranked(
        _ month: [SupervisionReport.TownshipRollup], minVolume: Int, metric: Metric
    ) -> [SupervisionReport.TownshipRollup] {
        func before(_ a: SupervisionReport.TownshipRollup, _ b: SupervisionReport.TownshipRollup) -> Bool {
            if metric.isBetter(a.exactRatio, than: b.exactRatio) { return true }
            if metric.isBetter(b.exactRatio, than: a.exactRatio) { return false }
            if a.volume != b.volume { return a.volume > b.volume }
            return a.township < b.township  // the registry keeps code order
        }
        var rankable = month.filter { $0.volume >= minVolume }.sorted(by: before)
        for i in rankable.indices {
            rankable[i].rank = i > 0 && rankable[i - 1].exactRatio.hasSameValue(as: rankable[i].exactRatio) ? rankable[i - 1].rank : i + 1
        }
        let unranked = month.filter { $0.volume < minVolume }
            .sorted { ($0.volume, -$0.township) > ($1.volume, -$1.township) }
        return rankable + unranked
    }
}
