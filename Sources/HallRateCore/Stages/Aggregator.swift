/// Stage 4a, aggregate: sums the winning transactions into additive counts per hall, month,
/// channel and status, and the latest day of acceptance of a counted row per hall and month (the
/// month's data cut-off, contract rule 13).
///
/// Counts live in one flat table indexed by hall, month and kind when the months span a sane range
/// (the usual case: no hashing per row), in a dictionary otherwise. A class, so that counting a
/// row is one increment through a pointer.
final class Aggregator {
    private let halls: Int
    private let firstPeriod: Int
    private let periods: Int
    private let dense: UnsafeMutableBufferPointer<Int>
    /// Per hall and month of the dense table, the latest day of acceptance of a counted row (0: none).
    private let denseDays: UnsafeMutableBufferPointer<UInt8>
    private var sparse: [HallPeriod: ChannelStatusCounts] = [:]
    private var sparseDays: [HallPeriod: Int] = [:]
    private static let maxDenseCells = 1 << 22

    /// - Parameters:
    ///   - halls: the registry's size.
    ///   - periods: the months the winners fall in (nil when there are none).
    init(halls: Int, periods: ClosedRange<Int>?) {
        self.halls = halls
        firstPeriod = periods?.lowerBound ?? 0
        let span = periods.map { $0.upperBound - $0.lowerBound + 1 } ?? 0
        let cells = halls.multipliedReportingOverflow(by: span).partialValue
        self.periods = span > 0 && cells <= Aggregator.maxDenseCells / CompactTransaction.kindCount ? span : 0
        dense = .allocate(capacity: self.periods > 0 ? cells * CompactTransaction.kindCount : 0)
        dense.initialize(repeating: 0)
        denseDays = .allocate(capacity: self.periods > 0 ? cells : 0)
        denseDays.initialize(repeating: 0)
    }

    deinit {
        dense.deallocate()
        denseDays.deallocate()
    }

    /// Counts one winner of registry hall `hall`.
    /// - Complexity: O(1).
    @inline(__always)
    func add(_ row: CompactTransaction, hall: Int) {
        let offset = Int(row.period) - firstPeriod
        if periods > 0, offset >= 0, offset < periods {
            let cell = hall * periods + offset
            dense[cell * CompactTransaction.kindCount + Int(row.kind)] += 1
            if row.isCounted, row.day > denseDays[cell], row.day <= 31 { denseDays[cell] = row.day }
        } else {
            let key = HallPeriod(hall: hall, period: Period(index: Int(row.period)))
            sparse[key, default: ChannelStatusCounts()].add(row.channel, row.status)
            if row.isCounted { sparseDays[key] = max(sparseDays[key] ?? 0, row.acceptedDay) }
        }
    }

    /// Adds the counts of another aggregator made for the same halls and months.
    func absorb(_ other: Aggregator) {
        precondition(
            other.halls == halls && other.firstPeriod == firstPeriod && other.periods == periods,
            "aggregators of different shapes")
        for i in dense.indices { dense[i] += other.dense[i] }
        for i in denseDays.indices { denseDays[i] = max(denseDays[i], other.denseDays[i]) }
        sparse.merge(other.sparse) {
            var sum = $0
            sum.merge($1)
            return sum
        }
        sparseDays.merge(other.sparseDays, uniquingKeysWith: max)
    }

    /// Per hall and month with a counted row, the latest day of the month a counted row was accepted
    /// on (absent when unknown: rows stored by an older version).
    var latestDays: [HallPeriod: Int] {
        var days = sparseDays.filter { $0.value > 0 }
        guard periods > 0 else { return days }
        for hall in 0..<halls {
            for offset in 0..<periods where denseDays[hall * periods + offset] > 0 {
                days[HallPeriod(hall: hall, period: Period(index: firstPeriod + offset))] = Int(denseDays[hall * periods + offset])
            }
        }
        return days
    }

    /// The counts of every hall and month with at least one winner.
    var counts: [HallPeriod: ChannelStatusCounts] {
        var counts = sparse
        guard periods > 0 else { return counts }
        let kinds = CompactTransaction.kindCount
        for hall in 0..<halls {
            for offset in 0..<periods {
                let base = (hall * periods + offset) * kinds
                guard dense[base..<base + kinds].contains(where: { $0 != 0 }) else { continue }
                var cell = ChannelStatusCounts()
                for channel in Channel.allCases {
                    for status in Status.allCases {
                        let count = dense[base + Int(CompactTransaction.kind(channel, status))]
                        if count > 0 { cell.add(channel, status, count: count) }
                    }
                }
                counts[HallPeriod(hall: hall, period: Period(index: firstPeriod + offset)), default: ChannelStatusCounts()]
                    .merge(cell)
            }
        }
        return counts
    }
}
