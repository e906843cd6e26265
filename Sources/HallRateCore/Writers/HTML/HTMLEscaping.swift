/// Escaping of text that comes from data (hall names, codes, the pipeline name) for HTML and inline SVG.
enum HTMLEscaping {
    /// `text` made safe for element content and for double- or single-quoted attribute values:
    /// `& < > " '` become entities, and control characters that HTML forbids become U+FFFD.
    static func escape(_ text: String) -> String {
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped.append(contentsOf: "&amp;".unicodeScalars)
            case "<": escaped.append(contentsOf: "&lt;".unicodeScalars)
            case ">": escaped.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": escaped.append(contentsOf: "&quot;".unicodeScalars)
            case "'": escaped.append(contentsOf: "&#39;".unicodeScalars)
            case "\t", "\n", "\r": escaped.append(scalar)
            default:
                let value = scalar.value
                escaped.append(value < 0x20 || (0x7F...0x9F).contains(value) ? "\u{FFFD}" : scalar)
            }
        }
        return String(escaped)
    }
}
