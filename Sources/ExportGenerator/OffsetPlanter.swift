/// Gives a few XML transactions times in UTC.
///
/// ``crossingCount`` of them move to the first hours of their month in Shanghai time (00:00–06:59 on the 1st) and
/// are written with `Z`: in UTC they fall on the last evening of the month before, and the XML system, which cuts
/// its monthly files in UTC, puts them in that month's file. They still count in the month of their 受理时间 in
/// UTC+8. ``utcCount`` others keep their times and are written with `+00:00`.
struct OffsetPlanter {
    static let crossingCount = 3
    static let utcCount = 3

    let months: [Month]

    func plant(into txns: inout [Transaction], rng: inout SplitMix64) {
        for number in 0..<(OffsetPlanter.crossingCount + OffsetPlanter.utcCount) {
            let crossing = number < OffsetPlanter.crossingCount
            let candidates = txns.indices.filter { i in
                txns[i].zone == .shanghai && !Scenario.isProtected(txns[i].hall.code) && (!crossing || txns[i].period > 0)
            }
            guard !candidates.isEmpty else { return }
            let index = rng.pick(candidates)
            if crossing {
                txns[index] = moved(txns[index], rng: &rng)
            } else {
                txns[index].zone = .utc
            }
        }
    }

    /// The transaction accepted in the first hours of its month and updated before 08:00 (still the previous
    /// month in UTC), carried by the previous month's file.
    private func moved(_ txn: Transaction, rng: inout SplitMix64) -> Transaction {
        let accepted = months[txn.period].start.adding(rng.seconds(in: 0...25_199))
        let updated = accepted.adding(rng.seconds(in: 60...(28_799 - accepted.secondOfDay)))
        var moved = Transaction(
            hall: txn.hall, item: txn.item, channel: txn.channel, status: txn.status,
            accepted: accepted, finished: txn.status == .done ? updated : nil, updated: updated,
            person: txn.person, period: txn.period, fileMonth: txn.period - 1)
        moved.zone = .zulu
        return moved
    }
}
