import Foundation

/// Plain decimal text for numbers: `0.6667`, `-3.25`; never exponents, never `-0.00`.
public enum DecimalFormatter {
    /// `value` rounded to `places` decimals, as C's `printf("%.*f")` rounds the binary value.
    public static func format(_ value: Double, places: Int) -> String {
        let text = String(format: "%.\(places)f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            return String(text.dropFirst())
        }
        return text
    }
}
