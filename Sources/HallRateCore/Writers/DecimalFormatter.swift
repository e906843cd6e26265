#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Plain decimal text for numbers: `0.6667`, `-3.25`; never exponents, never `-0.00`.
package enum DecimalFormatter {
    /// 10^digits for 0…6, exactly.
    @inline(__always)
    private static func power(_ digits: Int) -> Double {
        switch digits {
        case 0: return 1
        case 1: return 10
        case 2: return 100
        case 3: return 1_000
        case 4: return 10_000
        case 5: return 100_000
        default: return 1_000_000
        }
    }

    /// `value` rounded to `places` decimals (0–6) exactly as C's `printf("%.*f")` rounds the binary
    /// value (to nearest, ties to even).
    ///
    /// Scales and rounds in floating point, and asks `snprintf` (exact, but thousands of instructions
    /// a call) only when the scaled value lies near a tie, where scaling could have moved it across.
    package static func format(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "" }
        let digits = max(0, min(places, 6))
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bufferSize) { buffer in
            guard let start = fastDigits(value, digits: digits, into: buffer) else {
                return formatExactly(value, places: digits)
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
        }
    }

    /// A ratio as a percentage with two decimals, by the one rounding every output shares: the ratio is
    /// rounded to the CSV's four decimals and its point moved two places (`0.59604` → `0.5960` → `59.60`).
    /// So the report, the workbook and the CSV can never print two values for one number.
    static func percentDigits(_ ratio: Double) -> String {
        let text = format(ratio, places: 4)
        guard let point = text.firstIndex(of: ".") else { return text }
        let negative = text.hasPrefix("-")
        let whole = text[text.index(text.startIndex, offsetBy: negative ? 1 : 0)..<point]
        let fraction = text[text.index(after: point)...]
        let hundreds = (Int(whole) ?? 0) * 100 + (Int(fraction.prefix(2)) ?? 0)
        return (negative ? "-" : "") + String(hundreds) + "." + fraction.dropFirst(2)
    }

    /// `value` as the CSV prints it with `places` decimals, as a number: what the workbook stores.
    static func rounded(_ value: Double, places: Int) -> Double { Double(format(value, places: places)) ?? value }

    /// The ratio as the CSV prints it (four decimals), as a number.
    static func roundedRatio(_ ratio: Double) -> Double { rounded(ratio, places: 4) }

    /// `ratio − target` in percentage points from both as printed (four decimals): exact to two places.
    static func gapPoints(_ ratio: Double, target: Double) -> Double { (roundedRatio(ratio) - roundedRatio(target)) * 100 }

    /// Appends ``format(_:places:)``'s text, as UTF-8, to `bytes` (nothing for a value that is not finite).
    @inline(__always)
    static func append(_ value: Double, places: Int, to bytes: inout [UInt8]) {
        guard value.isFinite else { return }
        let digits = max(0, min(places, 6))
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bufferSize) { buffer in
            if let start = fastDigits(value, digits: digits, into: buffer) {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...]))
            } else {
                bytes.append(contentsOf: formatExactly(value, places: digits).utf8)
            }
        }
    }

    /// Room for the fast path's longest text: 15 digits, padding to 7, a point and a sign.
    private static let bufferSize = 32

    /// Writes the text of a finite `value` at the end of `buffer` and returns where it starts, or nil
    /// when only `snprintf` can round it exactly.
    @inline(__always)
    private static func fastDigits(_ value: Double, digits: Int, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        let scaled = abs(value) * power(digits)
        guard scaled < 1e15 else { return nil }
        let fraction = scaled - scaled.rounded(.down)
        guard abs(fraction - 0.5) > 1e-6 else { return nil }
        let units = UInt64(scaled.rounded(.toNearestOrEven))
        var rest = units
        var start = buffer.count
        if digits > 0 {
            for _ in 0..<digits {
                start -= 1
                buffer[start] = 0x30 &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            }
            start -= 1
            buffer[start] = 0x2E  // .
        }
        repeat {
            start -= 1
            buffer[start] = 0x30 &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while rest > 0
        if value < 0 && units != 0 {
            start -= 1
            buffer[start] = 0x2D  // -
        }
        return start
    }

    /// `snprintf("%.*f")`, without a negative zero.
    static func formatExactly(_ value: Double, places: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 352)  // enough for any finite double
        let written = buffer.withUnsafeMutableBufferPointer { pointer in
            withVaList([Int32(places), value]) { arguments in
                vsnprintf(pointer.baseAddress, pointer.count, "%.*f", arguments)
            }
        }
        guard written > 0 else { return "" }
        var text = String(decoding: buffer.prefix(Int(written)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { text.removeFirst() }
        return text
    }
}
