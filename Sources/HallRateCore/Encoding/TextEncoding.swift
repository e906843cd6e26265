/// The character encodings hallrate reads and writes.
public enum TextEncoding: String, CaseIterable, Sendable {
    /// UTF-8, with or without a byte-order mark.
    case utf8 = "utf-8"
    /// GB18030, a superset of GBK and GB2312: what Excel on Chinese Windows saves as "CSV".
    case gb18030

    /// Accepts the spellings people use: `utf8`, `UTF-8`, `gbk`, `gb2312`, `GB18030`.
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8", "utf-8-bom", "utf8-bom": self = .utf8
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        default: return nil
        }
    }
}
