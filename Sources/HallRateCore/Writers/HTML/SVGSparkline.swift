/// A small multiple: one hall's monthly ratio, with its target dashed. Every hall of a tier shares
/// one scale, so that the small charts compare.
struct SVGSparkline {
    /// Oldest month first; nil where the hall did not report.
    var values: [Double?]
    var target: Double?
    /// The ratio at the top of the chart (shared by the tier's halls).
    var top: Double
    /// Plain-text description for screen readers (escaped here).
    var title: String
    var width = 196.0
    var height = 52.0

    private let pad = 4.0

    /// The `<svg>` element.
    func svg() -> String {
        let c = HTMLNumber.coordinate
        func x(_ i: Int) -> Double {
            values.count < 2 ? width / 2 : pad + (width - 2 * pad) * Double(i) / Double(values.count - 1)
        }
        func y(_ ratio: Double) -> Double { pad + (height - 2 * pad) * (1 - min(max(ratio, 0), top) / max(top, 0.01)) }
        var svg = "<svg class=\"spark\" viewBox=\"0 0 \(c(width)) \(c(height))\" role=\"img\" aria-label=\"\(HTMLEscaping.escape(title))\">"
        svg += "<line class=\"spark-base\" x1=\"\(c(pad))\" y1=\"\(c(y(0)))\" x2=\"\(c(width - pad))\" y2=\"\(c(y(0)))\"/>"
        if let target {
            svg += "<line class=\"target\" x1=\"\(c(pad))\" y1=\"\(c(y(target)))\" x2=\"\(c(width - pad))\" y2=\"\(c(y(target)))\"/>"
        }
        var segment: [String] = []
        func flush() {
            if segment.count > 1 { svg += "<polyline class=\"spark-line\" points=\"\(segment.joined(separator: " "))\"/>" }
            segment = []
        }
        for (i, value) in values.enumerated() {
            guard let value else {
                flush()
                continue
            }
            segment.append("\(c(x(i))),\(c(y(value)))")
            // A month alone between gaps still shows, as a dot.
            let alone = (i == 0 || values[i - 1] == nil) && (i == values.count - 1 || values[i + 1] == nil)
            if alone && i != values.count - 1 { svg += "<circle class=\"spark-dot\" cx=\"\(c(x(i)))\" cy=\"\(c(y(value)))\" r=\"1.8\"/>" }
        }
        flush()
        if let last = values.last, let value = last {
            let below = target.map { value < $0 } ?? false
            svg +=
                "<circle class=\"\(below ? "spark-end below" : "spark-end")\" cx=\"\(c(x(values.count - 1)))\" cy=\"\(c(y(value)))\" r=\"3\"/>"
        }
        return svg + "</svg>"
    }
}
