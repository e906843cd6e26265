import Foundation

/// Stage 4b, figures and trends: ratio and Wilson bound per hall and month, then prev_ratio,
/// delta_pp, ratio_3m, slope_pp and yoy_delta_pp over calendar months (contract rules 6–7).
///
/// A hall "has data" in a month when it has at least one counted (not withdrawn) transaction.
enum TrendCalculator {
    /// z for a 95 % interval, as the contract fixes it.
    static let z = 1.959964

    /// - Returns: one ``HallMonth`` per hall and month with data, sorted by hall then month.
    static func calculate(_ counts: [HallPeriod: ChannelStatusCounts]) -> [HallMonth] {
        var byHall: [Int: [Int: (total: Int, online: Int)]] = [:]
        for (key, cell) in counts where cell.total > 0 {
            byHall[key.hall, default: [:]][key.period.index] = (cell.total, cell.online)
        }
        var rows: [HallMonth] = []
        for hall in byHall.keys.sorted() {
            guard let months = byHall[hall] else { continue }
            func ratio(_ p: Int) -> Double? { months[p].map { Double($0.online) / Double($0.total) } }
            for p in months.keys.sorted() {
                guard let here = months[p], let r = ratio(p) else { continue }
                let prev = ratio(p - 1)
                var sumOnline = 0
                var sumTotal = 0
                for q in (p - 2)...p {
                    if let m = months[q] {
                        sumOnline += m.online
                        sumTotal += m.total
                    }
                }
                let points = ((p - 5)...p).compactMap { q in ratio(q).map { (Double(q), $0 * 100) } }
                rows.append(HallMonth(
                    hall: hall, period: Period(index: p), total: here.total, online: here.online,
                    wilsonLow: wilsonLow(online: here.online, total: here.total),
                    prevRatio: prev, deltaPP: prev.map { (r - $0) * 100 },
                    ratio3m: Double(sumOnline) / Double(sumTotal),
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
