/// A calendar month, the unit every figure is computed for.
///
/// Stored as months since year 0 so that `P − 1` and `P − 12` are plain subtraction.
package struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Months since January of year 0.
    package let index: Int

    package init(index: Int) { self.index = index }

    package init(year: Int, month: Int) { self.index = year * 12 + (month - 1) }

    package var year: Int { index / 12 }
    package var month: Int { index % 12 + 1 }

    /// The period `months` calendar months later (earlier when negative).
    package func advanced(by months: Int) -> Period { Period(index: index + months) }

    /// `YYYY-MM`.
    package var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + m
    }

    /// Parses `YYYY-MM`; returns nil for anything else.
    package init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        self.init(year: year, month: month)
    }

    package static func < (lhs: Period, rhs: Period) -> Bool { lhs.index < rhs.index }
}
