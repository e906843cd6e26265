/// Formats cells and rows of the CSV outputs: RFC 4180 quoting, and text cells made safe to open
/// in a spreadsheet.
public enum CSVFormatter {
    /// `value` quoted when it holds the delimiter, a quote, CR or LF (quotes doubled).
    public static func quoted(_ value: String, delimiter: Character = ",") -> String {
        guard value.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A text cell that a spreadsheet would run as a formula (it begins with `=`, `+`, `-`, `@`, tab or CR)
    /// gets a leading apostrophe, so it shows as text. Numbers are never passed through this.
    public static func neutralized(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
