/// Writes XML into a byte buffer, escaping every text and attribute value: no markup is ever
/// assembled from unescaped data.
struct XMLStreamWriter {
    private(set) var bytes: [UInt8] = []
    private var open: [String] = []

    init(declaration: Bool = true) {
        if declaration { raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n") }
    }

    /// Opens `<name attributes…>`.
    mutating func start(_ name: String, _ attributes: [(String, String)] = []) {
        raw("<" + name)
        for (key, value) in attributes { raw(" \(key)=\"" + XMLStreamWriter.escape(value, attribute: true) + "\"") }
        raw(">")
        open.append(name)
    }

    /// Closes the innermost open element.
    mutating func end() {
        guard let name = open.popLast() else { return }
        raw("</\(name)>")
    }

    /// `<name attributes…/>`.
    mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
        raw("<" + name)
        for (key, value) in attributes { raw(" \(key)=\"" + XMLStreamWriter.escape(value, attribute: true) + "\"") }
        raw("/>")
    }

    /// `<name attributes…>text</name>`, the text escaped.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text: String) {
        start(name, attributes)
        raw(XMLStreamWriter.escape(text, attribute: false))
        end()
    }

    private mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// `text` with `& < >` (and quotes in attributes) escaped and the characters XML 1.0 forbids dropped.
    static func escape(_ text: String, attribute: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where attribute: result += "&quot;"
            case "\t", "\n", "\r": result += attribute ? "&#\(scalar.value);" : String(scalar)
            default:
                let value = scalar.value
                guard value >= 0x20, value != 0xFFFE, value != 0xFFFF else { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
