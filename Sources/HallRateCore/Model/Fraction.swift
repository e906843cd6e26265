import Foundation

/// An exact non-negative rational number, for comparisons that must not suffer rounding
/// (ratios against each other and against targets).
package struct Fraction: Hashable, Sendable, CustomStringConvertible {
    package let numerator: Int
    package let denominator: Int

    package init(_ numerator: Int, _ denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// Parses a decimal such as `0.65`, `1`, or a percentage such as `65%` (at most 6 decimals, so that
    /// cross-multiplied comparisons cannot overflow); nil for anything else.
    package init?(decimal text: String) {
        var digits = text.trimmingCharacters(in: .whitespaces)
        var scale = 1
        if digits.hasSuffix("%") {
            digits.removeLast()
            scale = 100
        }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !digits.isEmpty,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), parts.count == 1 || !parts[1].isEmpty,
            parts.count == 1 || parts[1].count <= 6, parts[0].count <= 6
        else { return nil }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard let whole = Int(parts[0].isEmpty ? "0" : String(parts[0])), let decimals = Int(fraction.isEmpty ? "0" : fraction)
        else { return nil }
        var denominator = 1
        for _ in 0..<fraction.count { denominator *= 10 }
        self.init((whole * denominator + decimals), denominator * scale)
    }

    package var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// Exact `self < other` by cross-multiplication.
    package func isLess(than other: Fraction) -> Bool {
        numerator * other.denominator < other.numerator * denominator
    }

    /// Exact equality of values (1/2 equals 2/4).
    package func hasSameValue(as other: Fraction) -> Bool {
        numerator * other.denominator == other.numerator * denominator
    }

    package var description: String { "\(numerator)/\(denominator)" }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
