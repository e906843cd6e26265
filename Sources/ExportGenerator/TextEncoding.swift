/// The byte encoding of an export file.
enum TextEncoding {
    case utf8, utf8WithBOM, gb18030

    /// The file bytes for UTF-8 `text`.
    func encode(_ utf8: [UInt8]) throws -> [UInt8] {
        switch self {
        case .utf8: return utf8
        case .utf8WithBOM: return [0xEF, 0xBB, 0xBF] + utf8
        case .gb18030: return try GB18030.encode(utf8)
        }
    }
}
