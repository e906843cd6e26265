/// What a run computed from the store, for the outputs to write.
struct RunResults {
    let report: SupervisionReport
    /// The reports of the pipeline's other metrics (``Pipeline/moreMetrics``), in their order.
    var moreReports: [SupervisionReport] = []
    /// The rejects not in the store (rows of halls gone from the registry), and the counts by reason.
    let rejects: RejectTally
    /// Every stored file, reconciled: read, rejected, duplicates, accepted.
    let files: [FileReport]
    /// Transactions withdrawn (accepted but not counted).
    let withdrawn: Int
    /// The additive counts everything from rule 6 on is computed from, per hall and month, with the latest
    /// day of the month a counted transaction was accepted on: what a member publishes (issue 15).
    var counts: [HallPeriod: ChannelStatusCounts] = [:]
    var latestDays: [HallPeriod: Int] = [:]
}
