import Foundation

/// Stage 4b, figures and trends: a metric's ratio and Wilson bound per hall and month, then prev_ratio,
/// delta_pp, ratio_3m, slope_pp and yoy_delta_pp over calendar months (contract rules 6–7).
///
/// A hall "has data" for a metric in a month when the metric's denominator is above 0 (for 网上办事率:
/// at least one counted, not withdrawn, transaction).
enum TrendCalculator {
    /// z for a 95 % interval, as the contract fixes it.
    static let z = 1.959964

    private struct Cell {
        let hall: Int
        let period: Int
        let denominator: Int
        let numerator: Int
        let volume: Int
    }

    /// - Returns: one ``HallMonth`` per hall and month with data, sorted by hall then month.
    /// - Complexity: O(n log n) in the number of hall-months: one sort, then each month looks back
    ///   at most 12 entries of its hall (months are unique and ascending within a hall).
    /// - Parameter timeLimits: the time-limit counts, for a metric made of them (``Metric/isTimeLimit``).
    static func calculate(
        _ counts: [HallPeriod: ChannelStatusCounts], timeLimits: [HallPeriod: TimeLimitCounts] = [:], metric: Metric
    ) -> [HallMonth] {
        var cells: [Cell] = []
        func add(_ key: HallPeriod, _ denominator: Int, _ numerator: Int, _ volume: Int) {
            if denominator > 0 {
                cells.append(
                    Cell(hall: key.hall, period: key.period.index, denominator: denominator, numerator: numerator, volume: volume))
            }
        }
        if metric.isTimeLimit {
            cells.reserveCapacity(timeLimits.count)
            for (key, cell) in timeLimits {
                add(key, metric.denominator.value(in: cell), metric.numerator.value(in: cell), metric.volume.value(in: cell))
            }
        } else {
            cells.reserveCapacity(counts.count)
            for (key, cell) in counts {
                add(key, metric.denominator.value(in: cell), metric.numerator.value(in: cell), metric.volume.value(in: cell))
            }
        }
        cells.sort { $0.hall != $1.hall ? $0.hall < $1.hall : $0.period < $1.period }

        var rows: [HallMonth] = []
        rows.reserveCapacity(cells.count)
        var points: [(Double, Double)] = []
        points.reserveCapacity(6)
        cells.withUnsafeBufferPointer { cells in
            var start = 0
            for i in cells.indices {
                let here = cells[i]
                if i > 0, cells[i - 1].hall != here.hall { start = i }
                let p = here.period
                /// The entry of this hall for month `q` (q ≤ p), found by walking back from `i`.
                func entry(_ q: Int) -> Cell? {
                    var j = i
                    while j >= start, cells[j].period > q { j -= 1 }
                    return j >= start && cells[j].period == q ? cells[j] : nil
                }
                func ratio(_ q: Int) -> Double? { entry(q).map { Double($0.numerator) / Double($0.denominator) } }
                let r = Double(here.numerator) / Double(here.denominator)
                let prev = ratio(p - 1)
                var sumNumerator = 0
                var sumDenominator = 0
                points.removeAll(keepingCapacity: true)
                // Months p-5 … p, ascending: walk back, then fill in order.
                var j = i
                var found: (Int, Int, Int, Int, Int, Int) = (-1, -1, -1, -1, -1, -1)
                withUnsafeMutableBytes(of: &found) { raw in
                    let slots = raw.bindMemory(to: Int.self)
                    while j >= start, cells[j].period >= p - 5 {
                        slots[p - cells[j].period] = j
                        j -= 1
                    }
                    for back in stride(from: 5, through: 0, by: -1) where slots[back] >= 0 {
                        let m = cells[slots[back]]
                        if back <= 2 {
                            sumNumerator += m.numerator
                            sumDenominator += m.denominator
                        }
                        points.append((Double(p - back), Double(m.numerator) / Double(m.denominator) * 100))
                    }
                }
                rows.append(
                    HallMonth(
                        hall: here.hall, period: Period(index: p), denominator: here.denominator, numerator: here.numerator,
                        volume: here.volume,
                        wilsonLow: wilsonLow(online: here.numerator, total: here.denominator),
                        prevRatio: prev, deltaPP: prev.map { (r - $0) * 100 },
                        ratio3m: Double(sumNumerator) / Double(sumDenominator),
                        slopePP: points.count >= 3 ? slope(points) : nil,
                        yoyDeltaPP: ratio(p - 12).map { (r - $0) * 100 }))
            }
        }
        return rows
    }

    /// Lower bound of the 95 % Wilson score interval for `online` successes out of `total`.
    static func wilsonLow(online: Int, total: Int) -> Double {
        let n = Double(total)
        let p = Double(online) / n
        let z2 = z * z
        return (p + z2 / (2 * n) - z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()) / (1 + z2 / n)
    }

    /// Least-squares slope of y against x.
    static func slope(_ points: [(Double, Double)]) -> Double {
        let n = Double(points.count)
        let meanX = points.reduce(0) { $0 + $1.0 } / n
        let meanY = points.reduce(0) { $0 + $1.1 } / n
        var numerator = 0.0
        var denominator = 0.0
        for (x, y) in points {
            numerator += (x - meanX) * (y - meanY)
            denominator += (x - meanX) * (x - meanX)
        }
        return numerator / denominator
    }
}
