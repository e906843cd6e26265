/// Formats cells and rows of the CSV outputs: RFC 4180 quoting, and text cells made safe to open
/// in a spreadsheet.
public enum CSVFormatter {
    /// `value` quoted when it holds the delimiter, a quote, CR or LF (quotes doubled).
    /// - Parameter delimiter: an ASCII delimiter.
    public static func quoted(_ value: String, delimiter: Character = ",") -> String {
        let separator = delimiter.asciiValue ?? UInt8(ascii: ",")
        guard value.utf8.contains(where: { $0 == separator || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            return value
        }
        var result = "\""
        for character in value.unicodeScalars {
            if character == "\"" { result += "\"\"" } else { result.unicodeScalars.append(character) }
        }
        return result + "\""
    }

    /// A text cell that a spreadsheet would run as a formula (it begins with `=`, `+`, `-`, `@`, tab or CR)
    /// gets a leading apostrophe, so it shows as text. Numbers are never passed through this.
    public static func neutralized(_ text: String) -> String {
        guard let first = text.utf8.first, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first) else { return text }
        return "'" + text
    }
}
