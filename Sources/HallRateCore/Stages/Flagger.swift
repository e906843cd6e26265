/// Stage 5b, flag: `below_target` (ratio < the tier's target, exactly) and `declining`
/// (delta_pp < 0 in each of the last 3 consecutive months) (contract rule 9).
///
/// Both apply to halls under min_volume too. A month without data or a delta of exactly 0 breaks a decline.
enum Flagger {
    static func flag(_ rows: inout [HallMonth], registry: HallRegistry, targets: [Tier: Fraction]) {
        var ratios: [HallPeriod: Fraction] = [:]
        for row in rows { ratios[HallPeriod(hall: row.hall, period: row.period)] = row.exactRatio }
        func fell(_ hall: Int, _ period: Period) -> Bool {
            guard let now = ratios[HallPeriod(hall: hall, period: period)],
                let before = ratios[HallPeriod(hall: hall, period: period.advanced(by: -1))]
            else { return false }
            return now.isLess(than: before)
        }
        for i in rows.indices {
            let row = rows[i]
            if let target = targets[registry[row.hall].tier], row.exactRatio.isLess(than: target) {
                rows[i].flags.insert(.belowTarget)
            }
            if (0..<3).allSatisfy({ fell(row.hall, row.period.advanced(by: -$0)) }) {
                rows[i].flags.insert(.declining)
            }
        }
    }
}
