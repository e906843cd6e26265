/// Stage 4a, aggregate: sums the winning transactions into additive counts per hall, month,
/// channel and status.
enum Aggregator {
    /// - Complexity: O(n) in the number of winners.
    static func aggregate(_ winners: some Sequence<Deduplicator.Winner>) -> [HallPeriod: ChannelStatusCounts] {
        var counts: [HallPeriod: ChannelStatusCounts] = [:]
        for winner in winners {
            let key = HallPeriod(hall: Int(winner.hall), period: Period(index: Int(winner.period)))
            counts[key, default: ChannelStatusCounts()].add(winner.channel, winner.status)
        }
        return counts
    }
}
