/// Escaping of text for XML element content, attribute values and CDATA sections.
enum XMLEscape {
    /// Element content: `&`, `<` and `>` become entities.
    static func text(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }

    /// An attribute value between double quotes: as ``text(_:)``, and `"` too.
    static func attribute(_ value: String) -> String {
        text(value).replacingAll("\"", with: "&quot;")
    }

    /// True when `value` can sit in a CDATA section (it must not contain `]]>`).
    static func fitsCDATA(_ value: String) -> Bool {
        !value.contains("]]>")
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
