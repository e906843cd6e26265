/// Number text of the HTML report: percentages, signed percentage points, SVG coordinates.
enum HTMLNumber {
    /// A ratio as a percentage with two decimals, rounded as the CSV rounds it: `0.61325` → `61.33%`.
    static func percent(_ ratio: Double) -> String {
        DecimalFormatter.percentDigits(ratio) + "%"
    }

    /// A ratio as a percentage with `places` decimals, for chart axes and geometry: `0.6` → `60%`.
    static func percent(_ ratio: Double, places: Int) -> String {
        DecimalFormatter.format(ratio * 100, places: places) + "%"
    }

    /// Percentage points with an explicit sign and a typographic minus: `+2.30`, `−1.25`, `0.00`.
    static func signed(_ value: Double, places: Int = 2) -> String {
        let text = DecimalFormatter.format(value, places: places)
        if text.hasPrefix("-") { return "\u{2212}" + text.dropFirst() }
        return text.allSatisfy { $0 == "0" || $0 == "." } ? text : "+" + text
    }

    /// An SVG coordinate with one decimal.
    static func coordinate(_ value: Double) -> String {
        DecimalFormatter.format(value, places: 1)
    }
}
