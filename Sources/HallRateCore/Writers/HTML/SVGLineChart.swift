/// A monthly ratio series against a target, as an inline SVG line chart with axes, month labels
/// and percentages. Gray-safe: the series is a solid line with dots, the target a dashed line.
struct SVGLineChart {
    /// One month of the series; `value` nil leaves a gap in the line.
    struct Point {
        /// The month in full, for the point's tooltip: `2019年1月`.
        let label: String
        let value: Double?
        /// Under the axis: the month (`1月`), and below it the year where it changes (`2019年`).
        var axis: String? = nil
        var axisYear: String? = nil
    }

    var points: [Point]
    /// The target ratio, drawn dashed; nil draws none.
    var target: Double?
    /// The month to mark and label (usually the report's month).
    var highlighted: Int?
    /// Plain-text description for screen readers (escaped here).
    var title: String
    /// Label of the target line, e.g. `目标`.
    var targetWord: String
    var width = 1060.0
    var height = 270.0

    private let left = 56.0, right = 74.0, top = 18.0, bottom = 40.0

    /// The `<svg>` element.
    func svg() -> String {
        let values = points.compactMap(\.value)
        let scale = ChartScale(highest: max(values.max() ?? 0, target ?? 0))
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func x(_ i: Int) -> Double {
            points.count < 2 ? left + plotWidth / 2 : left + plotWidth * Double(i) / Double(points.count - 1)
        }
        func y(_ ratio: Double) -> Double { top + plotHeight * (1 - min(ratio, scale.top) / scale.top) }
        let c = HTMLNumber.coordinate
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(c(width)) \(c(height))\" role=\"img\" aria-label=\"\(HTMLEscaping.escape(title))\">"
        svg += "<title>\(HTMLEscaping.escape(title))</title>"
        // Grid and y axis labels.
        for tick in scale.ticks {
            let yy = c(y(tick))
            svg += "<line class=\"grid\" x1=\"\(c(left))\" y1=\"\(yy)\" x2=\"\(c(width - right))\" y2=\"\(yy)\"/>"
            svg +=
                "<text class=\"axis\" x=\"\(c(left - 8))\" y=\"\(yy)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(HTMLNumber.percent(tick, places: 0))</text>"
        }
        svg +=
            "<line class=\"axis-line\" x1=\"\(c(left))\" y1=\"\(c(top + plotHeight))\" x2=\"\(c(width - right))\" y2=\"\(c(top + plotHeight))\"/>"
        // Month labels, thinned so that they never overlap; counted back from the last month, which is always labelled.
        let every = max(1, Int((Double(points.count) * 58 / plotWidth).rounded(.up)))
        for (i, point) in points.enumerated() where (points.count - 1 - i) % every == 0 {
            svg +=
                "<line class=\"tick\" x1=\"\(c(x(i)))\" y1=\"\(c(top + plotHeight))\" x2=\"\(c(x(i)))\" y2=\"\(c(top + plotHeight + 5))\"/>"
            svg +=
                "<text class=\"axis\" x=\"\(c(x(i)))\" y=\"\(c(top + plotHeight + 19))\" text-anchor=\"middle\">\(HTMLEscaping.escape(point.axis ?? point.label))</text>"
            if let year = point.axisYear {
                svg +=
                    "<text class=\"axis\" x=\"\(c(x(i)))\" y=\"\(c(top + plotHeight + 35))\" text-anchor=\"middle\">\(HTMLEscaping.escape(year))</text>"
            }
        }
        if let target {
            let yy = c(y(target))
            svg += "<line class=\"target\" x1=\"\(c(left))\" y1=\"\(yy)\" x2=\"\(c(width - right))\" y2=\"\(yy)\"/>"
            svg +=
                "<text class=\"target-label\" x=\"\(c(width - right + 6))\" y=\"\(yy)\" dominant-baseline=\"middle\">\(HTMLEscaping.escape(targetWord)) \(HTMLNumber.percent(target, places: 0))</text>"
        }
        // The series: one path per run of months with data, so that gaps stay visible.
        var runs: [[Int]] = []
        for (i, point) in points.enumerated() where point.value != nil {
            if let last = runs.last?.last, last == i - 1 { runs[runs.count - 1].append(i) } else { runs.append([i]) }
        }
        for run in runs where run.count > 1 {
            let area = run.compactMap { i in points[i].value.map { "\(c(x(i))),\(c(y($0)))" } }
            if let first = run.first, let last = run.last {
                svg +=
                    "<path class=\"area\" d=\"M\(c(x(first))),\(c(y(0))) L\(area.joined(separator: " L")) L\(c(x(last))),\(c(y(0))) Z\"/>"
            }
            svg += "<path class=\"series\" d=\"M\(area.joined(separator: " L"))\"/>"
        }
        for (i, point) in points.enumerated() {
            guard let value = point.value else { continue }
            let below = target.map { value < $0 } ?? false
            svg +=
                "<circle class=\"\(below ? "dot below" : "dot")\" cx=\"\(c(x(i)))\" cy=\"\(c(y(value)))\" r=\"\(i == highlighted ? "5.5" : "3.5")\">"
            svg += "<title>\(HTMLEscaping.escape(point.label)): \(HTMLNumber.percent(value))</title></circle>"
        }
        if let i = highlighted, points.indices.contains(i), let value = points[i].value {
            let above = y(value) - 12 > top
            svg +=
                "<text class=\"value-label\" x=\"\(c(x(i)))\" y=\"\(c(above ? y(value) - 12 : y(value) + 20))\" text-anchor=\"\(i == points.count - 1 && points.count > 1 ? "end" : "middle")\">\(HTMLNumber.percent(value))</text>"
        }
        return svg + "</svg>"
    }
}
