/// The byte encoding of an export file.
enum TextEncoding {
    case utf8, utf8WithBOM, gb18030
    /// UTF-16 little-endian with the byte-order mark FF FE (Excel's "Unicode text").
    case utf16LEWithBOM

    /// The file bytes for UTF-8 `text`.
    func encode(_ utf8: [UInt8]) throws -> [UInt8] {
        switch self {
        case .utf8: return utf8
        case .utf8WithBOM: return [0xEF, 0xBB, 0xBF] + utf8
        case .gb18030: return try GB18030.encode(utf8)
        case .utf16LEWithBOM:
            var bytes: [UInt8] = [0xFF, 0xFE]
            for unit in String(decoding: utf8, as: UTF8.self).utf16 {
                bytes.append(UInt8(truncatingIfNeeded: unit))
                bytes.append(UInt8(truncatingIfNeeded: unit >> 8))
            }
            return bytes
        }
    }

    /// How the README names it.
    var label: String {
        switch self {
        case .utf8: return "UTF-8, no BOM"
        case .utf8WithBOM: return "UTF-8 with BOM"
        case .gb18030: return "GB18030"
        case .utf16LEWithBOM: return "UTF-16LE with BOM"
        }
    }
}
