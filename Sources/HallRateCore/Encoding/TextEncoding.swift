/// The character encodings hallrate reads and writes.
package enum TextEncoding: String, CaseIterable, Sendable {
    /// UTF-8, with or without a byte-order mark.
    case utf8 = "utf-8"
    /// GB18030, a superset of GBK and GB2312: what Excel on Chinese Windows saves as "CSV".
    case gb18030
    /// UTF-16 with a byte-order mark (Excel's "Unicode text"), either byte order.
    case utf16 = "utf-16"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    /// Detect: a byte-order mark decides; otherwise UTF-8 when the whole file is valid UTF-8, else GB18030.
    case auto

    /// Accepts the spellings people use: `utf8`, `UTF-8`, `gbk`, `gb2312`, `GB18030`, `unicode`, `UTF-16LE`.
    package init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8", "utf-8-bom", "utf8-bom": self = .utf8
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        case "utf-16", "utf16", "unicode": self = .utf16
        case "utf-16le", "utf16le": self = .utf16LE
        case "utf-16be", "utf16be": self = .utf16BE
        case "auto": self = .auto
        default: return nil
        }
    }

    /// The name iconv knows the encoding by, or nil for UTF-8 (read as is) and `auto`.
    var iconvName: String? {
        switch self {
        case .utf8, .auto: return nil
        case .gb18030: return "GB18030"
        case .utf16: return "UTF-16"
        case .utf16LE: return "UTF-16LE"
        case .utf16BE: return "UTF-16BE"
        }
    }
}
