#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain decimal text for numbers: `0.6667`, `-3.25`; never exponents, never `-0.00`.
public enum DecimalFormatter {
    private static let powers: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]

    /// `value` rounded to `places` decimals (0–6) exactly as C's `printf("%.*f")` rounds the binary
    /// value (to nearest, ties to even).
    ///
    /// Scales and rounds in floating point, and asks `snprintf` (exact, but thousands of instructions
    /// a call) only when the scaled value lies near a tie, where scaling could have moved it across.
    public static func format(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "" }
        let digits = max(0, min(places, powers.count - 1))
        let scaled = abs(value) * powers[digits]
        guard scaled < 1e15 else { return formatExactly(value, places: digits) }
        let fraction = scaled - scaled.rounded(.down)
        guard abs(fraction - 0.5) > 1e-6 else { return formatExactly(value, places: digits) }
        let units = Int64(scaled.rounded(.toNearestOrEven))
        var text = String(units)
        if digits > 0 {
            if text.count <= digits { text = String(repeating: "0", count: digits - text.count + 1) + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -digits))
        }
        return value < 0 && units != 0 ? "-" + text : text
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
