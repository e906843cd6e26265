/// The counts a correct pipeline must reproduce, taken from the genuine transactions in their final state:
/// per hall and month of 受理时间, withdrawn ones apart, planted defect rows and superseded copies left out.
struct GroundTruth {
    let halls: [HallRecord]
    /// `counts[h][t]` for `halls[h]` in month `t`.
    let counts: [[HallMonthCounts]]

    init(registry: HallRegistry, exports: [TierExport], monthCount: Int) {
        halls = registry.halls
        var index: [String: Int] = [:]
        for (h, hall) in registry.halls.enumerated() { index[hall.code] = h }
        var counts = Array(
            repeating: Array(repeating: HallMonthCounts.empty, count: monthCount),
            count: registry.halls.count)
        for export in exports {
            for txn in export.transactions {
                guard let h = index[txn.hall.code] else { continue }
                if txn.status.counts {
                    counts[h][txn.period].counted += 1
                    if txn.channel.isOnline { counts[h][txn.period].online += 1 }
                } else {
                    counts[h][txn.period].withdrawn += 1
                }
            }
        }
        self.counts = counts
    }

    /// The sum over the halls of one tier.
    func total(_ tier: HallTier, month t: Int) -> HallMonthCounts {
        var sum = HallMonthCounts.empty
        for (h, hall) in halls.enumerated() where hall.tier == tier {
            sum.counted += counts[h][t].counted
            sum.online += counts[h][t].online
            sum.withdrawn += counts[h][t].withdrawn
        }
        return sum
    }

    func counts(of code: String) -> [HallMonthCounts] {
        halls.firstIndex { $0.code == code }.map { counts[$0] } ?? []
    }

    /// `online / counted` as a percentage with one decimal (`57.1%`), `–` when nothing was counted.
    static func percent(_ c: HallMonthCounts) -> String {
        guard c.counted > 0 else { return "–" }
        let tenths = (c.online * 2000 + c.counted) / (2 * c.counted)
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
