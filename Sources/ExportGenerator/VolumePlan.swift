/// How many rows every demo hall gets each month and how many of them are online.
///
/// Integer arithmetic only (shares in per mille), so the plan is identical on every machine.
struct VolumePlan {
    /// Typical monthly volume of each township, in code order (clamped to 30…120 after noise). 市东街道, 洪山街道
    /// and 朱昌镇 (once 98, 80 and 88) were lowered when the street centers moved to the UTF-16 street layout, to keep
    /// the demo set under 5 MB.
    private static let townshipBases = [40, 70, 31, 55, 46, 56, 30, 52, 36, 68, 32, 48, 45, 66, 44, 35]
    /// Typical monthly volume of each village (clamped to 5…40 rows); a few reach the ranking minimum of 30.
    private static let villageBases = [
        12, 34, 8, 22, 36, 15, 6, 28, 18, 10, 33, 25, 14, 9, 31, 20, 7, 16,
        26, 11, 35, 13, 19, 8, 24, 30, 17, 10, 21, 6, 32, 14, 27, 9, 18, 12,
    ]

    /// `counts[h][t]` for hall `h` of the registry (registry order) in month `t`.
    let counts: [[HallMonthCounts]]

    init(registry: HallRegistry, monthCount: Int, seed: UInt64) {
        var rng = SplitMix64(seed: seed, stream: 1)
        var townshipIndex = 0
        var villageIndex = 0
        var counts: [[HallMonthCounts]] = []
        for hall in registry.halls {
            var series: [HallMonthCounts] = []
            switch hall.tier {
            case .district:
                for t in 0..<monthCount {
                    let total = 185 + 2 * t + rng.int(in: -12...12)
                    let share = VolumePlan.ramp(550, 800, t, monthCount) + rng.int(in: -25...25)
                    series.append(VolumePlan.split(total, share: share, rows: 0...1000, rng: &rng))
                }
            case .township:
                let base = VolumePlan.townshipBases[townshipIndex % VolumePlan.townshipBases.count]
                let offset = hall.code == Scenario.decliningTownship ? 120 : rng.int(in: -100...100)
                townshipIndex += 1
                for t in 0..<monthCount {
                    let total = base * rng.int(in: 85...115) / 100 + t / 4
                    let share = VolumePlan.ramp(300, 600, t, monthCount) + offset + rng.int(in: -40...40)
                    series.append(VolumePlan.split(total, share: share, rows: 30...120, rng: &rng))
                }
            case .village:
                let base = VolumePlan.villageBases[villageIndex % VolumePlan.villageBases.count]
                let offset = rng.int(in: -80...80)
                villageIndex += 1
                for t in 0..<monthCount {
                    let total = base * rng.int(in: 80...120) / 100
                    let share = VolumePlan.ramp(100, 400, t, monthCount) + offset + rng.int(in: -40...40)
                    series.append(VolumePlan.split(total, share: share, rows: 5...40, rng: &rng))
                }
            }
            counts.append(VolumePlan.applyScenario(to: series, code: hall.code))
        }
        self.counts = counts
    }

    /// Linear ramp from `from` (first month) to `to` (last month).
    private static func ramp(_ from: Int, _ to: Int, _ t: Int, _ count: Int) -> Int {
        count > 1 ? from + (to - from) * t / (count - 1) : from
    }

    /// Splits about `total` rows into counted, online and withdrawn (≈ 2 %), keeping all rows within `rows`.
    private static func split(
        _ total: Int, share: Int, rows: ClosedRange<Int>, rng: inout SplitMix64
    )
        -> HallMonthCounts
    {
        let counted = min(max(total, rows.lowerBound), rows.upperBound)
        let withdrawn = min((counted * 2 + rng.int(in: 0...99)) / 100, rows.upperBound - counted)
        let perMille = min(max(share, 0), 1000)
        return HallMonthCounts(counted: counted, online: (counted * perMille + 500) / 1000, withdrawn: withdrawn)
    }

    /// Forces the declining township, the absent village and the tied villages.
    private static func applyScenario(to series: [HallMonthCounts], code: String) -> [HallMonthCounts] {
        var series = series
        if code == Scenario.decliningTownship {
            for (offset, share) in Scenario.decliningShares.enumerated() where Scenario.decliningFrom + offset < series.count {
                let t = Scenario.decliningFrom + offset
                series[t].online = (series[t].counted * share + 500) / 1000
                // Strictly below last month's share, whatever the rounding did.
                let previous = series[t - 1]
                while series[t].online > 0 && series[t].online * previous.counted >= previous.online * series[t].counted {
                    series[t].online -= 1
                }
            }
        }
        if code == Scenario.absentVillage {
            for t in Scenario.absentMonths where t < series.count { series[t] = .empty }
        }
        if Scenario.tiedVillages.contains(code), Scenario.tieMonth < series.count {
            series[Scenario.tieMonth] = Scenario.tieCounts
        }
        return series
    }
}
