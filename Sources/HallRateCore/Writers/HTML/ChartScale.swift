/// The vertical scale of a ratio chart: from 0 to a rounded top, with evenly spaced ticks.
struct ChartScale: Equatable, Sendable {
    /// The ratio at the top of the plot (at most 1).
    let top: Double
    /// The ratio between two grid lines.
    let step: Double

    /// A scale that shows `highest` (the largest value or target) with some headroom.
    init(highest: Double) {
        let wanted = min(1, max(0.1, ((max(0, highest) + 0.05) * 10).rounded(.up) / 10))
        step = wanted <= 0.3 ? 0.05 : wanted <= 0.6 ? 0.1 : 0.2
        top = min(1, (wanted / step - 1e-9).rounded(.up) * step)
    }

    /// The grid values from 0 to the top.
    var ticks: [Double] {
        let count = Int((top / step).rounded())
        return (0...max(1, count)).map { Double($0) * step }
    }
}
