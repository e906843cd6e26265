/// Hand-written decimal formatting into byte buffers, so the hot paths never touch Foundation formatters.
extension Array where Element == UInt8 {
    /// Appends `value` (non-negative) zero-padded to exactly `width` digits (higher digits are dropped).
    mutating func appendDigits(_ value: Int, width: Int) {
        var divisor = 1
        for _ in 1..<Swift.max(width, 1) { divisor &*= 10 }
        while divisor > 0 {
            append(UInt8(truncatingIfNeeded: 48 + value / divisor % 10))
            divisor /= 10
        }
    }

    /// Appends `value` (non-negative) without padding.
    mutating func appendDecimal(_ value: Int) {
        var width = 1
        var limit = 10
        while value >= limit && width < 19 {
            width += 1
            limit &*= 10
        }
        appendDigits(value, width: width)
    }

    /// Appends the UTF-8 bytes of `text`.
    mutating func appendText(_ text: String) { append(contentsOf: text.utf8) }
}
